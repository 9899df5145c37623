/**
 * The Participants tab (call 9.1 applicants): create the register table and the criteria sheet, import
 * participants from a file read in the browser, and check the card's criteria — cards per criterion with
 * met / not met / not applicable, share vs threshold, shortfall and points; row problems with their cell.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { useDialogStyles } from "../dialogStyles";
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../domain/card/load";
import type { Card as CriteriaCard, CriterionResult, RowIssue } from "../../domain/card/types";
import { isoToSerial } from "../../domain/dates";
import {
  capitalize,
  formatDateIso,
  parseDateInput,
  quoted,
  type Lang,
  type Localized,
} from "../../domain/i18n";
import { formatShare } from "../../domain/numbers";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { columnLetters } from "../../workbook/address";
import type { XlsxParser } from "../../workbook/summary/inputs";
import { FilePicker } from "../FilePicker";
import { errorMessage, WorkbookHost } from "../host";
import { badCardText, count, formatCount } from "../i18n";
import { Notice } from "../lazyFeedback";
import {
  applyImport,
  checkCriteria,
  CheckOutcome,
  createRegister,
  ImportPreview,
  previewImport,
  REGISTER_SHEET,
  ROW_ISSUES_LISTED,
} from "./flows";
import { useDateFollowingLang } from "../useDateFollowingLang";
import { Figure } from "./Figure";

const L = (pl: string, en: string): Localized => ({ pl, en });
export const PARTICIPANTS_TEXT = {
  intro: L(
    "Rejestr uczestników projektu i samoocena kryteriów karty naboru. Formuły w skoroszycie liczą kryteria na bieżąco, także bez Miernika.",
    "The project's participant register and a self-check of the call's criteria. Formulas in the workbook keep the criteria live, even without Miernik.",
  ),
  asOf: L("Stan na dzień", "As of"),
  card: L("Karta oceny", "Criteria card"),
  cardFile: L("Wczytaj inną kartę (JSON)…", "Load another card (JSON)…"),
  create: L("Utwórz rejestr uczestników", "Create participant register"),
  importFile: L("Importuj uczestników (.xlsx, .csv)…", "Import participants (.xlsx, .csv)…"),
  check: L("Sprawdź kryteria", "Check criteria"),
  cancel: L("Anuluj", "Cancel"),
  working: L("Trwa praca…", "Working…"),
  cancelled: L("Przerwano. Nic nie zostało zapisane.", "Cancelled. Nothing was written."),
  kept: L("Pozostawiono istniejący arkusz bez zmian.", "The existing sheet was kept unchanged."),
  replaceTitle: L("Zastąpić arkusz?", "Replace the sheet?"),
  replace: L("Zastąp", "Replace"),
  keep: L("Zachowaj arkusz", "Keep the sheet"),
  importTitle: L("Import uczestników", "Import participants"),
  columnMapping: L("Kolumny pliku i kolumny rejestru", "File columns and register columns"),
  add: L("Dodaj", "Add"),
  met: L("Spełnione", "Met"),
  notMet: L("Niespełnione", "Not met"),
  na: L("Nie dotyczy", "Not applicable"),
  target: L("Cel naboru", "Call target"),
  targetNote: L(
    "cel dla całego naboru, nie dla projektu",
    "the target of the whole call, not of the project",
  ),
  productGroup: L("Wskaźniki produktu (cele naboru)", "Product indicators (call targets)"),
  noPoints: L("karta nie podaje liczby punktów", "the card does not state its points"),
  verdictAllMet: L("Wszystkie kryteria spełnione", "All criteria met"),
  verdictSome: L("Nie wszystkie kryteria są spełnione", "Not all criteria are met"),
  requiredMet: L(
    "Kryteria obowiązkowe (formalne i efektywności) spełnione.",
    "Required criteria (formal and effectiveness) met.",
  ),
  requiredNotMet: L(
    "Kryteria obowiązkowe (formalne i efektywności) niespełnione.",
    "Required criteria (formal and effectiveness) not met.",
  ),
  premiumTotal: L("Punkty premiujące razem", "Premium points in total"),
  problems: L("Problemy w wierszach", "Row problems"),
};
const S = PARTICIPANTS_TEXT;

const useStyles = makeStyles({
  // minWidth 0 and wrapping anywhere: long codes, cell addresses and file names never widen the pane.
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "8em" },
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  card: { padding: tokens.spacingHorizontalS, minWidth: 0 },
  list: {
    maxHeight: "30vh",
    overflowY: "auto",
    margin: 0,
    // Room for the bullets inside the list's focus ring (at 16 px they sat on it).
    paddingLeft: tokens.spacingHorizontalXXL,
    paddingRight: tokens.spacingHorizontalXS,
    overflowWrap: "anywhere",
  },
  wrap: { overflowWrap: "break-word", minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  block: { display: "block" },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

export const loadXlsxParser = async (): Promise<XlsxParser> =>
  (await import(/* webpackChunkName: "xlsx" */ "../../hosts/xlsx/read.js")).readXlsx;

