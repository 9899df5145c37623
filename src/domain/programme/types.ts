/**
 * The Lublin employment programme 2021–2027 ("Program Promocji Zatrudnienia i Aktywizacji Rynku Pracy
 * miasta Lublin na lata 2021–2027") as data: areas → tasks → actions → indicators (mierniki).
 * Wording is the seed's, verbatim (Polish). The data lives in ./programme.ts.
 */

import { Localized } from "../i18n";

export type Unit = "count" | "percent";

export interface Indicator {
  /** Stable id: the action code and the indicator's ordinal within the action, e.g. "1.1.1-2". */
  id: string;
  actionCode: string; // "1.1.1"
  label: string; // "liczba osób objętych poradnictwem indywidualnym"
  unit: Unit;
  /** Responsible entity first, then cooperating ones, as listed in the seed. */
  entities: string[];
  monitoring: string; // "Raz do roku, po upływie roku kalendarzowego"
  verification: string; // "Informacje i dane statystyczne"
  /** The 2023 value in the seed (sample data): counts as numbers, percents as fractions (76,2% → 0.762). */
  sample2023: number;
}

export interface Action {
  code: string; // "1.1.1"
  title: string;
  entities: string[];
  indicators: Indicator[]; // may be empty (3.3.2)
}

export interface Task {
  code: string; // "1.1"
  title: string;
  monitoring: string;
  verification: string;
  actions: Action[];
}

export interface Area {
  code: string; // "I"
  title: string;
  tasks: Task[];
}

export interface Programme {
  id: string; // "lublin-2021-2027"
  title: string;
  /** Title of a year's monitoring table, completed with " za rok <year>" / " for <year>" by the layout. */
  reportTitle?: Localized;
  firstYear: number; // 2021
  lastYear: number; // 2027
  areas: Area[];
}
