import { Localized } from "../../domain/i18n";
import { Programme } from "../../domain/programme/types";
import { IndicatorRelation } from "../../domain/programme/relations";
import {
  Finding,
  IndicatorEntry,
  LayoutProblem,
  sortFindings,
  validateMonitoring,
} from "../../domain/validation";
import { SheetCells, WorkbookCells } from "../cells";
import {
  findMonitoringSheetsIn,
  looksLikeMonitoring,
  readMonitoring,
  statedYears,
  yearFromContent,
} from "./adapter";

export interface WorkbookValidationOptions {
  /** Validate this year's sheet only; default: every monitoring sheet in the workbook. */
  year?: number;
  /** Year-over-year factor (default 3). */
  yoyFactor?: number;
  /** The smallest year-over-year change reported (counts; a percentage's in points). Default 10. */
  yoyMinChange?: number;
  /** A count above this is a warning (default DEFAULT_MAX_COUNT, one million). */
  maxCount?: number;
  relations?: readonly IndicatorRelation[];
}

export interface ValidatedSheet {
  sheet: string;
  year: number | null;
  /** The previous year's sheet compared against, if any. */
  previous: string | null;
  /** Indicators found on the sheet. */
  indicators: number;
  /** A1 addresses of the value cells found (to re-validate when one of them is edited). */
  valueCells: string[];
}

export interface WorkbookValidation {
  /** Why nothing could be validated (no monitoring sheet, no sheet for the year); null when something was. */
  unreadable: Localized | null;
  sheets: ValidatedSheet[];
  findings: Finding[];
}

interface Candidate {
  cells: SheetCells;
  year: number | null;
  renamed: boolean;
}

/**
 * Finds the monitoring sheets of a workbook (by name, "Monitoring 2023"; or, for a renamed sheet, by its
 * content: a sheet the reader finds indicators on), reads each with the tolerant reader, finds the previous
 * year's sheet and runs the validation engine. Pure: reads nothing but `wb`, writes nothing.
 */
export function validateWorkbookCells(
  wb: WorkbookCells,
  programme: Programme,
  opts: WorkbookValidationOptions = {},
): WorkbookValidation {
  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  const candidates: Candidate[] = [];
  for (const { name, year } of findMonitoringSheetsIn(wb.sheets.map((s) => s.name))) {
    const cells = byName.get(name);
    if (cells) candidates.push({ cells, year, renamed: false });
  }
  const named = new Set(candidates.map((c) => c.cells.name));
  // A monitoring sheet someone renamed: not matched by name, but the reader finds indicators on it.
  const reads = new Map<string, ReturnType<typeof readMonitoring>>();
  for (const s of wb.sheets) {
    if (named.has(s.name) || !looksLikeMonitoring(s)) continue;
    const year = yearFromContent(s);
    const read = readMonitoring(s, programme, year);
    if (read.entries.length === 0) continue;
    reads.set(s.name, read);
    candidates.push({ cells: s, year, renamed: true });
  }

  if (candidates.length === 0)
    return {
      unreadable: {
        pl: "w skoroszycie nie ma arkusza monitoringu (oczekiwano arkusza „Monitoring RRRR” z kolumną „Kod miernika”)",
        en: 'the workbook has no monitoring sheet (expected a sheet "Monitoring YYYY" with a "Kod miernika" column)',
      },
      sheets: [],
      findings: [],
    };

  let targets = candidates;
  if (opts.year !== undefined) {
    targets = candidates.filter((c) => c.year === opts.year);
    if (targets.length === 0) {
      const have = candidates.map((c) => `„${c.cells.name}”`).join(", ");
      return {
        unreadable: {
          pl: `brak arkusza monitoringu za rok ${opts.year} (są: ${have})`,
          en: `no monitoring sheet for ${opts.year} (found: ${have.replace(/[„”]/g, '"')})`,
        },
        sheets: [],
        findings: [],
      };
    }
  }

  const findings: Finding[] = [];
  const sheets: ValidatedSheet[] = [];
  const readOf = (c: Candidate) => reads.get(c.cells.name) ?? readMonitoring(c.cells, programme, c.year);
  for (const target of targets) {
    const read = readOf(target);
    const prevCandidate =
      target.year === null
        ? undefined
        : (candidates.find((c) => c.year === target.year! - 1 && !c.renamed) ??
          candidates.find((c) => c.year === target.year! - 1));
    const previous = prevCandidate
      ? { sheet: prevCandidate.cells.name, entries: readOf(prevCandidate).entries }
      : undefined;
    const problems: LayoutProblem[] = [...read.problems];
    if (target.renamed) {
      // A copy ("Monitoring 2023 (2)") cannot take the name of the sheet it was copied from.
      const taken =
        target.year === null
          ? null
          : (candidates.find((c) => !c.renamed && c.year === target.year)?.cells.name ?? null);
      problems.push(renamedProblem(target.cells.name, target.year, taken));
    }
    if (target.year !== null && !inProgramme(programme, target.year))
      problems.push(outsideProgrammeProblem(programme, target.cells.name, target.year));
    if (target.year !== null) {
      const other = statedYears(target.cells, read.headerRow, read.valueColumn).filter(
        (s) => s.year !== target.year,
      );
      if (other.length > 0) problems.push(otherYearProblem(target.cells.name, target.year, other));
    }
    findings.push(
      ...validateMonitoring({
        programme,
        sheet: target.cells.name,
        entries: read.entries,
        problems,
        previous,
        options: {
          yoyFactor: opts.yoyFactor,
          yoyMinChange: opts.yoyMinChange,
          maxCount: opts.maxCount,
          relations: opts.relations,
        },
      }),
    );
    sheets.push({
      sheet: target.cells.name,
      year: target.year,
      previous: prevCandidate?.cells.name ?? null,
      indicators: new Set(read.entries.map((e: IndicatorEntry) => e.indicatorId)).size,
      valueCells: read.entries.map((e: IndicatorEntry) => e.address),
    });
  }
  return { unreadable: null, sheets, findings: sortFindings(findings) };
}

