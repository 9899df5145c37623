import { Localized } from "../i18n";
import { formatNumber, formatPercent } from "../numbers";
import { RELATIONS, relationFormula, relationHolds } from "../programme/relations";
import { Indicator, Programme, Unit } from "../programme/types";
import {
  DEFAULT_MAX_COUNT,
  DEFAULT_YOY_FACTOR,
  Finding,
  IndicatorEntry,
  LayoutProblem,
  Severity,
  ValidationInput,
  DEFAULT_YOY_MIN_CHANGE,
} from "./types";
import { checkValue, indicatorName, usableValue } from "./values";

/** Every indicator of a programme by id, in programme order. */
export function indicatorIndex(programme: Programme): Map<string, Indicator> {
  const m = new Map<string, Indicator>();
  for (const area of programme.areas)
    for (const task of area.tasks)
      for (const action of task.actions) for (const ind of action.indicators) m.set(ind.id, ind);
  return m;
}

/** Severity of a layout problem kind when the reader does not say. */
export function layoutSeverity(kind: string): Severity {
  // A missing or ambiguous indicator makes the report incomplete or wrong; the rest are notices.
  return kind === "missing-indicator" || kind === "duplicate-code" || kind === "header-not-found"
    ? "error"
    : "warning";
}

function showNumber(v: number, unit: Unit, lang: "pl" | "en"): string {
  return unit === "percent" ? formatPercent(v, lang) : formatNumber(v, lang);
}

