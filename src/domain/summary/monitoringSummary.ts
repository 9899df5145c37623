import { Indicator, Programme, Unit } from "../programme/types";

/**
 * Monitoring summary ("Podsumowanie") figures: per area and task the number of indicators, how many are
 * filled in each year and how many validation errors / warnings each year's sheet has; each indicator's value
 * in every year present with the change from the previous year present.
 *
 * In the workbook the values, "filled" counts and changes are formulas over the monitoring sheets (see
 * src/workbook/summary/monitoringSummary.ts); this module computes the SAME figures from values read by
 * Miernik, for `--json`, the CLI's text report and tests. Semantics shared with the formulas:
 * - a value is a number in the value cell; anything else (empty, text, an Excel error) is "not filled";
 * - change = this year's value − the previous present year's value, both numbers; for percent indicators
 *   in percentage points (fractions × 100), e.g. 0.762 → 0.80 is +3.8 p.p.
 */

export type RawValue = string | number | boolean | null;

export interface YearInput {
  year: number;
  /** The sheet the values were read from. */
  sheet: string;
  /** Indicator id → the value cell's content. */
  values: ReadonlyMap<string, RawValue>;
  /** Validation findings of this sheet (severity and indicator id are what counts). */
  findings?: readonly { severity: "error" | "warning"; indicatorId: string | null }[];
}

export interface GroupFigures {
  /** "I" for an area, "1.1" for a task. */
  code: string;
  kind: "area" | "task";
  title: string;
  indicators: number;
  /** Per year (in `years` order). */
  filled: number[];
  errors: number[];
  warnings: number[];
}

export interface IndicatorFigures {
  id: string;
  actionCode: string;
  label: string;
  unit: Unit;
  areaCode: string;
  taskCode: string;
  /** Per year: the number, or null when not filled. */
  values: (number | null)[];
  /** Per year: change from the previous year present (null for the first year or when either is missing). */
  changes: (number | null)[];
}

export interface MonitoringSummary {
  programme: string;
  years: number[];
  sheets: string[];
  /** Areas and their tasks, in the programme's order: each area row is followed by its tasks. */
  groups: GroupFigures[];
  indicators: IndicatorFigures[];
  /** Findings with no indicator (layout problems) per year. */
  sheetErrors: number[];
  sheetWarnings: number[];
  /** All indicators: count, filled per year, errors / warnings per year (incl. sheet-level findings). */
  total: GroupFigures;
}

/** The number a value cell holds, or null. */
export function filledValue(v: RawValue | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Change between two years' values, in the unit's display terms (percentage points for percents). */
export function change(prev: number | null, cur: number | null, unit: Unit): number | null {
  if (prev === null || cur === null) return null;
  return unit === "percent" ? (cur - prev) * 100 : cur - prev;
}

export function allIndicators(
  programme: Programme,
): { indicator: Indicator; areaCode: string; taskCode: string }[] {
  const out: { indicator: Indicator; areaCode: string; taskCode: string }[] = [];
  for (const a of programme.areas)
    for (const t of a.tasks)
      for (const ac of t.actions)
        for (const i of ac.indicators) out.push({ indicator: i, areaCode: a.code, taskCode: t.code });
  return out;
}

export function summarizeMonitoring(programme: Programme, input: readonly YearInput[]): MonitoringSummary {
  const years = [...input].sort((a, b) => a.year - b.year);
  const ny = years.length;
  const indicators: IndicatorFigures[] = allIndicators(programme).map(({ indicator, areaCode, taskCode }) => {
    const values = years.map((y) => filledValue(y.values.get(indicator.id)));
    return {
      id: indicator.id,
      actionCode: indicator.actionCode,
      label: indicator.label,
      unit: indicator.unit,
      areaCode,
      taskCode,
      values,
      changes: values.map((v, k) => (k === 0 ? null : change(values[k - 1], v, indicator.unit))),
    };
  });
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const zeros = (): number[] => Array.from({ length: ny }, () => 0);
  const sheetErrors = zeros();
  const sheetWarnings = zeros();
  const perIndicator = new Map<string, { e: number[]; w: number[] }>();
  years.forEach((y, k) => {
    for (const f of y.findings ?? []) {
      const ind = f.indicatorId ? byId.get(f.indicatorId) : undefined;
      if (!ind) {
        if (f.severity === "error") sheetErrors[k]++;
        else sheetWarnings[k]++;
        continue;
      }
      let c = perIndicator.get(ind.id);
      if (!c) perIndicator.set(ind.id, (c = { e: zeros(), w: zeros() }));
      if (f.severity === "error") c.e[k]++;
      else c.w[k]++;
    }
  });
  const figuresOf = (
    code: string,
    kind: "area" | "task",
    title: string,
    members: IndicatorFigures[],
  ): GroupFigures => {
    const g: GroupFigures = {
      code,
      kind,
      title,
      indicators: members.length,
      filled: zeros(),
      errors: zeros(),
      warnings: zeros(),
    };
    for (const m of members) {
      m.values.forEach((v, k) => {
        if (v !== null) g.filled[k]++;
      });
      const c = perIndicator.get(m.id);
      if (c)
        for (let k = 0; k < ny; k++) {
          g.errors[k] += c.e[k];
          g.warnings[k] += c.w[k];
        }
    }
    return g;
  };
  const groups: GroupFigures[] = [];
  for (const a of programme.areas) {
    groups.push(
      figuresOf(
        a.code,
        "area",
        a.title,
        indicators.filter((i) => i.areaCode === a.code),
      ),
    );
    for (const t of a.tasks)
      groups.push(
        figuresOf(
          t.code,
          "task",
          t.title,
          indicators.filter((i) => i.taskCode === t.code),
        ),
      );
  }
  const total = figuresOf("", "area", "", indicators);
  for (let k = 0; k < ny; k++) {
    total.errors[k] += sheetErrors[k];
    total.warnings[k] += sheetWarnings[k];
  }
  return {
    programme: programme.id,
    years: years.map((y) => y.year),
    sheets: years.map((y) => y.sheet),
    groups,
    indicators,
    sheetErrors,
    sheetWarnings,
    total,
  };
}
