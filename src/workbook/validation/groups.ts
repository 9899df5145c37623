import { countOf, formatCount, Localized, NOUNS, pluralForm } from "../../domain/i18n";
import { Programme } from "../../domain/programme/types";
import { Finding } from "../../domain/validation";
import { a1, parseA1 } from "../address";

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

/**
 * Cell addresses as runs: "E4:E20, E22, E30:E33" (consecutive rows of one column joined). Addresses that are no
 * A1 cell are listed as they are, at the end.
 */
export function cellRuns(cells: readonly string[]): string {
  const refs: { row: number; col: number }[] = [];
  const other: string[] = [];
  for (const c of cells) {
    try {
      refs.push(parseA1(c));
    } catch {
      other.push(c);
    }
  }
  refs.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: string[] = [];
  for (let i = 0; i < refs.length;) {
    let j = i;
    while (j + 1 < refs.length && refs[j + 1].col === refs[i].col && refs[j + 1].row <= refs[j].row + 1) j++;
    const first = a1(refs[i].row, refs[i].col);
    const last = a1(refs[j].row, refs[j].col);
    runs.push(first === last ? first : `${first}:${last}`);
    i = j + 1;
  }
  return [...runs, ...other].join(", ");
}

/** Empty values of one sheet and area, told in one line instead of one per cell. */
export interface EmptyFold {
  sheet: string;
  /** Area code, or "" for indicators the programme does not know. */
  key: string;
  findings: Finding[];
  /** The cells as runs ("E4:E33"). */
  cells: string;
  message: Localized;
}

/** Indicator rows missing from one sheet (a table without its header, a sheet of something else), in one line. */
export interface MissingFold {
  sheet: string;
  findings: Finding[];
  message: Localized;
}

export type ReportLine =
  | { kind: "finding"; finding: Finding }
  | { kind: "empties"; fold: EmptyFold }
  | { kind: "missing"; fold: MissingFold };

/** From this many missing indicator rows on a sheet, they are told in one line. */
const FOLD_MISSING_FROM = 3;
const MISSING_CODES_SHOWN = 6;

function missingFold(sheet: string, list: Finding[], total: number): MissingFold {
  const ids = list.map((f) => f.indicatorId ?? "?");
  const shown =
    ids.length <= MISSING_CODES_SHOWN
      ? ids.join(", ")
      : `${ids.slice(0, MISSING_CODES_SHOWN - 1).join(", ")}, …, ${ids[ids.length - 1]}`;
  const n = list.length;
  const all = n === total;
  // "brak wierszy 22 mierników": the genitive plural after the number (n ≥ FOLD_MISSING_FROM > 1).
  const count = { pl: formatCount(n, "pl"), en: countOf(n, NOUNS.indicator, "en") };
  return {
    sheet,
    findings: list,
    message: all
      ? {
          pl: `Arkusz „${sheet}”: nie ma w nim wiersza żadnego z ${count.pl} mierników programu (${shown}) — to nie jest tabela monitoringu albo jej kolumny „Kod miernika” i „Mierniki” zmieniono. Utwórz arkusz ponownie z dodatku (wpisane wartości zostaną zachowane); --json podaje każdy miernik z osobna`,
          en: `Sheet "${sheet}": no row of any of the programme's ${count.en} (${shown}) — it is not a monitoring table or its "Kod miernika" and "Mierniki" columns were changed. Lay the sheet out again from the add-in (typed values are kept); --json lists each indicator`,
        }
      : {
          pl: `Arkusz „${sheet}”: brak wierszy ${count.pl} mierników (${shown}) — wiersze usunięto albo zmieniono ich kody i nazwy. Utwórz arkusz ponownie z dodatku (wpisane wartości zostaną zachowane); --json podaje każdy miernik z osobna`,
          en: `Sheet "${sheet}": no rows for ${count.en} (${shown}) — the rows were deleted or their codes and labels changed. Lay the sheet out again from the add-in (typed values are kept); --json lists each indicator`,
        },
  };
}

/** An area's title cut at a word for a one-line message. */
function shortAreaTitle(title: string, max = 50): string {
  if (title.length <= max) return title.replace(/[.]$/, "");
  const cut = title.slice(0, max);
  const at = cut.lastIndexOf(" ");
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

/**
 * The findings as a report reads them, as the pane shows them: per sheet (in the order the findings come), every
 * finding but the empty values first, in their order; then the empty values folded into one line per programme
 * area ("obszar I …: 30 pustych wartości — E4:E33"), in programme order. An area with one empty value keeps its
 * finding (it names the indicator). Three or more missing indicator rows of a sheet are one line too, in the
 * place of the first (a sheet without its header row would list all 60). Nothing is dropped: each fold
 * carries its findings.
 */
export function foldEmptyFindings(findings: readonly Finding[], programme: Programme): ReportLine[] {
  const areaByIndicator = new Map<string, string>();
  for (const a of programme.areas)
    for (const t of a.tasks)
      for (const ac of t.actions) for (const i of ac.indicators) areaByIndicator.set(i.id, a.code);
  const order = ["", ...programme.areas.map((a) => a.code)];
  const sheets: string[] = [];
  const total = areaByIndicator.size;
  const bySheet = new Map<
    string,
    { shown: Finding[]; empties: Map<string, Finding[]>; missing: Finding[] }
  >();
  for (const f of findings) {
    let s = bySheet.get(f.sheet);
    if (!s) {
      s = { shown: [], empties: new Map(), missing: [] };
      bySheet.set(f.sheet, s);
      sheets.push(f.sheet);
    }
    if (f.rule === "layout-missing-indicator") s.missing.push(f);
    if (f.rule !== "empty" || !f.cell) {
      s.shown.push(f);
      continue;
    }
    const key = (f.indicatorId && areaByIndicator.get(f.indicatorId)) ?? "";
    const list = s.empties.get(key) ?? [];
    list.push(f);
    s.empties.set(key, list);
  }
  const out: ReportLine[] = [];
  for (const sheet of sheets) {
    const s = bySheet.get(sheet)!;
    const foldMissing = s.missing.length >= FOLD_MISSING_FROM;
    let missingTold = false;
    for (const f of s.shown) {
      if (!foldMissing || f.rule !== "layout-missing-indicator") out.push({ kind: "finding", finding: f });
      else if (!missingTold) {
        // In the place of the first of them.
        out.push({ kind: "missing", fold: missingFold(sheet, s.missing, total) });
        missingTold = true;
      }
    }
    for (const key of order) {
      const list = s.empties.get(key);
      if (!list) continue;
      if (list.length === 1) {
        out.push({ kind: "finding", finding: list[0] });
        continue;
      }
      const area = programme.areas.find((a) => a.code === key);
      const cells = cellRuns(list.map((f) => f.cell!));
      const n = list.length;
      const where: Localized = area
        ? {
            pl: `obszar ${area.code} „${shortAreaTitle(area.title)}”`,
            en: `area ${area.code} "${shortAreaTitle(area.title)}"`,
          }
        : { pl: "mierniki spoza programu", en: "indicators outside the programme" };
      out.push({
        kind: "empties",
        fold: {
          sheet,
          key,
          findings: list,
          cells,
          message: {
            pl: `${sheet}, ${where.pl}: ${countOf(n, NOUNS.emptyValue, "pl")} — ${cells}; wpisz wartości mierników (każdą komórkę z osobna podaje --json)`,
            en: `${sheet}, ${where.en}: ${countOf(n, NOUNS.emptyValue, "en")} — ${cells}; enter the indicators' values (--json lists each cell)`,
          },
        },
      });
    }
  }
  return out;
}
