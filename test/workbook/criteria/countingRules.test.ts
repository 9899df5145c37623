/**
 * The workbook's own formulas on the counting-rule boundary cases (test/fixtures/register/countingCases.ts):
 * the whole check workbook — the register with its derived formulas (person key, duplicate flag, age from the
 * age column, job start ≤ as-of, PESEL + 80) and the criteria sheet — recalculated by HyperFormula gives the
 * figures worked out by hand, shortfalls and pending included, and equals the engine row by row.
 * HyperFormula runs with `useColumnIndex` as the bench does (the index Excel and LibreOffice keep for exact
 * MATCH); one case also runs without it.
 */
import { HyperFormula } from "hyperformula";
import { evaluate } from "../../../src/domain/card/evaluate";
import { Card, Participant } from "../../../src/domain/card/types";
import { checkRegister } from "../../../src/domain/register/checks";
import { REGISTER_COLUMNS } from "../../../src/domain/register/columns";
import { participantToValues } from "../../../src/domain/register/toRow";
import { parseA1 } from "../../../src/workbook/address";
import { criteriaCellMap, MET, metWords } from "../../../src/workbook/criteria/plan";
import type { Lang } from "../../../src/domain/i18n";
import { buildCheckWorkbookPlan } from "../../../src/workbook/criteria/workbook";
import { CellValue, WorkbookPlan } from "../../../src/workbook/plan";
import { DERIVED_INDEX, DERIVED_KEYS, REGISTER_SHEET } from "../../../src/workbook/register/layout";
import { derivedValues } from "../../../src/workbook/register/derivedValues";
import { readRegisterSheet } from "../../../src/workbook/register/reader";
import { COUNTING_CASES, CountingCase } from "../../fixtures/register/countingCases";
import { planGrid } from "../summary/hfLoader";

function load(plan: WorkbookPlan, useColumnIndex: boolean): HyperFormula {
  const data: Record<string, CellValue[][]> = {};
  for (const s of plan.sheets)
    data[s.name] = planGrid(s).map((r) =>
      r.map((v) => (typeof v === "string" && !v.startsWith("=") ? `'${v}` : v)),
    );
  return HyperFormula.buildFromSheets(
    data as never,
    { licenseKey: "gpl-v3", useColumnIndex },
    plan.names.map((n) => ({ name: n.name, expression: n.refersTo })),
  );
}

function at(hf: HyperFormula, sheet: string, row: number, col: number): CellValue {
  const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  if (v !== null && typeof v === "object") return `#ERR ${(v as { value: string }).value}`;
  return v as CellValue;
}

interface Computed {
  hf: HyperFormula;
  card: Card;
  get(id: string, col: keyof ReturnType<typeof criteriaCellMap>["criteria"][string]): CellValue;
  rowStatus(i: number): CellValue;
}

/** Builds and recalculates the check workbook of a case; checks the derived columns against the engine. */
function recalc(c: CountingCase, rows?: CellValue[][], useColumnIndex = true, lang: Lang = "pl"): Computed {
  const W = metWords(lang);
  const inputs =
    rows ??
    c.participants.map((p: Participant, i) => {
      const v = participantToValues(p, i + 1);
      return REGISTER_COLUMNS.map((col) => v[col.key]);
    });
  const plan = buildCheckWorkbookPlan(c.card, {
    rows: inputs,
    asOf: c.asOf,
    capacity: inputs.length + 5,
    lang,
  });
  const hf = load(plan, useColumnIndex);
  const cells = {
    name: REGISTER_SHEET,
    top: 0,
    left: 0,
    values: planGrid(plan.sheets[1]).map((r) =>
      r.map((v) => (typeof v === "string" && v.startsWith("=") ? null : v)),
    ),
  };
  const { participants, issues } = checkRegister(readRegisterSheet(cells).rows, c.card.parameters);
  participants.forEach((p, i) => {
    const expected = derivedValues(p, c.card.parameters, c.asOf);
    for (const k of DERIVED_KEYS) {
      if (k === "rowStatus") continue;
      const ctx = `row ${i + 2} ${k}`;
      expect([ctx, at(hf, REGISTER_SHEET, i + 1, DERIVED_INDEX.get(k)!)]).toEqual([ctx, expected[k]]);
    }
  });
  // The engine on the same cells agrees with the sheet on every criterion.
  const e = evaluate(participants, c.card, c.asOf, issues);
  const map = criteriaCellMap(c.card);
  const get: Computed["get"] = (id, col) => {
    const { row, col: cc } = parseA1(map.criteria[id][col]);
    return at(hf, c.card.sheetName, row, cc);
  };
  for (const r of e.criteria) {
    expect([r.id, get(r.id, "numerator")]).toEqual([r.id, r.numerator]);
    if (r.denominator !== null) expect([r.id, get(r.id, "denominator")]).toEqual([r.id, r.denominator]);
    if (r.pending !== undefined) expect([r.id, get(r.id, "pending")]).toEqual([r.id, r.pending]);
    if (r.threshold !== null && r.kind !== "product") {
      expect([r.id, get(r.id, "met")]).toEqual([r.id, r.met === null ? W.na : r.met ? W.yes : W.no]);
      expect([r.id, get(r.id, "shortfall")]).toEqual([r.id, r.shortfall ?? ""]);
    }
  }
  const statusCol = DERIVED_INDEX.get("rowStatus")!;
  return { hf, card: c.card, get, rowStatus: (i) => at(hf, REGISTER_SHEET, i + 1, statusCol) };
}

