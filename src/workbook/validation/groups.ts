import { Localized, pluralForm } from "../../domain/i18n";
import { Programme } from "../../domain/programme/types";
import { Finding } from "../../domain/validation";

export interface AreaRef {
  code: string; // "I"
  title: string;
}

/** The area (obszar) an indicator belongs to, or null for an id the programme does not know. */
export function areaOf(programme: Programme, indicatorId: string | null): AreaRef | null {
  if (!indicatorId) return null;
  for (const area of programme.areas)
    for (const task of area.tasks)
      for (const action of task.actions)
        if (action.indicators.some((i) => i.id === indicatorId))
          return { code: area.code, title: area.title };
  return null;
}

export interface FindingGroup {
  /** Area code, or "" for findings about the sheet's layout that name no known indicator. */
  key: string;
  title: Localized;
  errors: number;
  warnings: number;
  findings: Finding[];
}

const LAYOUT_TITLE: Localized = { pl: "Układ arkusza", en: "Sheet layout" };

/**
 * Findings grouped by programme area, in programme order, each with its error and warning counts; findings
 * that name no known indicator (a renamed sheet, an unknown code) come first in a "Układ arkusza" group.
 * Empty groups are left out. Order inside a group is kept.
 */
export function groupFindingsByArea(findings: readonly Finding[], programme: Programme): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  groups.set("", { key: "", title: LAYOUT_TITLE, errors: 0, warnings: 0, findings: [] });
  for (const a of programme.areas)
    groups.set(a.code, {
      key: a.code,
      title: { pl: `${a.code}. ${a.title}`, en: `${a.code}. ${a.title}` },
      errors: 0,
      warnings: 0,
      findings: [],
    });
  const areaByIndicator = new Map<string, string>();
  for (const a of programme.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) areaByIndicator.set(i.id, a.code);
  for (const f of findings) {
    const g = groups.get((f.indicatorId && areaByIndicator.get(f.indicatorId)) ?? "")!;
    g.findings.push(f);
    if (f.severity === "error") g.errors++;
    else g.warnings++;
  }
  return [...groups.values()].filter((g) => g.findings.length > 0);
}

/** Totals for a heading: "3 błędy, 5 ostrzeżeń". */
export function totals(findings: readonly Finding[]): { errors: number; warnings: number; fixable: number } {
  let errors = 0;
  let fixable = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    if (f.fix && f.cell) fixable++;
  }
  return { errors, warnings: findings.length - errors, fixable };
}

/** Polish plural forms through the one plural helper (Intl.PluralRules): 1 błąd, 2–4 błędy, 5+ błędów. */
export function plural(n: number, one: string, few: string, many: string): string {
  return `${n} ${pluralForm(n, { pl: { one, few, many }, en: { one, other: many } }, "pl")}`;
}

export function countsText(errors: number, warnings: number): Localized {
  return {
    pl: `${plural(errors, "błąd", "błędy", "błędów")}, ${plural(warnings, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")}`,
    en: `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  };
}
