/**
 * Defined names in ExcelJS, kept verbatim. ExcelJS's DefinedNames keeps names as per-cell matrices: a
 * name over 100 000 rows costs 100 000 entries (reading a Miernik register with its 45 column names took
 * ~45 s), and constants and formulas are dropped. `rawNames(wb)` switches a workbook to a plain map:
 * names read from a file and names added by the renderer are stored as written and written back as they
 * were. Install it before loading a file.
 */
import type ExcelJS from "exceljs";

export interface NameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

const RAW_NAMES = Symbol("miernikRawNames");
type PatchedNames = { [RAW_NAMES]?: Map<string, NameModel>; model: NameModel[] };

const key = (n: NameModel) => `${n.localSheetId ?? ""}\u0000${n.name}`;

export function rawNames(wb: ExcelJS.Workbook): Map<string, NameModel> {
  const dn = wb.definedNames as unknown as PatchedNames;
  const existing = dn[RAW_NAMES];
  if (existing) return existing;
  const raw = new Map<string, NameModel>();
  Object.defineProperty(dn, "model", {
    configurable: true,
    get: () => [...raw.values()],
    set: (v: NameModel[] | undefined) => {
      raw.clear();
      for (const n of v ?? []) raw.set(key(n), n);
    },
  });
  dn[RAW_NAMES] = raw;
  return raw;
}

/** Adds (or replaces) a workbook-level name. */
export function setRawName(wb: ExcelJS.Workbook, name: string, refersTo: string): void {
  const n: NameModel = { name, ranges: [refersTo.startsWith("=") ? refersTo.slice(1) : refersTo] };
  rawNames(wb).set(key(n), n);
}

/**
 * A print area as ExcelJS's `pageSetup.printArea` must hold it to be written back anchored. ExcelJS writes
 * `'Sheet'!$<first>:$<last>`, which anchors only the columns: the "A1:H64" it reads from a file would go out as
 * `$A1:$H64`, a print area LibreOffice does not take (it prints the whole sheet, hidden-from-print columns
 * included). "A1:H64" → "A$1:H$64" (written `$A$1:$H$64`); several areas ("&&") each.
 */
export function anchoredPrintArea(area: string): string {
  return area
    .split("&&")
    .map((a) => a.replace(/\$/g, "").replace(/([A-Za-z]+)(\d+)/g, "$1$$$2"))
    .join("&&");
}
