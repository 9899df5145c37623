/**
 * The pane's tabbed sections. Each receives the same props; a section another engineer builds
 * replaces its `InProgress` entry here with its component. Only the first tab (Monitoring) is in the
 * first-load bundle; the others are chunks fetched from the add-in's origin when their tab is opened.
 */
import * as React from "react";
import type { Lang, Localized } from "../domain/i18n";
import type { Programme } from "../domain/programme/types";
import type { WorkbookHost } from "./host";
import { UI } from "./i18n";
import { Busy } from "./lazyFeedback";
import { MonitoringSection } from "./monitoring/MonitoringSection";
import type { MonitoringEngine } from "./monitoring/layoutFlow";

export interface SectionProps {
  host: WorkbookHost;
  lang: Lang;
  programme?: Programme;
  engine: MonitoringEngine;
  /** The reporting year chosen in the pane (shared by sections). */
  year: number;
  onYearChange(year: number): void;
}

export interface SectionDef {
  id: "monitoring" | "participants" | "summaries";
  label: Localized;
  Component: React.ComponentType<SectionProps>;
}

function Monitoring(props: SectionProps): React.JSX.Element {
  return (
    <MonitoringSection
      host={props.host}
      engine={props.engine}
      lang={props.lang}
      year={props.year}
      onYearChange={props.onYearChange}
      programme={props.programme}
    />
  );
}

// Loaded on demand (the ".js" suffix is what nodenext wants; webpack maps it to the .tsx source).
const ParticipantsSection = React.lazy(async () => ({
  default: (await import(/* webpackChunkName: "participants" */ "./participants/ParticipantsSection.js"))
    .ParticipantsSection,
}));
const SummariesSection = React.lazy(async () => ({
  default: (await import(/* webpackChunkName: "summaries" */ "./summaries/SummariesSection.js"))
    .SummariesSection,
}));

const LOADING: Localized = { pl: "Wczytywanie…", en: "Loading…" };

function Loading(props: { lang: Lang }): React.JSX.Element {
  return <Busy size="small" label={LOADING[props.lang]} />;
}

function Participants(props: SectionProps): React.JSX.Element {
  return (
    <React.Suspense fallback={<Loading lang={props.lang} />}>
      <ParticipantsSection host={props.host} lang={props.lang} />
    </React.Suspense>
  );
}

function Summaries(props: SectionProps): React.JSX.Element {
  return (
    <React.Suspense fallback={<Loading lang={props.lang} />}>
      <SummariesSection host={props.host} lang={props.lang} />
    </React.Suspense>
  );
}

export const SECTIONS: readonly SectionDef[] = [
  { id: "monitoring", label: UI.tabMonitoring, Component: Monitoring },
  { id: "participants", label: UI.tabParticipants, Component: Participants },
  { id: "summaries", label: UI.tabSummaries, Component: Summaries },
];