/** Row/column of an A1 address for ordering (no dependency on the workbook layer). */
function position(cell: string | null): [number, number] {
  const m = cell ? /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell) : null;
  if (!m) return [-1, -1];
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Findings ordered by sheet, row, column, errors first, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, p: position(f.cell) }))
    .sort(
      (a, b) =>
        (a.f.sheet < b.f.sheet ? -1 : a.f.sheet > b.f.sheet ? 1 : 0) ||
        a.p[0] - b.p[0] ||
        a.p[1] - b.p[1] ||
        (a.f.severity === b.f.severity ? 0 : a.f.severity === "error" ? -1 : 1) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

function layoutFinding(p: LayoutProblem): Finding {
  return {
    rule: `layout-${p.kind}`,
    severity: p.severity ?? layoutSeverity(p.kind),
    sheet: p.sheet,
    cell: p.cell,
    indicatorId: p.indicatorId ?? null,
    value: p.value ?? null,
    message: p.message,
  };
}

/**
 * Validates one year's monitoring entries. Pure: never throws on odd values, never writes anything.
 * - every entry's value (rules in ./values.ts);
 * - the reader's layout problems, passed through by cell;
 * - indicators with no entry (when no problem names them already) as layout-missing-indicator;
 * - relations between indicators (warnings);
 * - year over year against `previous` (warnings).
 */
export function validateMonitoring(input: ValidationInput): Finding[] {
  const opts = input.options ?? {};
  const factor = opts.yoyFactor ?? DEFAULT_YOY_FACTOR;
  const minCount = opts.yoyMinChange ?? DEFAULT_YOY_MIN_CHANGE;
  if (!(Number.isFinite(minCount) && minCount >= 0))
    throw new RangeError(`yoyMinChange must be a number ≥ 0, got ${String(opts.yoyMinChange)}`);
  const minChange = { count: minCount, percent: minCount / 100 };
  if (!(Number.isFinite(factor) && factor > 1))
    throw new RangeError(`yoyFactor must be a number > 1, got ${String(opts.yoyFactor)}`);
  const maxCount = opts.maxCount ?? DEFAULT_MAX_COUNT;
  if (!(Number.isFinite(maxCount) && maxCount >= 0))
    throw new RangeError(`maxCount must be a number ≥ 0, got ${String(opts.maxCount)}`);
  const relations = opts.relations ?? RELATIONS;
  const index = indicatorIndex(input.programme);
  const findings: Finding[] = [];

  for (const p of input.problems ?? []) findings.push(layoutFinding(p));

  // Values. An indicator found twice (duplicate code) is checked in every cell; the first counts for relations.
  const first = new Map<string, IndicatorEntry>();
  for (const e of input.entries) {
    findings.push(
      ...checkValue(
        e.sheet,
        e.address,
        e.indicatorId,
        index.get(e.indicatorId),
        e.value,
        e.numberFormat,
        e.formula,
        e.stray,
        maxCount,
      ),
    );
    if (!first.has(e.indicatorId)) first.set(e.indicatorId, e);
  }

  if (opts.reportMissing !== false) {
    const named = new Set((input.problems ?? []).map((p) => p.indicatorId).filter((x): x is string => !!x));
    for (const [id, ind] of index) {
      if (first.has(id) || named.has(id)) continue;
      const name = indicatorName(ind, id);
      findings.push({
        rule: "layout-missing-indicator",
        severity: layoutSeverity("missing-indicator"),
        sheet: input.sheet,
        cell: null,
        indicatorId: id,
        value: null,
        message: {
          pl: `${input.sheet}: nie znaleziono wiersza, ${name.pl} (brak kodu ${id} w kolumnie „Kod miernika”); przywróć wiersz lub rozłóż arkusz ponownie`,
          en: `${input.sheet}: row not found, ${name.en} (no code ${id} in the "Kod miernika" column); restore the row or lay the sheet out again`,
        },
      });
    }
  }

  const usable = (e: IndicatorEntry | undefined): number | null => {
    if (!e) return null;
    const ind = index.get(e.indicatorId);
    return ind ? usableValue(e.value, ind.unit, e.numberFormat) : null;
  };

  for (const r of relations) {
    const le = first.get(r.left);
    const re = first.get(r.right);
    const lv = usable(le);
    const rv = usable(re);
    if (!le || !re || lv === null || rv === null || relationHolds(r.kind, lv, rv)) continue;
    const li = index.get(r.left);
    const ri = index.get(r.right);
    const ln = indicatorName(li, r.left);
    const rn = indicatorName(ri, r.right);
    const formula = relationFormula(r);
    const lu = li?.unit ?? "count";
    const ru = ri?.unit ?? "count";
    findings.push({
      rule: "relation",
      severity: "warning",
      sheet: le.sheet,
      cell: le.address,
      indicatorId: r.left,
      value: le.value,
      message: {
        pl:
          `${le.sheet}!${le.address}, ${ln.pl} = ${showNumber(lv, lu, "pl")}, a ${rn.pl} (${re.address}) = ${showNumber(rv, ru, "pl")}; ` +
          `oczekiwano ${formula.pl}, bo ${r.why.pl}. Sprawdź obie wartości.`,
        en:
          `${le.sheet}!${le.address}, ${ln.en} = ${showNumber(lv, lu, "en")}, but ${rn.en} (${re.address}) = ${showNumber(rv, ru, "en")}; ` +
          `expected ${formula.en}, because ${r.why.en}. Check both values.`,
      },
    });
  }

  if (input.previous) {
    const prev = new Map<string, IndicatorEntry>();
    for (const e of input.previous.entries) if (!prev.has(e.indicatorId)) prev.set(e.indicatorId, e);
    for (const [id, cur] of first) {
      const old = prev.get(id);
      const ind = index.get(id);
      const cv = usable(cur);
      const pv = usable(old);
      if (!old || !ind || cv === null || pv === null) continue;
      if (cv < 0 || pv < 0 || (cv === 0 && pv === 0)) continue;
      // 1e-9: 0.862 - 0.762 is 0.09999999999999998 in doubles.
      if (Math.abs(cv - pv) < minChange[ind.unit] - 1e-9) continue;
      const toOrFromZero = cv === 0 || pv === 0;
      const ratio = toOrFromZero ? Infinity : cv / pv;
      if (!toOrFromZero && ratio <= factor && ratio >= 1 / factor) continue;
      const name = indicatorName(ind, id);
      const change: Localized = toOrFromZero
        ? cv === 0
          ? { pl: "spadek do 0", en: "a drop to 0" }
          : { pl: "wzrost od 0", en: "a rise from 0" }
        : ratio > 1
          ? {
              pl: `wzrost ×${formatNumber(Number(ratio.toPrecision(3)), "pl")}, więcej niż ×${formatNumber(factor, "pl")}`,
              en: `a rise ×${formatNumber(Number(ratio.toPrecision(3)), "en")}, more than ×${formatNumber(factor, "en")}`,
            }
          : {
              pl: `spadek ÷${formatNumber(Number((1 / ratio).toPrecision(3)), "pl")}, więcej niż ÷${formatNumber(factor, "pl")}`,
              en: `a drop ÷${formatNumber(Number((1 / ratio).toPrecision(3)), "en")}, more than ÷${formatNumber(factor, "en")}`,
            };
      findings.push({
        rule: "year-over-year",
        severity: "warning",
        sheet: cur.sheet,
        cell: cur.address,
        indicatorId: id,
        value: cur.value,
        message: {
          pl:
            `${cur.sheet}!${cur.address}, ${name.pl}: ${showNumber(cv, ind.unit, "pl")} wobec ${showNumber(pv, ind.unit, "pl")} ` +
            `w poprzednim roku (${old.sheet}!${old.address}) — ${change.pl}. Sprawdź wartość.`,
          en:
            `${cur.sheet}!${cur.address}, ${name.en}: ${showNumber(cv, ind.unit, "en")} against ${showNumber(pv, ind.unit, "en")} ` +
            `the year before (${old.sheet}!${old.address}) — ${change.en}. Check the value.`,
        },
      });
    }
  }

  return sortFindings(findings);
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
