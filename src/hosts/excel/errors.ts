import { API_NOT_FOUND_MESSAGE } from "./apiMessage";
import { Localized } from "../../domain/i18n";

/**
 * Office.js errors (OfficeExtension.Error: `code`, `message`, `debugInfo`) mapped to messages the
 * user can act on. Codes: https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 */
export type HostErrorKind =
  | "cellEditMode"
  | "protected"
  | "apiNotFound"
  | "requestTooLarge"
  | "responseTooLarge"
  | "mergeConflict"
  | "itemNotFound"
  | "itemAlreadyExists"
  | "busy"
  | "unknown";

export interface HostErrorInfo {
  kind: HostErrorKind;
  /** The Office error code, when there was one. */
  code?: string;
  message: Localized;
}

/** An Office.js failure turned into a user message; thrown by the renderers and readers. */
export class HostError extends Error {
  constructor(
    readonly info: HostErrorInfo,
    override readonly cause?: unknown,
  ) {
    super(info.message.en);
    this.name = "HostError";
  }
}

const MESSAGES: Record<HostErrorKind, Localized> = {
  cellEditMode: {
    pl: "Excel edytuje teraz komórkę. Zakończ edycję (Enter lub Esc) i spróbuj ponownie.",
    en: "Excel is editing a cell. Finish editing (Enter or Esc) and try again.",
  },
  protected: {
    pl: "Arkusz lub skoroszyt jest chroniony. Wyłącz ochronę (Recenzja → Nie chroń arkusza) i spróbuj ponownie.",
    en: "The sheet or workbook is protected. Unprotect it (Review → Unprotect Sheet) and try again.",
  },
  apiNotFound: API_NOT_FOUND_MESSAGE,
  requestTooLarge: {
    pl: "Excel odrzucił zbyt duże żądanie (limit 5 MB). Zgłoś to autorom Miernika; spróbuj na mniejszym zakresie.",
    en: "Excel refused a request that was too large (5 MB limit). Please report it; try a smaller range.",
  },
  responseTooLarge: {
    pl: "Excel odrzucił zbyt dużą odpowiedź (limit 5 MB). Zgłoś to autorom Miernika; spróbuj na mniejszym zakresie.",
    en: "Excel refused a response that was too large (5 MB limit). Please report it; try a smaller range.",
  },
  mergeConflict: {
    pl: "Scalone komórki kolidują z tabelą. Rozdziel scalenia w tym obszarze i spróbuj ponownie.",
    en: "Merged cells conflict with a table. Unmerge the cells in that area and try again.",
  },
  itemNotFound: {
    pl: "Nie znaleziono arkusza, tabeli lub nazwy, której Miernik szuka. Czy ktoś ją usunął lub przemianował?",
    en: "A sheet, table or name Miernik looks for was not found. Was it deleted or renamed?",
  },
  itemAlreadyExists: {
    pl: "Arkusz, tabela lub nazwa, którą Miernik tworzy, już istnieje (wielkość liter się nie liczy). Zmień nazwę istniejącej i spróbuj ponownie.",
    en: "A sheet, table or name Miernik creates already exists (letter case does not count). Rename the existing one and try again.",
  },
  busy: {
    pl: "Excel jest zajęty. Poczekaj chwilę i spróbuj ponownie.",
    en: "Excel is busy. Wait a moment and try again.",
  },
  unknown: {
    pl: "Excel zgłosił nieoczekiwany błąd",
    en: "Excel reported an unexpected error",
  },
};

function codeOf(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const c = (e as { code: unknown }).code;
    if (typeof c === "string") return c;
  }
  return undefined;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "object" && e !== null && "message" in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

function kindOf(code: string | undefined, message: string): HostErrorKind {
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return "cellEditMode";
    case "InvalidOperation":
      return /edit(ing)? mode|cell edit/i.test(message) ? "cellEditMode" : "unknown";
    // Only codes of Excel.ErrorCodes (@types/office-js): a protected sheet is reported as AccessDenied.
    case "AccessDenied":
      return "protected";
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return "apiNotFound";
    // RequestPayloadSizeLimitExceeded is not in Excel.ErrorCodes (@types/office-js) but is the code the
    // Office add-in resource-limits page gives for Excel on the web's 5 MB request limit; kept for that.
    // OperationCellsExceedLimit / RangeExceedsLimit are Excel.ErrorCodes for too many cells at once.
    case "RequestPayloadSizeLimitExceeded":
    case "OperationCellsExceedLimit":
    case "RangeExceedsLimit":
      return "requestTooLarge";
    case "ResponsePayloadSizeLimitExceeded":
      return "responseTooLarge";
    case "MergedRangeConflict":
      return "mergeConflict";
    case "ItemNotFound":
      return "itemNotFound";
    case "ItemAlreadyExists":
      return "itemAlreadyExists";
    case "Conflict":
    case "RequestAborted":
      return "busy";
    default:
      return "unknown";
  }
}

/** Describe any error thrown inside Excel.run in the user's terms. */
export function describeHostError(e: unknown): HostErrorInfo {
  if (e instanceof HostError) return e.info;
  const code = codeOf(e);
  const raw = messageOf(e);
  const kind = kindOf(code, raw);
  const base = MESSAGES[kind];
  if (kind !== "unknown") return { kind, code, message: base };
  const detail = `${code ? `${code}: ` : ""}${raw}`.split("\n")[0];
  return { kind, code, message: { pl: `${base.pl} (${detail}).`, en: `${base.en} (${detail}).` } };
}

/** Wrap an Office.js error into a HostError (leaves HostErrors as they are). */
export function toHostError(e: unknown): HostError {
  return e instanceof HostError ? e : new HostError(describeHostError(e), e);
}
