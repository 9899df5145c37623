/**
 * The Participants tab (call 9.1 applicants): create the register table and the criteria sheet, import
 * participants from a file read in the browser, and check the card's criteria — cards per criterion with
 * met / not met / not applicable, share vs threshold, shortfall and points; row problems with their cell.
 */
import {
  Badge,
  Button,
  Card,
  CardHeader,
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
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../domain/card/load";
import type { Card as CriteriaCard, CriterionResult } from "../../domain/card/types";
import { isoToSerial } from "../../domain/dates";
import type { Lang, Localized } from "../../domain/i18n";
import { REGISTER_COLUMNS } from "../../domain/register/columns";
import { columnLetters } from "../../workbook/address";
import type { XlsxParser } from "../../workbook/summary/inputs";
import { errorMessage, WorkbookHost } from "../host";
import {
  applyImport,
  checkCriteria,
  CheckOutcome,
  createRegister,
  ImportPreview,
  previewImport,
  REGISTER_SHEET,
} from "./flows";

const L = (pl: string, en: string): Localized => ({ pl, en });
const S = {
  intro: L(
    "Rejestr uczestników projektu i samoocena kryteriów karty naboru. Formuły w skoroszycie liczą kryteria na bieżąco, także bez Miernika.",
    "The project's participant register and a self-check of the call's criteria. Formulas in the workbook keep the criteria live, even without Miernik.",
  ),
  asOf: L("Stan na dzień", "As of"),
  card: L("Karta oceny", "Criteria card"),
  cardFile: L("Wczytaj kartę z pliku JSON", "Load a card from a JSON file"),
  create: L("Utwórz rejestr uczestników", "Create participant register"),
  importFile: L("Importuj uczestników (.xlsx, .csv)", "Import participants (.xlsx, .csv)"),
  check: L("Sprawdź kryteria", "Check criteria"),
  cancel: L("Anuluj", "Cancel"),
  working: L("Trwa praca…", "Working…"),
  cancelled: L("Przerwano. Nic nie zostało zapisane.", "Cancelled. Nothing was written."),
  kept: L("Pozostawiono istniejący arkusz bez zmian.", "The existing sheet was kept unchanged."),
  replaceTitle: L("Zastąpić arkusz?", "Replace the sheet?"),
  replace: L("Zastąp", "Replace"),
  keep: L("Zostaw", "Keep"),
  importTitle: L("Import uczestników", "Import participants"),
  columnMapping: L("Kolumny pliku i kolumny rejestru", "File columns and register columns"),
  add: L("Dodaj", "Add"),
  met: L("spełnione", "met"),
  notMet: L("niespełnione", "not met"),
  na: L("nie dotyczy", "not applicable"),
  premiumTotal: L("Punkty premiujące razem", "Premium points in total"),
  problems: L("Problemy w wierszach", "Row problems"),
  badCard: L("Zła karta", "Bad card"),
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalS },
  list: { maxHeight: "30vh", overflowY: "auto", margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export const loadXlsxParser = async (): Promise<XlsxParser> =>
  (await import(/* webpackChunkName: "xlsx" */ "../../hosts/xlsx/read.js")).readXlsx;

/** The import preview's column mapping, one line per header cell of the file: „PESEL/Inny identyfikator” (C) → PESEL. */
export function mappingLines(preview: ImportPreview, lang: Lang): string[] {
  const pl = lang === "pl";
  const lines = preview.columns.map((c) => {
    const where = `„${c.file}” (${c.fileColumn})`;
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
  return lines;
}

export interface ParticipantsSectionProps {
  host: WorkbookHost;
  lang: Lang;
  loadParser?: () => Promise<XlsxParser>;
  today?: Date;
  /** Initial results, for tests and screenshots. */
  initialCheck?: CheckOutcome;
}

function isoOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function pct(v: number | null, lang: Lang): string {
  if (v === null) return "—";
  const s = (Math.round(v * 1000) / 10).toFixed(1);
  return `${lang === "pl" ? s.replace(".", ",") : s}%`;
}

function shortfallText(c: CriterionResult, lang: Lang): string {
  if (c.shortfall === null || c.shortfall === 0) return "";
  const n = c.shortfall;
  if (c.kind === "effectiveness")
    return lang === "pl" ? `brakuje ${n} zatrudnionych` : `${n} more employed needed`;
  return lang === "pl" ? `brakuje ${n} uczestników` : `${n} more participants needed`;
}

export function CriterionCard(props: { c: CriterionResult; lang: Lang }): React.JSX.Element {
  const { c, lang } = props;
  const styles = useStyles();
  const state = c.met === null ? "na" : c.met ? "met" : "notMet";
  const color = state === "met" ? "success" : state === "notMet" ? "danger" : "informative";
  const value =
    c.kind === "product"
      ? `${c.numerator}${c.target !== undefined ? ` / ${c.target}` : ""}`
      : c.denominator === null
        ? `${c.numerator}${c.threshold !== null ? ` / ${c.threshold}` : ""}`
        : `${c.numerator} / ${c.denominator} = ${pct(c.share, lang)}${c.threshold !== null ? ` (${lang === "pl" ? "próg" : "threshold"} ${pct(c.threshold, lang)})` : ""}`;
  return (
    <Card className={styles.card} data-criterion={c.id} size="small">
      <CardHeader
        header={<Text weight="semibold">{c.label[lang]}</Text>}
        action={
          c.kind === "product" || c.kind === "result" ? undefined : (
            <Badge appearance="filled" color={color}>
              {S[state][lang]}
            </Badge>
          )
        }
      />
      <Text data-value>{value}</Text>
      {shortfallText(c, lang) && <Text data-shortfall>{shortfallText(c, lang)}</Text>}
      {c.kind === "premium" && (
        <Text data-points>
          {lang === "pl" ? "Punkty" : "Points"}: {c.points === null ? "—" : c.points}
        </Text>
      )}
    </Card>
  );
}

/** The application-stage planner, loaded only when the section is shown (keeps it out of the first load). */
const PlanPart = React.lazy(() =>
  import(/* webpackChunkName: "plan" */ "./PlanPart.js").then((m) => ({ default: m.PlanPart })),
);

const COLUMN_OF = new Map(REGISTER_COLUMNS.map((c, i) => [c.header, columnLetters(i)]));

export function ParticipantsSection(props: ParticipantsSectionProps): React.JSX.Element {
  const { host, lang } = props;
  const styles = useStyles();
  const [card, setCard] = React.useState<CriteriaCard>(() => builtinCard(DEFAULT_CARD_ID) as CriteriaCard);
  const [cardName, setCardName] = React.useState(DEFAULT_CARD_ID);
  const [asOf, setAsOf] = React.useState(isoOf(props.today ?? new Date()));
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<number | undefined>(undefined);
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
  } | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  const ask = (title: Localized, text: string, ok: Localized, details?: string[]) =>
    new Promise<boolean>((resolve) => setAsking({ title, text, ok, resolve, details }));
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
      ),
  };
  const serial = (): number => {
    const s = isoToSerial(asOf);
    if (s === null) throw { info: { message: L(`Zła data „${asOf}”.`, `Bad date “${asOf}”.`) } };
    return s;
  };

  const run = async (work: (signal: AbortSignal) => Promise<void>) => {
    setError(null);
    setInfo(null);
    setBusy(true);
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
        setInfo(
          L(
            `Gotowe: arkusz „${REGISTER_SHEET}” (${out.rows} wierszy), „Słowniki” i „${card.sheetName}”.`,
            `Done: sheet “${REGISTER_SHEET}” (${out.rows} rows), “Słowniki” and “${card.sheetName}”.`,
          ),
        );
        await host.showSheet(REGISTER_SHEET);
      }
    });

  const importFile = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      const parse = await (props.loadParser ?? loadXlsxParser)();
      const preview: ImportPreview = await previewImport(
        deps,
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        parse,
      );
      const text =
        lang === "pl"
          ? `${preview.file}: wierszy ${preview.incoming}, nowych ${preview.toAdd.length}, już w rejestrze ${preview.duplicates}. Istniejące wiersze zostaną bez zmian.`
          : `${preview.file}: ${preview.incoming} rows, ${preview.toAdd.length} new, ${preview.duplicates} already in the register. Existing rows stay as they are.`;
      if (preview.toAdd.length === 0) {
        setInfo(L(text, text));
        return;
      }
      if (!(await ask(S.importTitle, text, S.add, mappingLines(preview, lang)))) {
        setInfo(S.cancelled);
        return;
      }
      const out = await applyImport(deps, card, serial(), preview);
      if (out.status === "done")
        setInfo(
          L(
            `Zaimportowano ${preview.toAdd.length} uczestników.`,
            `Imported ${preview.toAdd.length} participants.`,
          ),
        );
    });
  };

  const checkNow = () =>
    run(async (signal) => {
      setCheck(await checkCriteria(deps, card, serial(), signal, (done, total) => setProgress(done / total)));
    });

  const chooseCard = async (f: File | undefined) => {
    if (!f) return;
    try {
      setCard(parseCardText(await f.text()));
      setCardName(f.name);
      setError(null);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setError(L(`${S.badCard.pl} ${f.name}: ${detail}`, `${S.badCard.en} ${f.name}: ${detail}`));
    }
  };

  const select = (row: number, column: string) => {
    const col = COLUMN_OF.get(column) ?? "A";
    void host.validation?.selectCell(REGISTER_SHEET, `${col}${row}`);
  };

  const e = check?.evaluation;
  const premium = e
    ? e.criteria.filter((c) => c.kind === "premium").reduce((a, c) => a + (c.points ?? 0), 0)
    : 0;

  return (
    <div className={styles.root}>
      <Text>{S.intro[lang]}</Text>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {info && (
        <MessageBar intent="info">
          <MessageBarBody>{info[lang]}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label={S.asOf[lang]}>
          <Input type="date" value={asOf} onChange={(_e, d) => setAsOf(d.value)} />
        </Field>
        <Field label={`${S.card[lang]}: ${cardName}`}>
          <input
            type="file"
            accept=".json,application/json"
            aria-label={S.cardFile[lang]}
            onChange={(ev) => void chooseCard(ev.currentTarget.files?.[0])}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void create()}>
          {S.create[lang]}
        </Button>
        <Button disabled={busy} onClick={() => void checkNow()}>
          {S.check[lang]}
        </Button>
      </div>
      <Field label={S.importFile[lang]}>
        <input
          type="file"
          accept=".xlsx,.xlsm,.csv"
          aria-label={S.importFile[lang]}
          disabled={busy}
          onChange={(ev) => {
            importFile(ev.currentTarget.files?.[0]);
            ev.currentTarget.value = "";
          }}
        />
      </Field>
      {busy && (
        <div className={styles.row}>
          <ProgressBar aria-label={S.working[lang]} value={progress} />
          <Button onClick={() => abort.current?.abort()}>{S.cancel[lang]}</Button>
        </div>
      )}
      {e && (
        <>
          <Text weight="semibold" data-summary>
            {lang === "pl"
              ? `Stan na ${e.asOf}: uczestników ${e.participants}, oczekujących na wynik ${e.pending}`
              : `As of ${e.asOf}: ${e.participants} participants, ${e.pending} pending`}
          </Text>
          <div className={styles.cards}>
            {e.criteria.map((c) => (
              <CriterionCard key={c.id} c={c} lang={lang} />
            ))}
          </div>
          <Text weight="semibold" data-premium-total>
            {S.premiumTotal[lang]}: {premium}
          </Text>
          {e.rowIssues.length > 0 && (
            <section aria-label={S.problems[lang]}>
              <Text weight="semibold">
                {S.problems[lang]} ({e.rowIssues.length})
              </Text>
              {/* A scrolling list: focusable, so it scrolls with the keyboard too. */}
              <ul className={styles.list} tabIndex={0} aria-label={S.problems[lang]}>
                {e.rowIssues.slice(0, 200).map((i, k) => (
                  <li key={k}>
                    {host.kind === "excel" && host.validation ? (
                      <Link onClick={() => select(i.row, i.column)}>
                        {REGISTER_SHEET}!{COLUMN_OF.get(i.column) ?? ""}
                        {i.row}
                      </Link>
                    ) : (
                      `${REGISTER_SHEET}!${COLUMN_OF.get(i.column) ?? ""}${i.row}`
                    )}{" "}
                    {i.message[lang]}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <React.Suspense fallback={null}>
        <PlanPart host={host} lang={lang} card={card} />
      </React.Suspense>
      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && answer(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{asking?.title[lang]}</DialogTitle>
            <DialogContent>
              {asking?.text}
              {asking?.details && asking.details.length > 0 ? (
                <ul
                  data-column-mapping
                  aria-label={S.columnMapping[lang]}
                  tabIndex={0}
                  style={{ maxHeight: "12em", overflowY: "auto", fontSize: "0.85em", paddingLeft: "1.2em" }}
                >
                  {asking.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answer(true)}>
                {asking?.ok[lang]}
              </Button>
              <Button onClick={() => answer(false)}>{S.keep[lang]}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
