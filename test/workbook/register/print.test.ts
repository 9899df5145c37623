/**
 * The register's print set-up in the plan (both renderers draw it; test/hosts/register.test.ts compares the
 * Office.js side, test/print/ what LibreOffice prints): A4 landscape, one page wide, the header row repeated
 * and tall enough for its wrapped headers, the header frozen, the printed columns Lp. … Data zakończenia
 * udziału narrow enough to print at a readable scale; the derived columns outside the print area.
 */
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { REGISTER_COLUMNS } from "../../../src/domain/register/columns";
import { columnLetters, parseRange } from "../../../src/workbook/address";
import { fittedLines, fittedRowHeight } from "../../../src/workbook/textFit";
import { CellValue } from "../../../src/workbook/plan";
import { DERIVED_INDEX } from "../../../src/workbook/register/layout";
import {
  buildRegisterSheetPlan,
  registerHeaders,
  REGISTER_PRINTED,
} from "../../../src/workbook/register/plan";

const card = builtinCard(DEFAULT_CARD_ID) as Card;

describe("register print set-up", () => {
  const rows = Array.from({ length: 40 }, (_x, i) =>
    REGISTER_COLUMNS.map((_c, j) => (j === 0 ? i + 1 : null)),
  );
  const plan = buildRegisterSheetPlan(card, { rows });

  test("A4 landscape, one page wide, down only, header row repeated, header frozen", () => {
    expect(plan.print).toMatchObject({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: "$1:$1",
    });
    expect(plan.print!.printTitleColumns).toBeUndefined();
    expect(plan.print!.scale).toBeUndefined();
    expect(plan.freeze).toEqual({ rows: 1, columns: 3 });
  });

  test("the print area: the first input columns through Data zakończenia, every data row and spare row; no derived column", () => {
    expect(REGISTER_PRINTED.slice(0, 4)).toEqual(["lp", "firstName", "lastName", "pesel"]);
    expect(REGISTER_PRINTED[REGISTER_PRINTED.length - 1]).toBe("endDate");
    const area = parseRange(plan.print!.printArea!.replace(/\$/g, ""));
    // Through the last spare row (where the dictionaries' validations end): people typed in there print too.
    const spareEnd = Math.max(
      ...plan.validations.map((v) => parseRange(v.range).row + parseRange(v.range).rows),
    );
    expect(spareEnd).toBeGreaterThan(rows.length + 1);
    expect(area).toMatchObject({ row: 0, col: 0, rows: spareEnd, cols: REGISTER_PRINTED.length });
    const few = buildRegisterSheetPlan(card, { rows: rows.slice(0, 2), spareRows: 10 });
    expect(few.print!.printArea).toBe(`$A$1:$${columnLetters(REGISTER_PRINTED.length - 1)}$${2 + 1 + 10}`);
    for (const c of DERIVED_INDEX.values()) expect(c).toBeGreaterThanOrEqual(area.col + area.cols);
    // The printed columns are REGISTER_COLUMNS' first ones (a print area is one block).
    expect(REGISTER_COLUMNS.slice(0, REGISTER_PRINTED.length).map((c) => c.key)).toEqual(REGISTER_PRINTED);
  });

  test("fitting the printed columns to A4 landscape keeps the text at 60 % or more (6.6 pt)", () => {
    const m = plan.print!.margins!;
    const printable = (11.69 - m.left - m.right) * 72;
    const widthPt = plan.columns
      .slice(0, REGISTER_PRINTED.length)
      .reduce((a, c) => a + (Math.round(c.width * 7) + 5) * 0.75, 0);
    expect(printable / widthPt).toBeGreaterThanOrEqual(0.6);
    // PESEL's 11 digits and a date fit their columns.
    expect(plan.columns[REGISTER_PRINTED.indexOf("pesel")].width).toBeGreaterThanOrEqual(12);
    expect(plan.columns[REGISTER_PRINTED.indexOf("startDate")].width).toBeGreaterThanOrEqual(10);
  });

  test("the header row is tall enough for every wrapped header, in both languages, and fits its content", () => {
    for (const lang of ["pl", "en"] as const) {
      const p = buildRegisterSheetPlan(card, { rows, lang });
      const header = p.rows!.find((r) => r.index === 0)!;
      expect(header.fit).toBe(true);
      registerHeaders(lang).forEach((text, j) =>
        expect({
          text,
          fits: fittedRowHeight(fittedLines(text, p.columns[j].width, true)) <= header.height!,
        }).toEqual({
          text,
          fits: true,
        }),
      );
    }
  });

  test("the printed columns wrap, top-aligned, through the spare rows; rows as tall as their longest value", () => {
    const longest = (key: string) =>
      [...(REGISTER_COLUMNS.find((c) => c.key === key)!.allowed ?? [])].sort(
        (a, b) => b.length - a.length,
      )[0];
    const row = (over: Record<string, CellValue>): CellValue[] =>
      REGISTER_COLUMNS.map((c, j) => (c.key in over ? over[c.key] : j === 0 ? 1 : null));
    const data = [
      row({ firstName: "Jan", lastName: "Nowak", sex: "Kobieta", disabled: "Nie" }),
      row({ status: longest("status"), subStatus: longest("subStatus"), education: longest("education") }),
      row({ lastName: "Szczepańska-Grzegorzewska", firstName: "Aleksandra Katarzyna" }),
    ];
    const p = buildRegisterSheetPlan(card, { rows: data, spareRows: 50 });
    const last = REGISTER_COLUMNS[REGISTER_PRINTED.length - 1];
    const lastLetter = String.fromCharCode(65 + REGISTER_PRINTED.length - 1);
    expect(last.key).toBe("endDate");
    expect(p.formats).toContainEqual({
      range: `A2:${lastLetter}${data.length + 1 + 50}`,
      style: { wrap: true, vAlign: "top" },
    });
    const height = (i: number) => p.rows!.find((r) => r.index === i + 1);
    // A row of short values keeps the default height (no row plan); long ones get their lines' height, fitted.
    expect(height(0)).toBeUndefined();
    const status = REGISTER_PRINTED.indexOf("status");
    const lines = fittedLines(longest("status"), p.columns[status].width);
    expect(lines).toBeGreaterThanOrEqual(3);
    expect(height(1)).toEqual({ index: 2, height: fittedRowHeight(lines), fit: true });
    expect(height(2)).toEqual({ index: 3, height: fittedRowHeight(2), fit: true });
  });
});

describe("register in English", () => {
  test("the row status and its colours in English; the Polish plan keeps BŁĄD / UWAGA", () => {
    const en = buildRegisterSheetPlan(card, { lang: "en" });
    const pl = buildRegisterSheetPlan(card, {});
    const status = (p: typeof en) => p.columnFormulas![p.columnFormulas!.length - 1].template;
    expect(status(en)).toContain('"ERROR: no start date"');
    expect(status(en)).not.toMatch(/BŁĄD|UWAGA|wiersz|data rozpoczęcia/); // (the status values compared are PEFS data)
    expect(en.conditionalFormats.map((c) => c.formula)).toEqual([
      expect.stringContaining('="ERROR"'),
      expect.stringContaining('="WARNING"'),
    ]);
    expect(status(pl)).toContain('"BŁĄD: brak daty rozpoczęcia"');
    expect(pl.conditionalFormats.map((c) => c.formula)).toEqual([
      expect.stringContaining('="BŁĄD"'),
      expect.stringContaining('="UWAGA"'),
    ]);
  });
});
