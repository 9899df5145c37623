import { Lang, Localized } from "../../domain/i18n";
import { PROGRAMME } from "../../domain/programme/programme";
import { Programme } from "../../domain/programme/types";
import {
  allIndicators,
  filledValue,
  MonitoringSummary,
  RawValue,
  summarizeMonitoring,
  YearInput,
} from "../../domain/summary/monitoringSummary";
import { WorkbookCells } from "../cells";
import { buildMonitoringSheetPlan, monitoringSheetName } from "../monitoring/layout";
import { CellValue, NamePlan, SheetPlan, WorkbookPlan } from "../plan";
import { inProgramme, readMonitoring, validateWorkbookCells } from "../validation";
import {
  buildMonitoringSummaryPlan,
  MonitoringColumnRefs,
  monitoringColumnRefs,
  MonitoringSummaryPlanOptions,
} from "./monitoringSummary";

export interface MonitoringYear extends YearInput {
  /** The file the sheet came from (CLI), or null in the add-in. */
  file: string | null;
  columns: MonitoringColumnRefs;
}

/**
 * The monitoring years of one workbook: every monitoring sheet the validation driver finds (by name, or a
 * renamed one by content when its year is known), with its values (by indicator id) and its findings.
 * `unreadable` when the workbook has none.
 */
export function monitoringYears(
  wb: WorkbookCells,
  programme: Programme = PROGRAMME,
  file: string | null = null,
): { years: MonitoringYear[]; unreadable: Localized | null; skipped: Localized[] } {
  const v = validateWorkbookCells(wb, programme);
  if (v.unreadable) return { years: [], unreadable: v.unreadable, skipped: [] };
  const years: MonitoringYear[] = [];
  const skipped: Localized[] = [];
  for (const s of v.sheets) {
    if (s.year === null) {
      skipped.push({
        pl: `arkusz „${s.sheet}”: nie wiadomo, którego roku dotyczy — nazwij go „Monitoring RRRR”`,
        en: `sheet "${s.sheet}": its year is unknown — name it "Monitoring YYYY"`,
      });
      continue;
    }
    if (!inProgramme(programme, s.year)) {
      // No table of the programme exists for that year (the summary lays each year's sheet out again).
      skipped.push({
        pl: `arkusz „${s.sheet}”: rok ${s.year} jest poza okresem programu (${programme.firstYear}–${programme.lastYear}) — pominięty`,
        en: `sheet "${s.sheet}": ${s.year} is outside the programme (${programme.firstYear}–${programme.lastYear}) — skipped`,
      });
      continue;
    }
    if (years.some((y) => y.year === s.year)) {
      skipped.push({
        pl: `arkusz „${s.sheet}”: drugi arkusz za rok ${s.year} — pominięty`,
        en: `sheet "${s.sheet}": a second sheet for ${s.year} — skipped`,
      });
      continue;
    }
    const cells = wb.sheets.find((x) => x.name === s.sheet)!;
    const values = new Map<string, RawValue>();
    for (const e of readMonitoring(cells, programme, s.year).entries)
      if (!values.has(e.indicatorId)) values.set(e.indicatorId, e.value);
    years.push({
      year: s.year,
      sheet: s.sheet,
      values,
      findings: v.findings.filter((f) => f.sheet === s.sheet),
      file,
      columns: monitoringColumnRefs(cells, s.year),
    });
  }
  return { years, unreadable: null, skipped };
}

/**
 * The `Podsumowanie` sheet over a workbook's own monitoring sheets (the add-in: formulas refer to the sheets
 * as they are named and laid out in the workbook). null summary when the workbook has no monitoring sheet.
 */