/** The busy line's words: "Trwa praca…", and "Trwa praca… 45%" once the work says how far it is. */
export function workingText(progress: number | undefined, lang: Lang): string {
  const base = PARTICIPANTS_TEXT.working[lang];
  return progress === undefined || !Number.isFinite(progress)
    ? base
    : `${base} ${Math.round(Math.min(1, Math.max(0, progress)) * 100)}%`;
}

/** The import preview's column mapping, one line per header cell of the file: „PESEL/Inny identyfikator” (C) → PESEL. */
export function mappingLines(preview: ImportPreview, lang: Lang): string[] {
  const pl = lang === "pl";
  const lines = preview.columns.map((c) => {
    const where = `${quoted(c.file, lang)} (${c.fileColumn})`;
    if (c.register === null) return `${where}: ${pl ? "pominięta" : "ignored"}`;
    if (c.via === "duplicate")
      return `${where}: ${pl ? "pominięta — powtórzony nagłówek" : "ignored — repeated header"}`;
    const how = c.via === "position" ? (pl ? " (wg położenia)" : " (by position)") : "";
    return `${where} → ${c.register}${how}`;
  });
  if (preview.csv)
    lines.unshift(
      pl
        ? `Plik CSV: kodowanie ${preview.csv.encoding}, separator ${preview.csv.separator}`
        : `CSV file: encoding ${preview.csv.encoding}, separator ${preview.csv.separator}`,
    );
  if (preview.absent && preview.absent.length > 0) {
    const names = preview.absent.map((h) => quoted(h, lang)).join(", ");
    const one = preview.absent.length === 1;
    lines.push(
      pl
        ? `Brak w pliku: ${names} — ${one ? "ta kolumna zostanie pusta" : "te kolumny zostaną puste"}; uzupełnij ${one ? "ją" : "je"} w arkuszu „Uczestnicy” po imporcie.`
        : `Not in the file: ${names} — ${one ? "this column stays" : "these columns stay"} empty; fill ${one ? "it" : "them"} in on the “Uczestnicy” sheet after the import.`,
    );
  }
  return lines;
}

export interface ParticipantsSectionProps {
  host: WorkbookHost;
  lang: Lang;
  loadParser?: () => Promise<XlsxParser>;
  today?: Date;
  /** Initial results, for tests and screenshots. */
  initialCheck?: CheckOutcome;
  /** The workbook has a "Uczestnicy" sheet (the primary action is then checking, not creating). */
  hasRegister?: boolean;
  /** The section wrote into the workbook (the pane re-reads its state). */
  onWorkbookChanged?(): void;
}

function isoOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const pct = formatShare;

/**
 * "Brakuje 1 zatrudnionej osoby" / "Brakuje 5 uczestników" (or the English). A share every participant must meet
 * (threshold 100%: IPD, internships) is not reached by adding people: its shortfall is the participants who do not
 * meet it yet, and the text says so ("10 uczestników nie spełnia warunku").
 */
export function shortfallText(
  c: Pick<CriterionResult, "kind" | "shortfall"> &
    Partial<Pick<CriterionResult, "threshold" | "denominator">>,
  lang: Lang,
): string {
  if (c.shortfall === null || c.shortfall === 0) return "";
  const n = c.shortfall;
  if (c.kind === "effectiveness")
    return lang === "pl" ? `Brakuje ${count(n, "employed", lang)}` : `${count(n, "employed", lang)} needed`;
  const everyone = c.denominator !== null && c.denominator !== undefined && (c.threshold ?? 0) >= 1;
  if (everyone)
    return lang === "pl"
      ? `${count(n, "participant", lang)} nie spełnia warunku`
      : `${count(n, "participant", lang)} ${n === 1 ? "does" : "do"} not meet it yet`;
  return lang === "pl"
    ? `Brakuje ${count(n, "participantGen", lang)}`
    : `${formatCount(n, lang)} more ${n === 1 ? "participant" : "participants"} needed`;
}

