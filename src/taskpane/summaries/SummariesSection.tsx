/**
 * The Summaries tab: the monitoring summary of this workbook, and the call summary over project files
 * picked in the pane (read in the browser; nothing is uploaded).
 */
import {
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
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { useDialogStyles } from "../dialogStyles";
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../domain/card/load";
import type { Card as CriteriaCard } from "../../domain/card/types";
import { isoToSerial } from "../../domain/dates";
import { formatDateIso, parseDateInput, type Lang, type Localized } from "../../domain/i18n";
import type { XlsxParser } from "../../workbook/summary/inputs";
import { summaryNotes } from "../../workbook/summary/summarizeInputs";
import { FilePicker } from "../FilePicker";
import { errorMessage, WorkbookHost } from "../host";
import { badCardText, formatCount } from "../i18n";
import {
  CALL_SUMMARY_SHEET,
  CallSummaryOutcome,
  MONITORING_SUMMARY_SHEET,
  MonitoringSummaryOutcome,
  PickedFile,
  runCallSummary,
  runMonitoringSummary,
} from "./flows";
import { callDoneText, monitoringDoneText, progressText, replaceText, t } from "./strings";
import { useDateFollowingLang } from "../useDateFollowingLang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  // A table its words do not fit (320 px at 125% zoom: "Ostrzeżenia", "premiujące") scrolls on its own
  // instead of being cut off by the card.
  tableScroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Words are never cut mid-word ("Mi|er|ni|ki"): only an unbreakable name (a file) may break.
    overflowWrap: "break-word",
    wordBreak: "normal",
    hyphens: "manual",
  },
  group: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} 0`,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  caption: { textAlign: "left", captionSide: "top", paddingBottom: tokens.spacingVerticalXS },
});

/** The .xlsx reader (ExcelJS), loaded on first use so the pane's first load stays small. */
export const loadXlsxParser = async (): Promise<XlsxParser> =>
  (await import(/* webpackChunkName: "xlsx" */ "../../hosts/xlsx/read.js")).readXlsx;

export interface SummariesSectionProps {
  host: WorkbookHost;
  lang: Lang;
  /** Injected in tests. */
  loadParser?: () => Promise<XlsxParser>;
  today?: Date;
  /** The section wrote into the workbook (the pane re-reads its state). */
  onWorkbookChanged?(): void;
  /** The workbook has monitoring sheets (its summary is then the primary action until files are chosen). */
  hasMonitoring?: boolean;
}

type Busy = { what: "monitoring" } | { what: "call"; done: number; total: number } | null;

/** A table that scrolls sideways on its own, inside a focusable region, when it is wider than the pane. */
function TableScroll({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.tableScroll} role="region" aria-label={label} tabIndex={0} data-table-scroll>
      {children}
    </div>
  );
}

function todayIso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function pickedFile(f: File): PickedFile {
  return { name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) };
}

export function SummariesSection(props: SummariesSectionProps): React.JSX.Element {
  const { host, lang } = props;
  const styles = useStyles();
  const dialogStyles = useDialogStyles();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<Localized | null>(null);
  const [monitoring, setMonitoring] = React.useState<MonitoringSummaryOutcome | null>(null);
  const [call, setCall] = React.useState<CallSummaryOutcome | "cancelled" | null>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [card, setCard] = React.useState<CriteriaCard>(() => builtinCard(DEFAULT_CARD_ID) as CriteriaCard);
  const [cardFile, setCardFile] = React.useState<string | null>(null);
  const [asOf, setAsOf] = React.useState<string>(() =>
    formatDateIso(todayIso(props.today ?? new Date()), props.lang),
  );
  const [asking, setAsking] = React.useState<{ sheet: string; resolve(ok: boolean): void } | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  useDateFollowingLang(lang, setAsOf);

  const deps = {
    host,
    lang,
    confirmReplace: (sheet: string) => new Promise<boolean>((resolve) => setAsking({ sheet, resolve })),
  };

  const answer = (ok: boolean) => {
    asking?.resolve(ok);
    setAsking(null);
  };

  const buildMonitoring = async () => {
    setError(null);
    setMonitoring(null);
    setBusy({ what: "monitoring" });
    try {
      const out = await runMonitoringSummary(deps);
      setMonitoring(out);
      if (out.status === "done") props.onWorkbookChanged?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const buildCall = async () => {
    setError(null);
    setCall(null);
    const iso = parseDateInput(asOf);
    const serial = iso === null ? null : isoToSerial(iso);
    if (serial === null) {
      setError({
        pl: `Nieprawidłowa data „${asOf}”: wpisz dzień jako dd.mm.rrrr (np. 31.12.2025).`,
        en: `Invalid date “${asOf}”: enter the day as yyyy-mm-dd (e.g. 2025-12-31).`,
      });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setBusy({ what: "call", done: 0, total: files.length });
    try {
      const parseXlsx = await (props.loadParser ?? loadXlsxParser)();
      const outcome = await runCallSummary(deps, files.map(pickedFile), card, serial, {
        parseXlsx,
        signal: controller.signal,
        onProgress: (done, total) => setBusy({ what: "call", done, total }),
      });
      setCall(outcome);
      if (outcome.status === "done") props.onWorkbookChanged?.();
    } catch (e) {
      if (controller.signal.aborted) setCall("cancelled");
      else setError(errorMessage(e));
    } finally {
      abort.current = null;
      setBusy(null);
    }
  };

  const chooseCard = async (f: File | undefined) => {
    if (!f) return;
    try {
      setCard(parseCardText(await f.text()));
      setCardFile(f.name);
      setError(null);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setError(badCardText(f.name, detail));
    }
  };

  const done = monitoring?.status === "done" ? monitoring : null;
  const callDone = call !== null && call !== "cancelled" && call.status === "done" ? call : null;
  const callResult = call !== null && call !== "cancelled" ? call.result : null;
  const notes = callResult ? summaryNotes(callResult) : [];

  return (
    <div className={styles.root}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error[lang]}</MessageBarBody>
        </MessageBar>
      )}

      <Card className={styles.card}>
        <CardHeader header={<Text weight="semibold">{t("monitoringTitle", lang)}</Text>} />
        <Text>{t("monitoringHelp", lang)}</Text>
        <div className={styles.row}>
          <Button
            appearance={props.hasMonitoring !== false && files.length === 0 ? "primary" : "secondary"}
            disabled={busy !== null}
            onClick={() => void buildMonitoring()}
          >
            {t("monitoringButton", lang)}
          </Button>
          {/* Outside Office nobody sees the sheets: no button that would do nothing. */}
          {done && host.kind === "excel" && (
            <Button onClick={() => void host.showSheet(MONITORING_SUMMARY_SHEET)}>{t("goTo", lang)}</Button>
          )}
        </div>
        {busy?.what === "monitoring" && <ProgressBar aria-label={t("working", lang)} />}
        {monitoring?.status === "none" && (
          <MessageBar intent="warning">
            <MessageBarBody>{monitoring.message[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {monitoring?.status === "kept" && (
          <MessageBar intent="info">
            <MessageBarBody>{t("kept", lang)}</MessageBarBody>
          </MessageBar>
        )}
        {done && (
          <>
            <MessageBar intent="success">
              <MessageBarBody>
                {monitoringDoneText(
                  done.summary.years,
                  done.summary.total.indicators,
                  MONITORING_SUMMARY_SHEET,
                  lang,
                )}
              </MessageBarBody>
            </MessageBar>
            <TableScroll label={t("monitoringTitle", lang)}>
              <table className={styles.table} aria-label={t("monitoringTitle", lang)}>
                <caption className={styles.caption}>
                  {t("yearCaption", lang)} {done.summary.years[done.summary.years.length - 1]}
                </caption>
                <thead>
                  <tr>
                    {(["colIndicators", "colFilled", "colErrors", "colWarnings"] as const).map((k) => (
                      <th key={k} className={styles.cell} scope="col">
                        {t(k, lang)}
                      </th>
                    ))}
                  </tr>
                </thead>
                {[...done.summary.groups.filter((g) => g.kind === "area"), done.summary.total].map((g) => {
                  const last = done.summary.years.length - 1;
                  return (
                    <tbody key={g.code} data-area={g.code}>
                      <tr>
                        <th className={styles.group} colSpan={4} scope="rowgroup">
                          {g === done.summary.total ? t("total", lang) : `${g.code}. ${g.title}`}
                        </th>
                      </tr>
                      <tr>
                        <td className={styles.cell}>{formatCount(g.indicators, lang)}</td>
                        <td className={styles.cell}>{formatCount(g.filled[last], lang)}</td>
                        <td className={styles.cell}>{formatCount(g.errors[last], lang)}</td>
                        <td className={styles.cell}>{formatCount(g.warnings[last], lang)}</td>
                      </tr>
                    </tbody>
                  );
                })}
              </table>
            </TableScroll>
          </>
        )}
      </Card>

      <Card className={styles.card}>
        <CardHeader header={<Text weight="semibold">{t("callTitle", lang)}</Text>} />
        <Text>{t("callHelp", lang)}</Text>
        <FilePicker
          label={t("files", lang)}
          accept=".xlsx,.xlsm,.csv,.tsv,.txt"
          multiple
          inputId="projects"
          appearance={props.hasMonitoring === false && files.length === 0 ? "primary" : "secondary"}
          chosen={
            files.length > 3
              ? [`${t("filesChosen", lang)}: ${formatCount(files.length, lang)}`]
              : files.map((f) => f.name)
          }
          onFiles={(fs) => setFiles(fs)}
        />
        <div>
          <Text size={200}>
            {t("card", lang)}:{" "}
            <Text size={200} weight="semibold">
              {card.title[lang]}
            </Text>
          </Text>
          <FilePicker
            label={t("cardFile", lang)}
            accept=".json,application/json"
            inputId="summary-card"
            appearance="subtle"
            chosen={cardFile ? [cardFile] : []}
            onFiles={(fs) => void chooseCard(fs[0])}
          />
        </div>
        <Field label={t("asOf", lang)}>
          <Input
            value={asOf}
            inputMode="numeric"
            placeholder={lang === "pl" ? "dd.mm.rrrr" : "yyyy-mm-dd"}
            onChange={(_e, d) => setAsOf(d.value)}
          />
        </Field>
        <div className={styles.row}>
          <Button
            appearance={files.length > 0 ? "primary" : "secondary"}
            disabled={busy !== null || files.length === 0}
            onClick={() => void buildCall()}
          >
            {t("callButton", lang)}
          </Button>
          {busy?.what === "call" && (
            <Button onClick={() => abort.current?.abort()}>{t("cancel", lang)}</Button>
          )}
        </div>
        {busy?.what === "call" && (
          <Field validationMessage={progressText(busy.done, busy.total, lang)} validationState="none">
            <ProgressBar
              value={busy.total > 0 ? busy.done / busy.total : undefined}
              aria-label={t("reading", lang)}
            />
          </Field>
        )}
        {call === "cancelled" && (
          <MessageBar intent="info">
            <MessageBarBody>{t("cancelled", lang)}</MessageBarBody>
          </MessageBar>
        )}
        {call !== null && call !== "cancelled" && call.status === "none" && (
          <MessageBar intent="warning">
            <MessageBarBody>{call.message[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {call !== null && call !== "cancelled" && call.status === "kept" && (
          <MessageBar intent="info">
            <MessageBarBody>{t("kept", lang)}</MessageBarBody>
          </MessageBar>
        )}
        {callDone && (
          <>
            <MessageBar intent="success">
              <MessageBarBody>
                {callDoneText(
                  callDone.call.projects.length,
                  callDone.call.participants,
                  CALL_SUMMARY_SHEET,
                  lang,
                )}
              </MessageBarBody>
            </MessageBar>
            {host.kind === "excel" && (
              <Button onClick={() => void host.showSheet(CALL_SUMMARY_SHEET)}>{t("goTo", lang)}</Button>
            )}
            <TableScroll label={t("callTitle", lang)}>
              <table className={styles.table} aria-label={t("callTitle", lang)}>
                <thead>
                  <tr>
                    {(["colParticipants", "colRequired", "colPoints"] as const).map((k) => (
                      <th key={k} className={styles.cell} scope="col">
                        {t(k, lang)}
                      </th>
                    ))}
                  </tr>
                </thead>
                {/* Keyed by position too: two picked files can have the same name (from two folders). */}
                {callDone.call.projects.map((p, i) => (
                  <tbody key={`${i}:${p.file}`} data-project={p.file}>
                    <tr>
                      <th className={styles.group} colSpan={3} scope="rowgroup">
                        {p.file}
                        {p.applicant ? ` — ${p.applicant}` : ""}
                      </th>
                    </tr>
                    <tr>
                      <td className={styles.cell}>{formatCount(p.participants, lang)}</td>
                      <td className={styles.cell}>{t(p.requiredMet ? "yes" : "no", lang)}</td>
                      <td className={styles.cell}>{formatCount(p.premiumPoints, lang)}</td>
                    </tr>
                  </tbody>
                ))}
              </table>
            </TableScroll>
            {callDone.call.applicantsOverLimit.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {t("applicantsOverLimit", lang)}:{" "}
                  {callDone.call.applicantsOverLimit
                    .map((a) => `${a.applicant} (${formatCount(a.files.length, lang)})`)
                    .join(", ")}
                </MessageBarBody>
              </MessageBar>
            )}
            {callDone.call.sharedPesels.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {t("sharedPesels", lang)}: {formatCount(callDone.call.sharedPesels.length, lang)}
                </MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
        {notes.length > 0 && (
          <div role="region" aria-label={t("notes", lang)}>
            <Text weight="semibold">{t("notes", lang)}</Text>
            <ul data-testid="summary-notes">
              {notes.map((n, i) => (
                <li key={`${i}:${n.file}`}>
                  {n.file}: {n.message[lang]}
                </li>
              ))}
            </ul>
          </div>
        )}
        {callResult && callResult.problems.length > 0 && (
          <div role="region" aria-label={t("problems", lang)}>
            <Text weight="semibold">{t("problems", lang)}</Text>
            <ul data-testid="summary-problems">
              {callResult.problems.map((p, i) => (
                <li key={`${i}:${p.file}`}>
                  {p.file}: {p.reason[lang]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>

      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && answer(false)}>
        <DialogSurface className={dialogStyles.surface}>
          <DialogBody>
            <DialogTitle>{t("replaceTitle", lang)}</DialogTitle>
            <DialogContent>{asking ? replaceText(asking.sheet, lang) : ""}</DialogContent>
            <DialogActions>
              <Button onClick={() => answer(false)}>{t("keep", lang)}</Button>
              <Button appearance="primary" onClick={() => answer(true)}>
                {t("replace", lang)}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
