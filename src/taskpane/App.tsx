import { Badge, Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Lang } from "../domain/i18n";
import type { Programme } from "../domain/programme/types";
import type { SettingsStore } from "../platform/helpers";
import { FileBar } from "./FileBar";
import type { WorkbookHost } from "./host";
import { tr } from "./i18n";
import { defaultYear, MonitoringEngine } from "./monitoring/layoutFlow";
import { loadPreferences, saveLang, saveYear } from "./preferences";
import { SectionDef, SECTIONS } from "./sections";
import { EMPTY_WORKBOOK, readWorkbookState, WorkbookState, yearForWorkbook } from "./workbookState";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  state: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    minWidth: 0,
  },
  stateFile: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  tabs: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    minWidth: 0,
    "@media (max-width: 340px)": { padding: 0 },
  },
  tabList: { flexWrap: "wrap" },
  // Three tabs on one line at 320 px (and at 125% zoom, 256 CSS px): less padding than Fluent's small tabs,
  // and a smaller font — for the width Fluent reserves for the selected (bold) label as well, else each tab
  // stays as wide as at 14 px and the third one wraps.
  tab: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    "@media (max-width: 340px)": {
      "& .fui-Tab__content": { fontSize: tokens.fontSizeBase200 },
      "& .fui-Tab__content--reserved-space": { fontSize: tokens.fontSizeBase200 },
    },
  },
  main: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  footer: {
    marginTop: "auto",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface AppProps {
  host: WorkbookHost;
  /** The programme data; without it the Monitoring section loads it when it needs it. */
  programme?: Programme;
  engine: MonitoringEngine;
  settings: SettingsStore;
  /** Sections to show (default: all). */
  sections?: readonly SectionDef[];
  /** The tab shown first (default: the first section). */
  initialSection?: SectionDef["id"];
  today?: Date;
}

/** The state line's separator, glued to the part it ends by a no-break space. */
const STATE_SEPARATOR = (
  <span aria-hidden="true" data-state-sep>
    {"\u00a0·"}
  </span>
);

/** The open workbook at a glance: file (or Excel), year, register present, unsaved changes. */
export function WorkbookStateLine(props: {
  state: WorkbookState;
  kind: WorkbookHost["kind"];
  year: number;
  lang: Lang;
}): React.JSX.Element {
  const { state, kind, year, lang } = props;
  const styles = useStyles();
  return (
    <div className={styles.state} role="status" aria-label={tr("stateLabel", lang)} data-workbook-state>
      {/* Each separator ends the part before it (no break between them): a wrapped line never starts with "·". */}
      <span className={styles.stateFile}>
        <span data-state-file>
          {kind === "excel" ? tr("stateExcel", lang) : (state.fileName ?? tr("stateNoFile", lang))}
        </span>
        {STATE_SEPARATOR}
      </span>
      <span>
        <span data-state-year>
          {tr("stateYear", lang)} {year}
        </span>
        {STATE_SEPARATOR}
      </span>
      <span data-state-register>
        {tr("stateRegister", lang)}: {state.hasRegister ? tr("statePresent", lang) : tr("stateAbsent", lang)}
      </span>
      {kind === "standalone" && state.fileName !== null && (
        <Badge
          appearance={state.unsaved ? "filled" : "tint"}
          color={state.unsaved ? "warning" : "success"}
          data-state-unsaved={state.unsaved}
        >
          {state.unsaved ? tr("stateUnsaved", lang) : tr("stateSaved", lang)}
        </Badge>
      )}
    </div>
  );
}

/** The pane: header (name, language switch), the workbook's state, tabs, the selected section, a privacy note. */
export function App(props: AppProps): React.JSX.Element {
  const { host, programme, engine, settings } = props;
  const sections = props.sections ?? SECTIONS;
  const styles = useStyles();
  const prefs = React.useMemo(
    () => loadPreferences(settings, { first: engine.firstYear, last: engine.lastYear }),
    [settings, engine],
  );
  const [lang, setLang] = React.useState<Lang>(prefs.lang);
  const [year, setYear] = React.useState<number>(prefs.year ?? defaultYear(engine, props.today));
  // A settings store that arrives after the first screen (see index.tsx) brings the remembered choices.
  const firstPrefs = React.useRef(prefs);
  React.useEffect(() => {
    if (firstPrefs.current === prefs) return;
    firstPrefs.current = prefs;
    setLang(prefs.lang);
    if (prefs.year !== undefined) setYear(prefs.year);
  }, [prefs]);
  const [selected, setSelected] = React.useState<SectionDef["id"]>(props.initialSection ?? sections[0].id);
  // While a chosen tab's section renders (a transition), the panel still shows the previous one: it says it is busy.
  const [switching, startSwitch] = React.useTransition();
  const idBase = React.useId();
  // Outside Office: opening another file starts the sections over on it.
  const [opened, setOpened] = React.useState(0);
  const [workbook, setWorkbook] = React.useState<WorkbookState>(EMPTY_WORKBOOK);
  const files = host.files;
  // The year follows a workbook just opened (a 2023 workbook selects 2023): set when the next state is read.
  const followYear = React.useRef(true);

  const refresh = React.useCallback(() => {
    void readWorkbookState(host).then((state) => {
      setWorkbook(state);
      if (followYear.current) {
        followYear.current = false;
        setYear((y) =>
          yearForWorkbook(y, state.monitoringYears, { first: engine.firstYear, last: engine.lastYear }),
        );
      }
    });
  }, [host, engine]);

  React.useEffect(() => {
    refresh();
    return files?.subscribe(refresh);
  }, [files, refresh]);

  React.useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);

  const switchLang = () => {
    const next: Lang = lang === "pl" ? "en" : "pl";
    setLang(next);
    saveLang(settings, next);
  };
  const changeYear = (y: number) => {
    setYear(y);
    saveYear(settings, y);
  };

  const current = sections.find((s) => s.id === selected) ?? sections[0];
  const Section = current.Component;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" alt="" width={32} height={32} />
        <div className={styles.titles}>
          <Text as="h1" size={500} weight="semibold">
            {tr("appName", lang)}
          </Text>
          <Text size={200}>{tr("tagline", lang)}</Text>
        </div>
        <Button
          appearance="subtle"
          // The accessible name starts with the visible text ("EN"), as WCAG 2.5.3 asks.
          aria-label={`${tr("switchLanguageShort", lang)} — ${tr("switchLanguage", lang)}`}
          title={tr("switchLanguage", lang)}
          lang={lang === "pl" ? "en" : "pl"}
          onClick={switchLang}
        >
          {tr("switchLanguageShort", lang)}
        </Button>
      </header>
      <WorkbookStateLine state={workbook} kind={host.kind} year={year} lang={lang} />
      {files && (
        <FileBar
          files={files}
          lang={lang}
          onOpened={() => {
            followYear.current = true;
            setOpened((n) => n + 1);
            refresh();
          }}
        />
      )}
      <nav aria-label={tr("sections", lang)} className={styles.tabs}>
        <TabList
          size="small"
          className={styles.tabList}
          selectedValue={current.id}
          onTabSelect={(_e, data) => {
            // A transition: React renders the new section in slices, not all in the click's task.
            startSwitch(() => setSelected(data.value as SectionDef["id"]));
            refresh();
          }}
        >
          {sections.map((s) => (
            <Tab
              key={s.id}
              value={s.id}
              className={styles.tab}
              id={`${idBase}-tab-${s.id}`}
              aria-controls={`${idBase}-panel`}
            >
              {s.label[lang]}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main
        className={styles.main}
        id={`${idBase}-panel`}
        role="tabpanel"
        aria-labelledby={`${idBase}-tab-${current.id}`}
        aria-busy={switching || undefined}
      >
        <Section
          key={opened}
          host={host}
          lang={lang}
          programme={programme}
          engine={engine}
          year={year}
          onYearChange={changeYear}
          workbook={workbook}
          onWorkbookChanged={refresh}
        />
      </main>
      <footer className={styles.footer}>
        {tr(host.kind === "excel" ? "privacyExcel" : "privacyStandalone", lang)}
      </footer>
    </div>
  );
}