export type CriterionState = "met" | "notMet" | "na" | "target";

export function criterionState(c: Pick<CriterionResult, "kind" | "met">): CriterionState {
  if (c.kind === "product") return "target";
  return c.met === null ? "na" : c.met ? "met" : "notMet";
}

/** The verdict's counts: criteria a project can meet (product indicators are the call's targets). */
export function verdictCounts(criteria: readonly Pick<CriterionResult, "kind" | "met">[]): {
  notMet: number;
  met: number;
  na: number;
  total: number;
} {
  const own = criteria.filter((c) => c.kind !== "product");
  const notMet = own.filter((c) => c.met === false).length;
  const met = own.filter((c) => c.met === true).length;
  return { notMet, met, na: own.length - notMet - met, total: own.length };
}

/** "Niespełnione: 3 z 25 kryteriów" / "3 of 25 criteria not met". */
export function verdictText(v: { notMet: number; total: number }, lang: Lang): string {
  return lang === "pl"
    ? `Niespełnione: ${formatCount(v.notMet, lang)} z ${count(v.total, "criterionGen", lang)}`
    : `${formatCount(v.notMet, lang)} of ${count(v.total, "criterionGen", lang)} not met`;
}

/** Import preview: "Plik „x.csv”: 80 wierszy (nowe: 80, już w rejestrze: 0)." */
export function importPreviewText(
  p: { file: string; incoming: number; toAdd: number; duplicates: number },
  lang: Lang,
): string {
  return lang === "pl"
    ? `Plik „${p.file}”: ${count(p.incoming, "row", lang)} (nowe: ${formatCount(p.toAdd, lang)}, już w rejestrze: ${formatCount(p.duplicates, lang)}). Istniejące wiersze zostaną bez zmian.`
    : `File “${p.file}”: ${count(p.incoming, "row", lang)} (new: ${formatCount(p.toAdd, lang)}, already in the register: ${formatCount(p.duplicates, lang)}). Existing rows stay as they are.`;
}

/**
 * An import that adds nobody (no dialog: there is nothing to confirm): that nothing was added, and why —
 * no rows under the file's header, or every row already in the register.
 */
export function nothingToImportText(p: { file: string; incoming: number }, lang: Lang): string {
  if (p.incoming === 0)
    return lang === "pl"
      ? `Plik „${p.file}” nie ma wierszy uczestników pod wierszem nagłówków: nikogo nie dodano.`
      : `The file “${p.file}” has no participant rows under its header row: nobody was added.`;
  const all =
    p.incoming === 1
      ? L("jest już w rejestrze", "already in the register")
      : L("wszystkie są już w rejestrze", "all already in the register");
  return lang === "pl"
    ? `Plik „${p.file}”: ${count(p.incoming, "row", lang)}, ${all.pl}: nikogo nie dodano.`
    : `File “${p.file}”: ${count(p.incoming, "row", lang)}, ${all.en}: nobody was added.`;
}

export function importedText(n: number, lang: Lang): string {
  return lang === "pl"
    ? `Zaimportowano ${count(n, "participantGen", lang)}. Kryteria poniżej są przeliczone.`
    : `Imported ${count(n, "participant", lang)}. The criteria below are recalculated.`;
}

/** Cancelled after the import was written, while the criteria were being recalculated. */
export function importedUncheckedText(n: number, lang: Lang): string {
  return lang === "pl"
    ? `Zaimportowano ${count(n, "participantGen", lang)}. Przeliczanie kryteriów przerwano: kliknij „${S.check.pl}”, aby je zobaczyć.`
    : `Imported ${count(n, "participant", lang)}. Recalculating the criteria was cancelled: click “${S.check.en}” to see them.`;
}

export function createdText(rows: number, criteriaSheet: string, lang: Lang): string {
  return lang === "pl"
    ? `Gotowe: arkusz „${REGISTER_SHEET}” (${count(rows, "row", lang)}), „Słowniki” i „${criteriaSheet}”.`
    : `Done: sheet “${REGISTER_SHEET}” (${count(rows, "row", lang)}), “Słowniki” and “${criteriaSheet}”.`;
}

