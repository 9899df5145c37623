import { Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
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

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  main: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
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

/** The pane: header (name, language switch), tabs, the selected section, a privacy note. */
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
  const [selected, setSelected] = React.useState<SectionDef["id"]>(props.initialSection ?? sections[0].id);
  const idBase = React.useId();
  // Outside Office: opening another file starts the sections over on it.
  const [opened, setOpened] = React.useState(0);
  const files = host.files;

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
      {files && <FileBar files={files} lang={lang} onOpened={() => setOpened((n) => n + 1)} />}
      <nav aria-label={tr("sections", lang)}>
        <TabList
          selectedValue={current.id}
          onTabSelect={(_e, data) => setSelected(data.value as SectionDef["id"])}
        >
          {sections.map((s) => (
            <Tab key={s.id} value={s.id} id={`${idBase}-tab-${s.id}`} aria-controls={`${idBase}-panel`}>
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
      >
        <Section
          key={opened}
          host={host}
          lang={lang}
          programme={programme}
          engine={engine}
          year={year}
          onYearChange={changeYear}
        />
      </main>
      <footer className={styles.footer}>{tr("privacy", lang)}</footer>
    </div>
  );
}