/** Whether a year is one of the programme's (a sheet "Monitoring 2030" is not). */
export function inProgramme(programme: Programme, year: number): boolean {
  return year >= programme.firstYear && year <= programme.lastYear;
}

/**
 * A sheet whose year (from its name, or the title of a renamed sheet) is outside the programme: its values are
 * still checked, but no table of the programme exists for that year (a slip in the name, "2030" for "2023").
 */
function outsideProgrammeProblem(programme: Programme, name: string, year: number): LayoutProblem {
  const span = `${programme.firstYear}–${programme.lastYear}`;
  return {
    kind: "year-outside-programme",
    sheet: name,
    cell: null,
    severity: "warning",
    message: {
      pl:
        `arkusz „${name}”: rok ${year} jest poza okresem programu (${span}); wartości sprawdzono, ale ` +
        `podsumowanie lat go pomija — popraw rok w nazwie arkusza („Monitoring RRRR”, rok od ${programme.firstYear} do ${programme.lastYear})`,
      en:
        `sheet "${name}": ${year} is outside the programme (${span}); the values were checked, but the ` +
        `summary of years leaves it out — correct the year in the sheet's name ("Monitoring YYYY", a year from ${programme.firstYear} to ${programme.lastYear})`,
    },
  };
}

/**
 * The title, note or value header names another year than the sheet is for: a copy of last year's sheet
 * renamed for this year ("Monitoring 2023" copied, renamed "Monitoring 2024") prints "za rok 2023".
 */
function otherYearProblem(
  name: string,
  year: number,
  cells: { cell: string; text: string; year: number }[],
): LayoutProblem {
  const list = cells.map((c) => c.cell).join(", ");
  const years = [...new Set(cells.map((c) => c.year))].join(", ");
  return {
    kind: "year-mismatch",
    sheet: name,
    cell: cells[0].cell,
    severity: "warning",
    value: cells[0].text,
    message: {
      pl:
        `arkusz „${name}”, ${cells.length > 1 ? "komórki" : "komórka"} ${list}: tytuł lub nagłówek mówi o roku ${years}, a arkusz jest za rok ${year} ` +
        `(skopiowany arkusz innego roku?); popraw rok w ${cells.length > 1 ? "tych komórkach" : "tej komórce"} albo utwórz arkusz ponownie z dodatku (wpisane wartości zostaną zachowane)`,
      en:
        `sheet "${name}", ${cells.length > 1 ? "cells" : "cell"} ${list}: the title or header names ${years}, but the sheet is for ${year} ` +
        `(a copy of another year's sheet?); correct the year there or lay the sheet out again from the add-in (typed values are kept)`,
    },
  };
}

function renamedProblem(name: string, year: number | null, taken: string | null): LayoutProblem {
  const expected = year === null ? "Monitoring RRRR" : `Monitoring ${year}`;
  const expectedEn = year === null ? "Monitoring YYYY" : `Monitoring ${year}`;
  if (taken !== null)
    return {
      kind: "sheet-renamed",
      sheet: name,
      cell: null,
      severity: "warning",
      message: {
        pl:
          `arkusz „${name}” wygląda na kopię arkusza monitoringu za rok ${year}, a arkusz „${taken}” już jest w skoroszycie; ` +
          `jeśli to arkusz innego roku, nazwij go „Monitoring RRRR” z tym rokiem (i popraw rok w tytule i nagłówku), a zbędną kopię usuń`,
        en:
          `sheet "${name}" looks like a copy of the monitoring sheet for ${year}, and sheet "${taken}" is already in the workbook; ` +
          `if it is another year's sheet, name it "Monitoring YYYY" with that year (and correct the year in the title and header), else delete the copy`,
      },
    };
  return {
    kind: "sheet-renamed",
    sheet: name,
    cell: null,
    severity: "warning",
    message: {
      pl:
        `arkusz „${name}” wygląda na arkusz monitoringu, ale ma inną nazwę niż „${expected}”` +
        (year === null ? " i nie wiadomo, którego roku dotyczy" : "") +
        `; zmień nazwę na „${expected}”, aby dodatek i porównanie rok do roku go znalazły`,
      en:
        `sheet "${name}" looks like a monitoring sheet but is not named "${expectedEn}"` +
        (year === null ? " and its year is unknown" : "") +
        `; rename it "${expectedEn}" so the add-in and the year-over-year check find it`,
    },
  };
}
