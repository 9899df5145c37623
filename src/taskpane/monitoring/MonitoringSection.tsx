import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Lang, Localized } from "../../domain/i18n";
import type { Programme } from "../../domain/programme/types";
import type { CellValue } from "../../workbook/plan";
import { errorMessage, WorkbookHost } from "../host";
import { confirmText, layoutDoneText, moreRowsText, tr } from "../i18n";
import { ValidationPanel } from "../validation/ValidationPanel";
import {
  LayoutConflict,
  LayoutOutcome,
  LayoutStage,
  MonitoringEngine,
  runMonitoringLayout,
  yearsOf,
} from "./layoutFlow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  year: { minWidth: "8rem" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  scroll: { maxHeight: "40vh", overflowY: "auto" },
});

/** The dialog lists at most this many conflicts (and says how many more). */
export const MAX_LISTED_CONFLICTS = 50;

export type View =
  | { kind: "idle" }
  | { kind: "busy"; stage: LayoutStage }
  | { kind: "done"; outcome: Extract<LayoutOutcome, { status: "done" }> }
  | { kind: "cancelled" }
  | { kind: "error"; message: Localized };

interface Pending {
  sheet: string;
  conflicts: readonly LayoutConflict[];
  resolve(replace: boolean): void;
}

export interface MonitoringSectionProps {
  host: WorkbookHost;
  engine: MonitoringEngine;
  lang: Lang;
  year: number;
  onYearChange(year: number): void;
  /** When given (and the host can validate), the Validate panel is shown under the layout. */
  programme?: Programme;
  /** Initial view, for tests and screenshots. */
  initialView?: View;
  /** The section wrote into the workbook (the pane re-reads its state). */
  onWorkbookChanged?(): void;
  /**
   * The workbook has the year's sheet: checking its values is then the primary action, not laying it
   * out (one primary action per section). Unknown (undefined): laying out is.
   */
  yearSheetPresent?: boolean;
}

function show(v: CellValue, lang: Lang): string {
  if (v === null || v === "") return tr("empty", lang);
  return String(v);
}