export function evaluationSummaryText(
  e: { asOf: string; participants: number; pending: number },
  lang: Lang,
): string {
  return lang === "pl"
    ? `Stan na ${formatDateIso(e.asOf, lang)}: ${count(e.participants, "participant", lang)}, oczekujący na wynik: ${formatCount(e.pending, lang)}`
    : `As of ${formatDateIso(e.asOf, lang)}: ${count(e.participants, "participant", lang)}, ${formatCount(e.pending, lang)} pending`;
}

export function CriterionCard(props: { c: CriterionResult; lang: Lang }): React.JSX.Element {
  const { c, lang } = props;
  const styles = useStyles();
  const state = criterionState(c);
  const color =
    state === "met"
      ? "success"
      : state === "notMet"
        ? "danger"
        : state === "target"
          ? "brand"
          : "informative";
  const n = (v: number) => formatCount(v, lang);
  const value =
    c.kind === "product"
      ? `${n(c.numerator)}${c.target !== undefined ? ` / ${n(c.target)}` : ""}`
      : c.denominator === null
        ? `${n(c.numerator)}${c.threshold !== null ? ` / ${n(c.threshold)}` : ""}`
        : `${n(c.numerator)} / ${n(c.denominator)} = ${pct(c.share, lang, c.threshold)}${c.threshold !== null ? ` (${lang === "pl" ? "próg" : "threshold"} ${pct(c.threshold, lang)})` : ""}`;
  return (
    <Card className={styles.card} data-criterion={c.id} data-state={state} size="small">
      {/* Badge above the label: a long label wraps at 320 px instead of pushing the badge out of the card. */}
      <div>
        <Badge appearance={state === "target" ? "outline" : "filled"} color={color}>
          {state === "target" ? S.target[lang] : S[state][lang]}
        </Badge>
      </div>
      <Text weight="semibold" className={styles.wrap}>
        {c.label[lang]}
      </Text>
      <Text data-value>
        <Figure text={value} />
      </Text>
      {c.kind === "product" && (
        <Text size={200} className={styles.note}>
          {capitalize(S.targetNote[lang])}
        </Text>
      )}
      {shortfallText(c, lang) && <Text data-shortfall>{shortfallText(c, lang)}</Text>}
      {c.kind === "premium" && (
        <Text data-points>
          {lang === "pl" ? "Punkty" : "Points"}:{" "}
          {c.points === null ? S.noPoints[lang] : formatCount(c.points, lang)}
        </Text>
      )}
    </Card>
  );
}

/** The application-stage planner, loaded only when the section is shown (keeps it out of the first load). */
const PlanPart = React.memo(
  React.lazy(() =>
    import(/* webpackChunkName: "plan" */ "./PlanPart.js").then((m) => ({ default: m.PlanPart })),
  ),
);