export function buildWorkbookMonitoringSummary(
  wb: WorkbookCells,
  opts: MonitoringSummaryPlanOptions & { programme?: Programme } = {},
): { sheet: SheetPlan; summary: MonitoringSummary; notes: Localized[] } | { unreadable: Localized } {
  const programme = opts.programme ?? PROGRAMME;
  const { years, unreadable, skipped } = monitoringYears(wb, programme);
  if (unreadable) return { unreadable };
  const summary = summarizeMonitoring(programme, years);
  const cols = new Map(years.map((y) => [y.sheet, y.columns]));
  const { sheet } = buildMonitoringSummaryPlan(
    programme,
    summary,
    (s) => cols.get(s) ?? monitoringColumnRefs(),
    opts,
  );
  return { sheet, summary, notes: skipped };
}

/** What the CLI prints and writes for the monitoring workbooks among its inputs. */
export interface MonitoringOutput {
  summary: MonitoringSummary;
  /** Monitoring sheets laid out again from the values read (so the summary's formulas have their sheets), then `Podsumowanie`. */
  plans(lang: Lang, builtAt: Date): WorkbookPlan;
  json(lang: Lang): unknown;
  text(lang: Lang): string[];
}

/** How many of a year's indicator values are numbers (what the summary counts as filled). */
function filledCount(y: MonitoringYear): number {
  let n = 0;
  for (const v of y.values.values()) if (filledValue(v) !== null) n++;
  return n;
}

/**
 * Collects the monitoring years of several workbooks (CLI). A year found in two files: the one with more
 * indicators filled in wins (an empty layout of the year never hides the filled one), the first on a tie; the
 * other is reported. Call `settle()` after the last `add` for the files left with no year of their own.
 */
export class MonitoringCollector {
  private readonly candidates: { year: MonitoringYear; filled: number }[] = [];
  private years: MonitoringYear[] = [];
  private readonly notes: { file: string; reason: Localized }[] = [];
  /** The sheets of a year another file has too (set by `settle`). */
  private conflicts: { file: string; reason: Localized }[] = [];
  /** Files with at least one year to summarise, in the order added. */
  private readonly files: string[] = [];
  private settled: { file: string; reason: Localized }[] | null = null;

  constructor(private readonly programme: Programme = PROGRAMME) {}

  /** Files summarised (after `settle`: only those that kept a year). */
  get count(): number {
    const lost = this.settled ? new Set(this.settled.map((l) => l.file)) : null;
    return lost ? this.files.filter((f) => !lost.has(f)).length : this.files.length;
  }

  add(file: string, wb: WorkbookCells): { ok: true } | { ok: false; reason: Localized } {
    const { years, unreadable, skipped } = monitoringYears(wb, this.programme, file);
    if (unreadable) return { ok: false, reason: unreadable };
    // Not one sheet of the file can be summarised (its year unknown, or outside the programme): the file is
    // skipped with the sheets' reasons, not counted as read.
    if (years.length === 0 && skipped.length > 0)
      return {
        ok: false,
        reason: {
          pl: skipped.map((s) => s.pl).join("; "),
          en: skipped.map((s) => s.en).join("; "),
        },
      };
    for (const s of skipped) this.notes.push({ file, reason: s });
    for (const y of years) this.candidates.push({ year: y, filled: filledCount(y) });
    this.files.push(file);
    this.settled = null;
    return { ok: true };
  }