describe.each(Object.keys(COUNTING_CASES))("sheet formulas: %s", (name) => {
  test("the figures worked out by hand, and the engine's, row by row", () => {
    const c = COUNTING_CASES[name]();
    const s = recalc(c);
    for (const [id, x] of Object.entries(c.criteria)) {
      if (x.numerator !== undefined) expect([id, s.get(id, "numerator")]).toEqual([id, x.numerator]);
      if (x.denominator !== undefined && x.denominator !== null)
        expect([id, s.get(id, "denominator")]).toEqual([id, x.denominator]);
      if (x.pending !== undefined) expect([id, s.get(id, "pending")]).toEqual([id, x.pending]);
      if (x.met !== undefined)
        expect([id, s.get(id, "met")]).toEqual([id, x.met === null ? MET.na : x.met ? MET.yes : MET.no]);
      if (x.shortfall !== undefined) expect([id, s.get(id, "shortfall")]).toEqual([id, x.shortfall ?? ""]);
    }
    s.hf.destroy();
  });
});

test("education as a level's words without (ISCED n): the sheet's formulas and the engine read the same level", () => {
  // The case with the most participants, so that every spelling below is on some row.
  const c = Object.values(COUNTING_CASES)
    .map((f) => f())
    .sort((a, b) => b.participants.length - a.participants.length)[0];
  expect(c.participants.length).toBeGreaterThanOrEqual(6);
  // "wyższe" (5) and "policealne" (4) are not low-qualified, "gimnazjalne" (2) is; "średnie" names no level.
  const words = ["wyższe", " Policealne ", "WYŻSZE", "gimnazjalne", "niższe niż podstawowe", "średnie"];
  const rows = c.participants.map((p: Participant, i) => {
    const v = participantToValues(p, i + 1);
    return REGISTER_COLUMNS.map((col) => (col.key === "education" ? words[i % words.length] : v[col.key]));
  });
  const s = recalc(c, rows); // every derived column (lowQualified among them) = the engine's, row by row
  const read = checkRegister(
    readRegisterSheet({
      name: REGISTER_SHEET,
      top: 0,
      left: 0,
      values: [REGISTER_COLUMNS.map((x) => x.header), ...rows],
    }).rows,
    c.card.parameters,
  );
  expect(read.participants.map((p) => p.isced)).toEqual(
    rows.map((_r, i) => [5, 4, 5, 2, 0, null][i % words.length]),
  );
  expect(read.issues.filter((i) => i.rule === "value.isced").map((i) => i.row)).toEqual(
    rows.flatMap((_r, i) => (i % words.length === 5 ? [i + 2] : [])),
  );
  const low = DERIVED_INDEX.get("lowQualified")!;
  expect(rows.map((_r, i) => at(s.hf, REGISTER_SHEET, i + 1, low))).toEqual(
    rows.map((_r, i) => [0, 0, 0, 1, 1, 0][i % words.length]),
  );
  s.hf.destroy();
});

describe("row status of the counting rules", () => {
  test("a repeated person names the first row; an unknown age, a future job and a PESEL + 80 are flagged", () => {
    const dup = recalc(COUNTING_CASES["one person, one count: a PESEL twice"]());
    expect(dup.rowStatus(49)).toBe("BŁĄD: ta sama osoba co w wierszu 50 — wiersz nie liczy się");
    expect(dup.rowStatus(48)).toBe("OK");
    dup.hf.destroy();
    const age = recalc(COUNTING_CASES["unknown age: in no age group and not other; the age column"]());
    expect(String(age.rowStatus(0))).toMatch(/^UWAGA: wiek nieznany/);
    expect(age.rowStatus(2)).toBe("OK"); // age from the age column
    age.hf.destroy();
    const job = recalc(COUNTING_CASES["job start after the as-of date"]());
    expect(String(job.rowStatus(0))).toMatch(/^UWAGA: zatrudnienie po dniu „stan na”/);
    expect(job.rowStatus(1)).toBe("OK");
    job.hf.destroy();
    const old = recalc(COUNTING_CASES["PESEL month + 80 (1800–1899)"]());
    expect(String(old.rowStatus(0))).toMatch(/^UWAGA: PESEL z lat 1800–1899/);
    old.hf.destroy();
  });

  test("in an English workbook: the row status in English (ERROR / WARNING), the met column YES / NO", () => {
    const dup = recalc(COUNTING_CASES["one person, one count: a PESEL twice"](), undefined, true, "en");
    expect(dup.rowStatus(49)).toBe("ERROR: the same person as in row 50 — this row does not count");
    expect(dup.rowStatus(48)).toBe("OK");
    dup.hf.destroy();
    const age = recalc(
      COUNTING_CASES["unknown age: in no age group and not other; the age column"](),
      undefined,
      true,
      "en",
    );
    expect(String(age.rowStatus(0))).toMatch(/^WARNING: age unknown/);
    age.hf.destroy();
  });

  test("a PESEL stored as a number matches the same PESEL as text; the same without a column index", () => {
    const c = COUNTING_CASES["one person, one count: a PESEL twice"]();
    const rows = c.participants.map((p, i) => {
      const v = participantToValues(p, i + 1);
      return REGISTER_COLUMNS.map((col) => v[col.key]);
    });
    const peselCol = REGISTER_COLUMNS.findIndex((col) => col.key === "pesel");
    rows[48][peselCol] = 80010112357; // a number cell; the repeat stays text
    const s = recalc(c, rows, false);
    expect(s.get("formal.minParticipants", "numerator")).toBe(49);
    expect(s.get("formal.ipd", "numerator")).toBe(49);
    s.hf.destroy();
  });
});
