import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Lang, Localized } from "../../domain/i18n";
import type { Programme } from "../../domain/programme/types";
import { errorMessage, WorkbookHost } from "../host";
import { layoutDoneText, tr } from "../i18n";
import { Busy, Notice } from "../lazyFeedback";
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
  // The section's gap spaces the intro; the browser's paragraph margin on top of it left a hole under the title.
  intro: { margin: 0 },
});

/**
 * Not on the first screen: the Validate panel (with the programme data it groups findings by, when the
 * pane was not given it) and the conflicts dialog are chunks fetched from the add-in's origin on first use.
 */
const LazyValidationPanel = React.lazy(async () => {
  const [{ ValidationPanel }, { loadProgramme }] = await Promise.all([
    import(/* webpackChunkName: "validation" */ "../validation/ValidationPanel.js"),
    import("./lazyEngine.js"),
  ]);
  const programme = await loadProgramme();
  return {
    default: (
      p: Omit<React.ComponentProps<typeof ValidationPanel>, "programme"> & { programme?: Programme },
    ) => <ValidationPanel {...p} programme={p.programme ?? programme} />,
  };
});
const LazyConflictsDialog = React.lazy(async () => ({
  default: (await import(/* webpackChunkName: "dialogs" */ "./ConflictsDialog.js")).ConflictsDialog,
}));

/** The dialog lists at most this many conflicts (and says how many more). */
export const MAX_LISTED_CONFLICTS = 50;

export type View =
  | { kind: "idle" }
  | { kind: "busy"; stage: LayoutStage }
  | { kind: "done"; outcome: Extract<LayoutOutcome, { status: "done" }> }
  | { kind: "cancelled" }
  | { kind: "error"; message: Localized };

export interface Pending {
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

export function StatusMessage(props: { view: View; lang: Lang }): React.JSX.Element | null {
  const { view, lang } = props;
  switch (view.kind) {
    case "busy":
      return (
        <Busy
          label={view.stage.stage === "reading" ? tr("reading", lang) : tr("writing", lang)}
          progressLabel={tr("writing", lang)}
        />
      );
    case "done":
      return (
        <Notice intent="success" title={tr("done", lang)}>
          {layoutDoneText(view.outcome, lang)}
        </Notice>
      );
    case "cancelled":
      return <Notice intent="info">{tr("cancelled", lang)}</Notice>;
    case "error":
      return (
        <Notice intent="error" title={tr("failed", lang)}>
          {view.message[lang]}
        </Notice>
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
      <Text as="p" className={styles.intro}>
        {tr("monitoringIntro", lang)}
      </Text>
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
      {pending !== null ? (
        <React.Suspense fallback={null}>
          <LazyConflictsDialog pending={pending} lang={lang} onAnswer={answer} />
        </React.Suspense>
      ) : null}
      {host.validation ? (
        <>
          <Text as="h2" size={400} weight="semibold">
            {tr("validationTitle", lang)}
          </Text>
          <React.Suspense fallback={null}>
            <LazyValidationPanel
              host={host.validation}
              programme={programme}
              year={year}
              lang={lang}
              selectable={host.kind === "excel"}
              refreshKey={written}
              primary={props.yearSheetPresent ?? false}
            />
          </React.Suspense>
        </>
      ) : null}
    </section>
  );
}