/** The criteria screen: the verdict first, then not-met criteria (open), met, not applicable, call targets (folded). */
export function CriteriaResults(props: { e: CheckOutcome["evaluation"]; lang: Lang }): React.JSX.Element {
  const { e, lang } = props;
  const styles = useStyles();
  const v = verdictCounts(e.criteria);
  const premium = e.criteria.filter((c) => c.kind === "premium").reduce((a, c) => a + (c.points ?? 0), 0);
  const required = e.criteria.every(
    (c) => (c.kind !== "formal" && c.kind !== "effectiveness") || c.met !== false,
  );
  const groups: { key: CriterionState; title: Localized; items: CriterionResult[] }[] = [
    { key: "notMet", title: S.notMet, items: e.criteria.filter((c) => criterionState(c) === "notMet") },
    { key: "met", title: S.met, items: e.criteria.filter((c) => criterionState(c) === "met") },
    { key: "na", title: S.na, items: e.criteria.filter((c) => criterionState(c) === "na") },
    { key: "target", title: S.productGroup, items: e.criteria.filter((c) => criterionState(c) === "target") },
  ].filter((g) => g.items.length > 0) as {
    key: CriterionState;
    title: Localized;
    items: CriterionResult[];
  }[];
  return (
    <>
      <MessageBar
        intent={v.notMet === 0 ? "success" : "error"}
        data-verdict
        data-not-met={v.notMet}
        data-met={v.met}
        data-na={v.na}
        data-total={v.total}
      >
        <MessageBarBody>
          <MessageBarTitle>{v.notMet === 0 ? S.verdictAllMet[lang] : verdictText(v, lang)}</MessageBarTitle>
          <span className={styles.block}>{required ? S.requiredMet[lang] : S.requiredNotMet[lang]}</span>
          <span className={styles.block} data-premium-total>
            {S.premiumTotal[lang]}: {formatCount(premium, lang)}
          </span>
        </MessageBarBody>
      </MessageBar>
      <Text size={200} data-summary>
        {evaluationSummaryText(e, lang)}
      </Text>
      <Accordion multiple collapsible defaultOpenItems={["notMet"]}>
        {groups.map((g) => (
          <AccordionItem key={g.key} value={g.key} data-group={g.key}>
            <AccordionHeader>
              {g.title[lang]} ({formatCount(g.items.length, lang)})
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.cards}>
                {g.items.map((c) => (
                  <CriterionCard key={c.id} c={c} lang={lang} />
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}

/** The results re-render only when they change (not on every progress step of the next check). */
const CriteriaResultsOnce = React.memo(CriteriaResults);

const COLUMN_OF = new Map(REGISTER_COLUMNS.map((c, i) => [c.header, columnLetters(i)]));

/** Row problems added to the list per task: a long list is laid out in pieces, never in one long task. */
const ROW_PROBLEMS_STEP = 50;

/** The row problems (the first ROW_ISSUES_LISTED of `count`), each naming its register cell (a link in Excel). */
const RowProblems = React.memo(function RowProblems(props: {
  issues: readonly RowIssue[];
  count: number;
  lang: Lang;
  onSelect?: (row: number, column: string) => void;
}): React.JSX.Element {
  const { issues, lang, onSelect } = props;
  const styles = useStyles();
  // How many are rendered, for this list of issues: grows by a step after each paint until all are there.
  const [grown, setGrown] = React.useState({ of: issues, n: ROW_PROBLEMS_STEP });
  const shown = grown.of === issues ? grown.n : ROW_PROBLEMS_STEP;
  React.useEffect(() => {
    if (shown >= issues.length) return;
    const t = setTimeout(() => setGrown({ of: issues, n: shown + ROW_PROBLEMS_STEP }), 0);
    return () => clearTimeout(t);
  }, [issues, shown]);
  return (
    <section aria-label={S.problems[lang]}>
      <Text weight="semibold">
        {S.problems[lang]} ({formatCount(props.count, lang)})
      </Text>
      {/* A scrolling list: focusable, so it scrolls with the keyboard too. */}
      <ul className={styles.list} tabIndex={0} aria-label={S.problems[lang]}>
        {issues.slice(0, Math.min(shown, ROW_ISSUES_LISTED)).map((i, k) => {
          const cell = `${REGISTER_SHEET}!${COLUMN_OF.get(i.column) ?? ""}${i.row}`;
          return (
            <li key={k}>
              {onSelect ? <Link onClick={() => onSelect(i.row, i.column)}>{cell}</Link> : cell}{" "}
              {i.message[lang]}
            </li>
          );
        })}
      </ul>
    </section>
  );
});

export function ParticipantsSection(props: ParticipantsSectionProps): React.JSX.Element {
  const { host, lang } = props;
  const styles = useStyles();
  const dialogStyles = useDialogStyles();
  const [card, setCard] = React.useState<CriteriaCard>(() => builtinCard(DEFAULT_CARD_ID) as CriteriaCard);
  const [cardFile, setCardFile] = React.useState<string | null>(null);
  const [asOf, setAsOf] = React.useState(() => formatDateIso(isoOf(props.today ?? new Date()), props.lang));
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<number | undefined>(undefined);
  const [cancellable, setCancellable] = React.useState(true);
  const [error, setError] = React.useState<Localized | null>(null);
  const [info, setInfo] = React.useState<Localized | null>(null);
  const [check, setCheck] = React.useState<CheckOutcome | null>(props.initialCheck ?? null);
  const [asking, setAsking] = React.useState<{
    text: string;
    /** Lines listed under the text (the import preview's column mapping). */
    details?: string[];
    resolve(ok: boolean): void;
    title: Localized;
    ok: Localized;
    no: Localized;
  } | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  useDateFollowingLang(lang, setAsOf);
  // The planner mounts in a task after the section's first paint: the tab's first render is two pieces.
  const [planShown, setPlanShown] = React.useState(false);
  React.useEffect(() => {
    const t = setTimeout(() => setPlanShown(true), 0);
    return () => clearTimeout(t);
  }, []);

  const ask = (title: Localized, text: string, ok: Localized, no: Localized, details?: string[]) =>
    new Promise<boolean>((resolve) => setAsking({ title, text, ok, no, resolve, details }));
  const answer = (v: boolean) => {
    asking?.resolve(v);
    setAsking(null);
  };
  const deps = {
    host,
    lang,
    confirmReplace: (sheet: string, why: Localized) =>
      ask(
        S.replaceTitle,
        lang === "pl"
          ? `Arkusz „${sheet}” nie jest rejestrem Miernika (${why.pl}). Zastąpić go? Jego zawartość zostanie utracona.`
          : `The sheet “${sheet}” is not Miernik's register (${why.en}). Replace it? Its contents will be lost.`,
        S.replace,
        S.keep,
      ),
  };
  const serial = (): number => {
    const iso = parseDateInput(asOf);
    const s = iso === null ? null : isoToSerial(iso);
    if (s === null)
      throw {
        info: {
          message: L(
            `Nieprawidłowa data „${asOf}”: wpisz dzień jako dd.mm.rrrr (np. 31.12.2025).`,
            `Invalid date “${asOf}”: enter the day as yyyy-mm-dd (e.g. 2025-12-31).`,
          ),
        },
      };
    return s;
  };

  /** Runs one piece of work; `cancellable`: it stops on the signal (else no Cancel button that does nothing). */
  const run = async (work: (signal: AbortSignal) => Promise<void>, cancellable = true) => {
    setError(null);
    setInfo(null);
    setBusy(true);
    setCancellable(cancellable);
    setProgress(undefined);
    const controller = new AbortController();
    abort.current = controller;
    try {
      await work(controller.signal);
    } catch (e) {
      if (controller.signal.aborted) setInfo(S.cancelled);
      else setError(errorMessage(e));
    } finally {
      abort.current = null;
      setBusy(false);
    }
  };

  const create = () =>
    run(async () => {
      const out = await createRegister(deps, card, serial());
      if (out.status === "kept") setInfo(S.kept);
      else {
        setInfo(L(createdText(out.rows, card.sheetName, "pl"), createdText(out.rows, card.sheetName, "en")));
        props.onWorkbookChanged?.();
        await host.showSheet(REGISTER_SHEET);
        // Results shown are of the register before: recalculate them.
        if (check) setCheck(await checkCriteria(deps, card, serial()));
      }
    }, false);

  const importFile = (file: File | undefined) => {
    if (!file) return;
    void run(async (signal) => {
      const parse = await (props.loadParser ?? loadXlsxParser)();
      const preview: ImportPreview = await previewImport(
        deps,
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        parse,
        signal,
      );
      const counts = {
        file: preview.file,
        incoming: preview.incoming,
        toAdd: preview.toAdd.length,
        duplicates: preview.duplicates,
      };
      const text = importPreviewText(counts, lang);
      if (preview.toAdd.length === 0) {
        setInfo(L(nothingToImportText(counts, "pl"), nothingToImportText(counts, "en")));
        return;
      }
      if (!(await ask(S.importTitle, text, S.add, S.cancel, mappingLines(preview, lang)))) {
        setInfo(S.cancelled);
        return;
      }
      const out = await applyImport(deps, card, serial(), preview);
      if (out.status === "done") {
        props.onWorkbookChanged?.();
        const added = preview.toAdd.length;
        try {
          // The criteria follow the import at once (never "80 imported" above cards still saying 120).
          setCheck(
            await checkCriteria(deps, card, serial(), signal, (done, total) => setProgress(done / total)),
          );
          setInfo(L(importedText(added, "pl"), importedText(added, "en")));
        } catch (e) {
          if (!signal.aborted) throw e;
          // Cancelled while recalculating: the rows are in the register (never "nothing was written"), and
          // the results shown were of the register before — gone, not left looking current.
          setCheck(null);
          setInfo(L(importedUncheckedText(added, "pl"), importedUncheckedText(added, "en")));
        }
      }
    });
  };

  const checkNow = () =>
    run(async (signal) => {
      const out = await checkCriteria(deps, card, serial(), signal, (done, total) =>
        setProgress(done / total),
      );
      // Rendered as a transition: React renders the results in slices, yielding to the browser between them.
      React.startTransition(() => setCheck(out));
    });

  const chooseCard = async (f: File | undefined) => {
    if (!f) return;
    try {
      setCard(parseCardText(await f.text()));
      setCardFile(f.name);
      setError(null);
      setCheck(null);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setError(badCardText(f.name, detail));
    }
  };

  const select = React.useCallback(
    (row: number, column: string) => {
      const col = COLUMN_OF.get(column) ?? "A";
      void host.validation?.selectCell(REGISTER_SHEET, `${col}${row}`);
    },
    [host],
  );

  const e = check?.evaluation;
  const hasRegister = props.hasRegister ?? false;

  return (
    <div className={styles.root}>
      <Text>{S.intro[lang]}</Text>
      {error && <Notice intent="error">{error[lang]}</Notice>}
      {info && <Notice intent="info">{info[lang]}</Notice>}
      <div className={styles.column}>
        <Field label={S.asOf[lang]}>
          <Input
            value={asOf}
            inputMode="numeric"
            placeholder={lang === "pl" ? "dd.mm.rrrr" : "yyyy-mm-dd"}
            onChange={(_e, d) => setAsOf(d.value)}
          />
        </Field>
        <div className={styles.column} data-card>
          <Text size={200}>
            {S.card[lang]}:{" "}
            <Text size={200} weight="semibold" className={styles.wrap}>
              {card.title[lang]}
            </Text>
          </Text>
          <FilePicker
            label={S.cardFile[lang]}
            accept=".json,application/json"
            inputId="card"
            appearance="subtle"
            chosen={cardFile ? [cardFile] : []}
            onFiles={(fs) => void chooseCard(fs[0])}
          />
        </div>
      </div>
      <div className={styles.row}>
        <Button
          appearance={hasRegister ? "primary" : "secondary"}
          disabled={busy}
          onClick={() => void checkNow()}
        >
          {S.check[lang]}
        </Button>
        <Button
          appearance={hasRegister ? "secondary" : "primary"}
          disabled={busy}
          onClick={() => void create()}
        >
          {S.create[lang]}
        </Button>
        <FilePicker
          label={S.importFile[lang]}
          accept=".xlsx,.xlsm,.csv,.tsv,.txt"
          inputId="import"
          disabled={busy}
          chosen={[]}
          onFiles={(fs) => importFile(fs[0])}
        />
      </div>
      {busy && (
        <div className={styles.row}>
          {/* What is going on, in words under the bar (with how far, once the check counts its rows). */}
          <Field
            className={styles.grow}
            validationMessage={workingText(progress, lang)}
            validationState="none"
            data-working
          >
            <ProgressBar aria-label={S.working[lang]} value={progress} />
          </Field>
          {cancellable && <Button onClick={() => abort.current?.abort()}>{S.cancel[lang]}</Button>}
        </div>
      )}
      {e && (
        <>
          <CriteriaResultsOnce e={e} lang={lang} />
          {(check?.rowIssueCount ?? 0) > 0 && (
            <RowProblems
              issues={e.rowIssues}
              count={check?.rowIssueCount ?? 0}
              lang={lang}
              onSelect={host.kind === "excel" && host.validation ? select : undefined}
            />
          )}
        </>
      )}
      {planShown && (
        <React.Suspense fallback={null}>
          <PlanPart host={host} lang={lang} card={card} />
        </React.Suspense>
      )}
      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && answer(false)}>
        <DialogSurface className={dialogStyles.surface}>
          <DialogBody>
            <DialogTitle>{asking?.title[lang]}</DialogTitle>
            <DialogContent>
              {asking?.text}
              {asking?.details && asking.details.length > 0 ? (
                <ul
                  data-column-mapping
                  aria-label={S.columnMapping[lang]}
                  tabIndex={0}
                  // Bullets clear of the focus ring: 2em of the smaller font, about 24 px.
                  style={{
                    maxHeight: "12em",
                    overflowY: "auto",
                    fontSize: "0.85em",
                    paddingLeft: "2em",
                    paddingRight: "0.3em",
                  }}
                >
                  {asking.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => answer(false)}>{asking?.no[lang]}</Button>
              <Button appearance="primary" onClick={() => answer(true)}>
                {asking?.ok[lang]}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
