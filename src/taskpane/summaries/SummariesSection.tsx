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
import { builtinCard, DEFAULT_CARD_ID, parseCardText } from "../../domain/card/load";
import type { Card as CriteriaCard } from "../../domain/card/types";
import { isoToSerial } from "../../domain/dates";
import type { Lang, Localized } from "../../domain/i18n";
import type { XlsxParser } from "../../workbook/summary/inputs";
import { errorMessage, WorkbookHost } from "../host";
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

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
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
}

type Busy = { what: "monitoring" } | { what: "call"; done: number; total: number } | null;

function todayIso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function pickedFile(f: File): PickedFile {
  return { name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) };
}

export function SummariesSection(props: SummariesSectionProps): React.JSX.Element {
  const { host, lang } = props;
  const styles = useStyles();
  const ids = React.useId();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<Localized | null>(null);
  const [monitoring, setMonitoring] = React.useState<MonitoringSummaryOutcome | null>(null);
  const [call, setCall] = React.useState<CallSummaryOutcome | "cancelled" | null>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [card, setCard] = React.useState<CriteriaCard>(() => builtinCard(DEFAULT_CARD_ID) as CriteriaCard);
  const [cardName, setCardName] = React.useState<string>(DEFAULT_CARD_ID);
  const [asOf, setAsOf] = React.useState<string>(todayIso(props.today ?? new Date()));
  const [asking, setAsking] = React.useState<{ sheet: string; resolve(ok: boolean): void } | null>(null);
  const abort = React.useRef<AbortController | null>(null);

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
      setMonitoring(await runMonitoringSummary(deps));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const buildCall = async () => {
    setError(null);
    setCall(null);
    const serial = isoToSerial(asOf);
    if (serial === null) {
      setError({ pl: `Zła data „${asOf}”.`, en: `Bad date “${asOf}”.` });
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
      setCardName(f.name);
      setError(null);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setError({
        pl: `${t("badCard", "pl")} ${f.name}: ${detail}`,
        en: `${t("badCard", "en")} ${f.name}: ${detail}`,
      });
    }
  };

  const done = monitoring?.status === "done" ? monitoring : null;
  const callDone = call !== null && call !== "cancelled" && call.status === "done" ? call : null;
  const callResult = call !== null && call !== "cancelled" ? call.result : null;

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
          <Button appearance="primary" disabled={busy !== null} onClick={() => void buildMonitoring()}>
            {t("monitoringButton", lang)}
          </Button>
          {done && (
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
            <table className={styles.table} aria-label={t("monitoringTitle", lang)}>
              <thead>
                <tr>
                  <th className={styles.cell} scope="col">
                    {t("colArea", lang)}
                  </th>
                  <th className={styles.cell} scope="col">
                    {t("colIndicators", lang)}
                  </th>
                  <th className={styles.cell} scope="col">
                    {t("colFilled", lang)} {done.summary.years[done.summary.years.length - 1]}
                  </th>
                  <th className={styles.cell} scope="col">
                    {t("colErrors", lang)}
                  </th>
                  <th className={styles.cell} scope="col">
                    {t("colWarnings", lang)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...done.summary.groups.filter((g) => g.kind === "area"), done.summary.total].map((g) => {
                  const last = done.summary.years.length - 1;
                  return (
                    <tr key={g.code} data-area={g.code}>
                      <th className={styles.cell} scope="row">
                        {g === done.summary.total
                          ? lang === "pl"
                            ? "Razem"
                            : "Total"
                          : `${g.code}. ${g.title}`}
                      </th>
                      <td className={styles.cell}>{g.indicators}</td>
                      <td className={styles.cell}>{g.filled[last]}</td>
                      <td className={styles.cell}>{g.errors[last]}</td>
                      <td className={styles.cell}>{g.warnings[last]}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </Card>

      <Card className={styles.card}>
        <CardHeader header={<Text weight="semibold">{t("callTitle", lang)}</Text>} />
        <Text>{t("callHelp", lang)}</Text>
        <Field label={t("files", lang)}>
          <input
            id={`${ids}-files`}
            type="file"
            multiple
            accept=".xlsx,.xlsm,.csv"
            aria-label={t("files", lang)}
            onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
          />
        </Field>
        {files.length > 0 && (
          <Text size={200}>
            {t("filesChosen", lang)}: {files.length}
          </Text>
        )}
        <Field label={`${t("card", lang)}: ${cardName}`}>
          <input
            type="file"
            accept=".json,application/json"
            aria-label={t("cardFile", lang)}
            onChange={(e) => void chooseCard(e.currentTarget.files?.[0])}
          />
        </Field>
        <Field label={t("asOf", lang)}>
          <Input type="date" value={asOf} onChange={(_e, d) => setAsOf(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button
            appearance="primary"
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
            <Button onClick={() => void host.showSheet(CALL_SUMMARY_SHEET)}>{t("goTo", lang)}</Button>
            <table className={styles.table} aria-label={t("callTitle", lang)}>
              <thead>
                <tr>
                  {(["colFile", "colApplicant", "colParticipants", "colRequired", "colPoints"] as const).map(
                    (k) => (
                      <th key={k} className={styles.cell} scope="col">
                        {t(k, lang)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {callDone.call.projects.map((p) => (
                  <tr key={p.file} data-project={p.file}>
                    <th className={styles.cell} scope="row">
                      {p.file}
                    </th>
                    <td className={styles.cell}>{p.applicant ?? "—"}</td>
                    <td className={styles.cell}>{p.participants}</td>
                    <td className={styles.cell}>{t(p.requiredMet ? "yes" : "no", lang)}</td>
                    <td className={styles.cell}>{p.premiumPoints}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {callDone.call.applicantsOverLimit.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {t("applicantsOverLimit", lang)}:{" "}
                  {callDone.call.applicantsOverLimit
                    .map((a) => `${a.applicant} (${a.files.length})`)
                    .join(", ")}
                </MessageBarBody>
              </MessageBar>
            )}
            {callDone.call.sharedPesels.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {t("sharedPesels", lang)}: {callDone.call.sharedPesels.length}
                </MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
        {callResult && callResult.problems.length > 0 && (
          <div role="region" aria-label={t("problems", lang)}>
            <Text weight="semibold">{t("problems", lang)}</Text>
            <ul data-testid="summary-problems">
              {callResult.problems.map((p) => (
                <li key={p.file}>
                  {p.file}: {p.reason[lang]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>

      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && answer(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("replaceTitle", lang)}</DialogTitle>
            <DialogContent>{asking ? replaceText(asking.sheet, lang) : ""}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answer(true)}>
                {t("replace", lang)}
              </Button>
              <Button onClick={() => answer(false)}>{t("keep", lang)}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