export function ConflictsDialog(props: {
  pending: Pending | null;
  lang: Lang;
  onAnswer(replace: boolean): void;
}): React.JSX.Element {
  const { pending, lang, onAnswer } = props;
  const styles = useStyles();
  const listed = pending ? pending.conflicts.slice(0, MAX_LISTED_CONFLICTS) : [];
  const more = pending ? pending.conflicts.length - listed.length : 0;
  return (
    <Dialog
      open={pending !== null}
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface aria-describedby="miernik-conflicts-text">
        <DialogBody>
          <DialogTitle>{tr("confirmTitle", lang)}</DialogTitle>
          <DialogContent>
            <p id="miernik-conflicts-text">
              {pending ? confirmText(pending.sheet, pending.conflicts.length, lang) : ""}
            </p>
            <div className={styles.scroll} tabIndex={0} aria-label={tr("confirmTitle", lang)}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th className={styles.cell} scope="col">
                      {tr("colCell", lang)}
                    </th>
                    <th className={styles.cell} scope="col">
                      {tr("colFound", lang)}
                    </th>
                    <th className={styles.cell} scope="col">
                      {tr("colWouldBe", lang)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {listed.map((c) => (
                    <tr key={c.address}>
                      <th className={styles.cell} scope="row">
                        {c.address}
                      </th>
                      <td className={styles.cell}>{show(c.found, lang)}</td>
                      <td className={styles.cell}>{show(c.wouldBe, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {more > 0 ? <p>{moreRowsText(more, lang)}</p> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {tr("confirmCancel", lang)}
            </Button>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {tr("confirmReplace", lang)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function StatusMessage(props: { view: View; lang: Lang }): React.JSX.Element | null {
  const { view, lang } = props;
  switch (view.kind) {
    case "busy":
      return (
        <div>
          <Spinner
            size="tiny"
            labelPosition="after"
            label={view.stage.stage === "reading" ? tr("reading", lang) : tr("writing", lang)}
          />
          <ProgressBar aria-label={tr("writing", lang)} />
        </div>
      );
    case "done":
      return (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{tr("done", lang)}</MessageBarTitle>
            {layoutDoneText(view.outcome, lang)}
          </MessageBarBody>
        </MessageBar>
      );
    case "cancelled":
      return (
        <MessageBar intent="info">
          <MessageBarBody>{tr("cancelled", lang)}</MessageBarBody>
        </MessageBar>
      );
    case "error":
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{tr("failed", lang)}</MessageBarTitle>
            {view.message[lang]}
          </MessageBarBody>
        </MessageBar>
      );
    default:
      return null;
  }
}

/** The Monitoring section: pick a year, lay out (or download) its sheet, then check its values. */
export function MonitoringSection(props: MonitoringSectionProps): React.JSX.Element {
  const { host, engine, lang, year, onYearChange, programme } = props;
  const styles = useStyles();
  const [view, setView] = React.useState<View>(props.initialView ?? { kind: "idle" });
  const [pending, setPending] = React.useState<Pending | null>(null);
  const busy = view.kind === "busy";
  // Bumped after each layout: the Validate panel refreshes its results (no stale "no sheet" error).
  const [written, setWritten] = React.useState(0);
  const yearId = React.useId();

  const layOut = async () => {
    setView({ kind: "busy", stage: { stage: "reading" } });
    try {
      const outcome = await runMonitoringLayout(
        {
          host,
          engine,
          confirmReplace: (sheet, conflicts) =>
            new Promise<boolean>((resolve) => setPending({ sheet, conflicts, resolve })),
          onStage: (stage) => setView({ kind: "busy", stage }),
        },
        year,
      );
      setView(outcome.status === "done" ? { kind: "done", outcome } : { kind: "cancelled" });
      if (outcome.status === "done") {
        setWritten((n) => n + 1);
        props.onWorkbookChanged?.();
      }
    } catch (e) {
      setView({ kind: "error", message: errorMessage(e) });
    }
  };

  const answer = (replace: boolean) => {
    const p = pending;
    setPending(null);
    p?.resolve(replace);
  };

  return (
    <section className={styles.root} aria-labelledby="miernik-monitoring-title">
      <Text as="h2" id="miernik-monitoring-title" size={400} weight="semibold">
        {tr("monitoringTitle", lang)}
      </Text>
      <Text as="p">{tr("monitoringIntro", lang)}</Text>
      <div className={styles.row}>
        <Field label={tr("year", lang)} hint={tr("yearHint", lang)} className={styles.year}>
          <Select
            id={yearId}
            value={String(year)}
            disabled={busy}
            onChange={(_e, data) => {
              // A message about the previous year's layout no longer applies.
              setView({ kind: "idle" });
              onYearChange(Number(data.value));
            }}
          >
            {yearsOf(engine).map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance={props.yearSheetPresent ? "secondary" : "primary"}
          disabled={busy}
          onClick={() => void layOut()}
        >
          {host.kind === "excel"
            ? tr("layOut", lang)
            : host.files?.current()
              ? tr("layOutIntoFile", lang)
              : tr("layOutDownload", lang)}
        </Button>
      </div>
      <div aria-live="polite">
        <StatusMessage view={view} lang={lang} />
      </div>
      <ConflictsDialog pending={pending} lang={lang} onAnswer={answer} />
      {host.validation && programme ? (
        <>
          <Text as="h2" size={400} weight="semibold">
            {tr("validationTitle", lang)}
          </Text>
          <ValidationPanel
            host={host.validation}
            programme={programme}
            year={year}
            lang={lang}
            selectable={host.kind === "excel"}
            refreshKey={written}
            primary={props.yearSheetPresent ?? false}
          />
        </>
      ) : null}
    </section>
  );
}