  /**
   * Picks each year's sheet among the files that have it and returns the files left with no year (all of
   * theirs are in other files with at least as many values filled): they are no longer counted.
   */
  settle(): { file: string; reason: Localized }[] {
    if (this.settled) return this.settled;
    const total = allIndicators(this.programme).length;
    this.conflicts = [];
    const winners = new Map<number, { year: MonitoringYear; filled: number }>();
    for (const c of this.candidates) {
      const prev = winners.get(c.year.year);
      if (!prev || c.filled > prev.filled) winners.set(c.year.year, c);
    }
    for (const c of this.candidates) {
      const w = winners.get(c.year.year)!;
      if (w === c) continue;
      const y = c.year.year;
      this.conflicts.push({
        file: c.year.file ?? "?",
        reason: {
          pl: `rok ${y} jest też w pliku ${w.year.file ?? "?"} (wypełnione mierniki: ${w.filled} z ${total}, tu: ${c.filled}) — arkusz „${c.year.sheet}” pominięty`,
          en: `${y} is also in ${w.year.file ?? "?"} (indicators filled: ${w.filled} of ${total}, here: ${c.filled}) — sheet "${c.year.sheet}" skipped`,
        },
      });
    }
    this.years = [...winners.values()].map((w) => w.year);
    const kept = new Set(this.years.map((y) => y.file));
    const lost = this.files.filter((f) => !kept.has(f));
    this.settled = lost.map((file) => ({
      file,
      reason: {
        pl: "wszystkie lata tego pliku są w innych plikach, z co najmniej tyloma wypełnionymi miernikami",
        en: "every year of this file is in other files with at least as many indicators filled",
      },
    }));
    return this.settled;
  }

  finish(problems: { file: string; reason: Localized }[] = []): MonitoringOutput {
    this.settle();
    const programme = this.programme;
    const years = [...this.years].sort((a, b) => a.year - b.year);
    // In the output workbook the sheets are laid out again under their canonical names.
    const canonical = years.map((y) => ({ ...y, sheet: monitoringSheetName(y.year) }));
    const summary = summarizeMonitoring(programme, canonical);
    // Notes of this collector (duplicate years, unknown years); the sheet lists the other files' problems too.
    const own = [...this.notes, ...this.conflicts];
    const notes = [...own, ...problems];
    return {
      summary,
      plans(lang: Lang, builtAt: Date): WorkbookPlan {
        const sheets: SheetPlan[] = [];
        const names: NamePlan[] = [];
        const columns = new Map<string, MonitoringColumnRefs>();
        for (const y of canonical) {
          const values = new Map<string, CellValue>();
          for (const [id, v] of y.values) values.set(id, v);
          const s = buildMonitoringSheetPlan(programme, y.year, { values, lang });
          columns.set(s.name, monitoringColumnRefs());
          sheets.push(s);
        }
        const { sheet } = buildMonitoringSummaryPlan(
          programme,
          summary,
          (s) => columns.get(s) ?? monitoringColumnRefs(),
          {
            lang,
            builtAt,
            problems: notes.map((n) => ({ file: n.file, reason: n.reason[lang] })),
          },
        );
        return { sheets: [sheet, ...sheets], names };
      },
      json(lang: Lang): unknown {
        return {
          years: summary.years,
          sources: years.map((y) => ({ year: y.year, file: y.file, sheet: y.sheet })),
          groups: summary.groups,
          total: summary.total,
          indicators: summary.indicators.map((i) => ({
            id: i.id,
            unit: i.unit,
            values: i.values,
            changes: i.changes,
          })),
          notes: own.map((n) => ({ file: n.file, reason: n.reason[lang] })),
        };
      },
      text(lang: Lang): string[] {
        const pl = lang === "pl";
        const one = summary.years.length === 1; // "rok 2023", "lata 2022, 2023"
        const lines = [
          pl
            ? `Podsumowanie monitoringu: ${one ? "rok" : "lata"} ${summary.years.join(", ")} (${summary.indicators.length} mierników)`
            : `Monitoring summary: ${one ? "year" : "years"} ${summary.years.join(", ")} (${summary.indicators.length} indicators)`,
        ];
        summary.years.forEach((y, k) =>
          lines.push(
            pl
              ? `  ${y}: wypełnione ${summary.total.filled[k]}/${summary.total.indicators}, błędy ${summary.total.errors[k]}, ostrzeżenia ${summary.total.warnings[k]}`
              : `  ${y}: filled ${summary.total.filled[k]}/${summary.total.indicators}, errors ${summary.total.errors[k]}, warnings ${summary.total.warnings[k]}`,
          ),
        );
        for (const n of own) lines.push(`  ${n.file}: ${n.reason[lang]}`);
        return lines;
      },
    };
  }
}
