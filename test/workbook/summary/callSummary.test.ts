import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { isoToSerial } from "../../../src/domain/dates";
import { CallSummaryBuilder, projectCriteria } from "../../../src/domain/summary/callSummary";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { writeXlsx } from "../../../src/hosts/xlsx/render";
import { a1 } from "../../../src/workbook/address";
import { cellAt, SheetCells, WorkbookCells } from "../../../src/workbook/cells";
import { emptySheet } from "../../../src/workbook/plan";
import {
  buildCallSummaryPlan,
  CALL_SUMMARY_SHEET,
  PROJECT_COLUMNS,
} from "../../../src/workbook/summary/callSummary";
import { unbrokenWidth } from "../../../src/workbook/textFit";
import { findApplicant, readInputFile, readProject, ZERO_BYTES } from "../../../src/workbook/summary/inputs";
import { csvBytes, participants, registerRows } from "../../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = isoToSerial("2025-06-30") as number;

async function xlsxOf(sheets: { name: string; rows: (string | number | null)[][] }[]): Promise<Uint8Array> {
  return writeXlsx({
    sheets: sheets.map((s) => ({ ...emptySheet(s.name), blocks: [{ row: 0, col: 0, values: s.rows }] })),
    names: [],
  });
}

function planCells(sheet: ReturnType<typeof buildCallSummaryPlan>["sheet"]): SheetCells {
  const values: (string | number | boolean | null)[][] = [];
  for (const b of sheet.blocks)
    b.values.forEach((r, i) =>
      r.forEach((v, j) => {
        while (values.length <= b.row + i) values.push([]);
        values[b.row + i][b.col + j] = v;
      }),
    );
  return { name: sheet.name, top: 0, left: 0, values: values.map((r) => Array.from(r, (v) => v ?? null)) };
}

describe("input files", () => {
  test("a CSV register reads back to the generated participants, applicant from the labelled cell", async () => {
    const ps = participants(40, 7, 300);
    const read = await readInputFile("p.csv", csvBytes(ps, "Fundacja Rozwoju"), readXlsx);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const pr = readProject(read.cells, card);
    expect(pr.ok).toBe(true);
    if (!pr.ok) return;
    expect(pr.project.applicant).toBe("Fundacja Rozwoju");
    expect(pr.project.participants).toHaveLength(40);
    expect(pr.project.participants.map((p) => p.pesel)).toEqual(ps.map((p) => p.pesel));
    expect(pr.project.participants.map((p) => p.status)).toEqual(ps.map((p) => p.status));
    expect(pr.project.participants.map((p) => p.endDate)).toEqual(ps.map((p) => p.endDate));
  });

  test("an .xlsx register with the applicant on another sheet; the override wins", async () => {
    const ps = participants(5, 8);
    const bytes = await xlsxOf([
      { name: "Wniosek", rows: [["Nazwa wnioskodawcy"], ["Gmina Lublin"]] },
      { name: "Uczestnicy", rows: registerRows(ps) as (string | number | null)[][] },
    ]);
    const read = await readInputFile("w.xlsx", bytes, readXlsx);
    if (!read.ok) throw new Error(read.reason.en);
    const pr = readProject(read.cells, card);
    if (!pr.ok) throw new Error(pr.reason.en);
    expect(pr.project.applicant).toBe("Gmina Lublin");
    expect(pr.project.participants).toHaveLength(5);
    const over = readProject(read.cells, card, "Inny");
    expect(over.ok && over.project.applicant).toBe("Inny");
  });

  test("findApplicant: label then value to the right or below; none → null; a header column is not taken", () => {
    const wb = (values: (string | number | null)[][]): WorkbookCells => ({
      sheets: [{ name: "S", top: 0, left: 0, values }],
    });
    expect(findApplicant(wb([["Wnioskodawca:", null, " ABC sp. z o.o. "]]))).toBe("ABC sp. z o.o.");
    expect(findApplicant(wb([["WNIOSKODAWCA"], ["Beta"]]))).toBe("Beta");
    expect(
      findApplicant(
        wb([
          ["Lp.", "Imię", "Wnioskodawca", "PESEL"],
          [1, "Jan", "X", "1"],
        ]),
      ),
    ).toBeNull();
    expect(findApplicant(wb([["Nazwa"], ["Beta"]]))).toBeNull();
  });

  test("an empty file, a corrupt file, an empty workbook and a workbook with no register each give a reason", async () => {
    const empty = await readInputFile("e.xlsx", new Uint8Array(0), readXlsx);
    // The reason says what to do, not only what is wrong.
    expect(empty).toEqual({ ok: false, reason: ZERO_BYTES });
    expect(ZERO_BYTES.pl).toMatch(
      /^pusty plik \(0 bajtów\): .* — zapisz go ponownie albo poproś o plik jeszcze raz/,
    );
    const emptyCsv = await readInputFile("e.csv", new TextEncoder().encode("\r\n;;\r\n"), readXlsx);
    expect(emptyCsv.ok).toBe(false);
    expect(!emptyCsv.ok && emptyCsv.reason.pl).toMatch(/pusty plik/);
    const corrupt = await readInputFile(
      "c.xlsx",
      new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]),
      readXlsx,
    );
    expect(corrupt.ok).toBe(false);
    expect(!corrupt.ok && corrupt.reason.pl).toMatch(/uszkodzony/);
    const notZip = await readInputFile("n.xlsx", new TextEncoder().encode("hello"), readXlsx);
    expect(!notZip.ok && notZip.reason.pl).toMatch(/to nie jest plik \.xlsx/);
    const blank = await readInputFile("b.xlsx", await xlsxOf([{ name: "Arkusz1", rows: [] }]), readXlsx);
    expect(!blank.ok && blank.reason.pl).toMatch(/pusty plik/);
    const other = await readInputFile(
      "o.xlsx",
      await xlsxOf([{ name: "Budżet", rows: [["Koszt", 100]] }]),
      readXlsx,
    );
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    const pr = readProject(other.cells, card);
    expect(pr.ok).toBe(false);
    expect(!pr.ok && pr.reason.pl).toMatch(/Uczestnicy/);
    const pdf = await readInputFile("x.pdf", new TextEncoder().encode("a"), readXlsx);
    expect(!pdf.ok && pdf.reason.en).toMatch(/unsupported file type/);
    // A .txt is delimited text (Excel's "Unicode text"): read as a CSV would be.
    const txt = await readInputFile("x.txt", new TextEncoder().encode("Imię\tPESEL\nAnna\t1"), readXlsx);
    expect(txt.ok && txt.cells.sheets[0].values[1]).toEqual(["Anna", "1"]);
  });
});

describe("Podsumowanie naboru plan", () => {
  const b = new CallSummaryBuilder(card, AS_OF);
  const gens = [
    { file: "a.csv", applicant: "A", ps: participants(60, 1, 0) },
    { file: "b.xlsx", applicant: "a", ps: participants(30, 2, 55) },
    { file: "c.csv", applicant: "A ", ps: participants(0, 3) },
    { file: "d.csv", applicant: null, ps: participants(12, 4) },
  ];
  for (const g of gens) b.addProject(g.file, g.applicant, g.ps);
  b.addProblem("zepsuty.xlsx", { pl: "uszkodzony plik", en: "damaged file" });
  const s = b.finish();
  const { sheet, layout } = buildCallSummaryPlan(s, card, { builtAt: new Date(2026, 10, 5, 14, 3) });
  const cells = planCells(sheet);

  test("one row per project with file, applicant, counts, each criterion's share and met", () => {
    expect(sheet.name).toBe(CALL_SUMMARY_SHEET);
    s.projects.forEach((p, i) => {
      const r = layout.firstProjectRow + i;
      expect(cellAt(cells, r, PROJECT_COLUMNS.file)).toBe(p.file);
      expect(cellAt(cells, r, PROJECT_COLUMNS.participants)).toBe(gens[i].ps.length);
      expect(cellAt(cells, r, PROJECT_COLUMNS.applicantFiles)).toBe(i === 3 ? "—" : 3);
      for (const c of p.criteria) {
        const col = layout.criterionColumns[c.id];
        const expected = c.denominator === null ? c.numerator : (c.share ?? "—");
        expect([c.id, cellAt(cells, r, col)]).toEqual([c.id, expected]);
        const second = cellAt(cells, r, col + 1);
        if (c.kind === "premium") expect(second).toBe(c.points ?? "—");
        else expect(second).toBe(c.met === null ? "nie dotyczy" : c.met ? "TAK" : "NIE");
      }
      expect(cellAt(cells, r, layout.premiumPointsColumn)).toBe(p.premiumPoints);
    });
    expect(Object.keys(layout.criterionColumns)).toEqual(projectCriteria(card).map((c) => c.id));
    // PESELs 55…59 are in a.csv and b.xlsx.
    expect(cellAt(cells, layout.firstProjectRow, PROJECT_COLUMNS.sharedPesels)).toBe(5);
    expect(cellAt(cells, layout.firstProjectRow + 3, PROJECT_COLUMNS.sharedPesels)).toBe(0);
  });

  test("totals against the call's targets, flags and the problem list are on the sheet", () => {
    const b1 = s.totals.find((t) => t.id === "product.B1")!;
    expect(cellAt(cells, layout.productHeaderRow + 2, 0)).toBe("B1");
    expect(cellAt(cells, layout.productHeaderRow + 2, 3)).toBe(b1.numerator);
    expect(cellAt(cells, layout.productHeaderRow + 2, 6)).toBe(1875);
    expect(cellAt(cells, layout.productHeaderRow + 2, 7)).toBeCloseTo(b1.numerator / 1875, 12);
    const a1r = s.totals.find((t) => t.id === "result.A1")!;
    expect(cellAt(cells, layout.resultHeaderRow + 2, 0)).toBe("A1");
    expect(cellAt(cells, layout.resultHeaderRow + 2, 3)).toBe(a1r.numerator);
    expect(cellAt(cells, layout.resultHeaderRow + 2, 4)).toBe(a1r.denominator);
    const flagText = cells.values
      .slice(layout.flagsRow, layout.problemsRow)
      .flat()
      .filter((v) => typeof v === "string")
      .join(" | ");
    expect(flagText).toMatch(/Wnioskodawca: A — 3 wnioski \(limit karty: 2\): a\.csv, b\.xlsx, c\.csv/);
    expect(s.sharedPesels).toHaveLength(5);
    // One flag per set of projects, not one per person.
    expect(
      flagText.match(/PESEL w 2 projektach: a\.csv, b\.xlsx — 5 osób: (\d{11}, ){4}\d{11}( \||$)/g),
    ).toHaveLength(1);
    expect(cellAt(cells, layout.problemsRow + 1, 1)).toBe("zepsuty.xlsx");
    expect(cellAt(cells, layout.problemsRow + 1, 2)).toBe("uszkodzony plik");
    expect(String(cellAt(cells, 1, 0))).toContain("05.11.2026 14:03"); // Polish dates: dd.mm.rrrr
  });

  test('a project without an applicant ("—"): one note on the flags page, why and how to give it', () => {
    const notes = (c: SheetCells) =>
      c.values
        .slice(layout.flagsRow + 1, layout.problemsRow)
        .map((r) => r[0])
        .filter((v): v is string => typeof v === "string" && v.includes("—”: nie znaleziono"));
    expect(cellAt(cells, layout.firstProjectRow + 3, PROJECT_COLUMNS.applicant)).toBe("—");
    expect(notes(cells)).toEqual([
      "Wnioskodawca „—”: nie znaleziono go w pliku d.csv. Podaj go: wpisz nazwę w komórce obok " +
        "„Wnioskodawca:” (C2 arkusza „Kryteria 9.1”) lub w wierszu „Wnioskodawca: Nazwa” nad nagłówkiem rejestru.",
    ]);
    // Many: one note listing the files (the first 20, the rest counted), not one a row; the caller's hint.
    const many = new CallSummaryBuilder(card, AS_OF);
    for (let i = 1; i <= 23; i++) many.addProject(`p${i}.csv`, null, participants(2, i));
    const built = buildCallSummaryPlan(many.finish(), card, { applicantHint: { pl: "tak", en: "so" } });
    const c = planCells(built.sheet);
    const flags = c.values
      .slice(built.layout.flagsRow + 1, built.layout.problemsRow)
      .map((r) => r[0])
      .filter((v): v is string => typeof v === "string" && v !== "");
    const files = Array.from({ length: 20 }, (_, i) => `p${i + 1}.csv`).join(", ");
    expect(flags).toEqual([
      `Wnioskodawca „—”: nie znaleziono go w plikach ${files} i jeszcze 3. Podaj go: tak.`,
    ]);
    const en = planCells(buildCallSummaryPlan(many.finish(), card, { lang: "en" }).sheet).values.flat();
    expect(en.filter((v) => typeof v === "string" && v.startsWith('Applicant "—"'))).toEqual([
      `Applicant "—": not found in the files ${files} and 3 more. To give it: type the name next to ` +
        '"Applicant:" (C2 of the sheet "Kryteria 9.1") or in a row "Applicant: Name" above the register\'s header.',
    ]);
  });

  test("the files left out print whole: the path wrapped in B, the reason over C:H, the row tall enough", () => {
    const long = new CallSummaryBuilder(card, AS_OF);
    long.addProject("a.csv", "A", participants(3, 1));
    const file = "nabór 2025/Oś 9/wnioski złożone po terminie/uszkodzony projekt Świdnik.xlsx";
    const reason =
      "uszkodzony plik .xlsx (brak spisu archiwum zip: plik jest ucięty) — otwórz go w Excelu i zapisz ponownie";
    long.addProblem(file, { pl: reason, en: reason });
    const built = buildCallSummaryPlan(long.finish(), card);
    const r = built.layout.problemsRow + 1;
    const c = planCells(built.sheet);
    expect(cellAt(c, r, 1)).toBe(file);
    expect(cellAt(c, r, 2)).toBe(reason);
    expect(built.sheet.merges).toContain(`C${r + 1}:H${r + 1}`);
    const style = built.sheet.formats.find((f) => f.range === `B${r + 1}:H${r + 1}`)?.style;
    expect(style).toMatchObject({ wrap: true, vAlign: "top" });
    // The path wraps to 3 lines in B (24 wide): the row is as tall as that, not one line.
    expect(built.sheet.rows!.find((x) => x.index === r)!.height).toBeGreaterThanOrEqual(3 * 14.5);
  });

  test("shared PESELs: one flag per set of projects; past 40 numbers the rest is counted, the row stays printable", () => {
    const b2 = new CallSummaryBuilder(card, AS_OF);
    const ps = participants(45, 21, 1000);
    b2.addProject("projekt.csv", "A", ps);
    b2.addProject("projekt.xlsx", "A", ps); // the same register saved twice
    b2.addProject("inny.csv", "B", [ps[0], ...participants(5, 22, 3000)]);
    const built = buildCallSummaryPlan(b2.finish(), card);
    const c = planCells(built.sheet);
    const flags = c.values
      .slice(built.layout.flagsRow + 1, built.layout.problemsRow)
      .map((r) => r[0])
      .filter((v): v is string => typeof v === "string");
    expect(flags).toHaveLength(2);
    expect(flags[0]).toBe(
      `PESEL w 3 projektach: projekt.csv, projekt.xlsx, inny.csv — 1 osoba: ${ps[0].pesel}`,
    );
    expect(flags[1]).toMatch(
      /^PESEL w 2 projektach: projekt\.csv, projekt\.xlsx — 44 osoby: (\d{11}, ){39}\d{11} i jeszcze 4$/,
    );
    const heights = (built.sheet.rows ?? []).filter(
      (r) => r.index > built.layout.flagsRow && r.index < built.layout.problemsRow,
    );
    for (const h of heights) expect(h.height).toBeLessThanOrEqual(409); // Excel's largest row height
  });

  test("the heading line: counts in Polish number format, no hand-made plural endings", () => {
    const text = String(
      planCells(buildCallSummaryPlan({ ...s, participants: 12345 }, card).sheet).values[1][0],
    );
    expect(text).toMatch(/plików projektów: 4, uczestników: 12\s345;/u);
    const one = buildCallSummaryPlan({ ...s, projects: s.projects.slice(0, 1), participants: 1 }, card);
    expect(String(planCells(one.sheet).values[1][0])).toMatch(/plików projektów: 1, uczestników: 1;/);
    expect(String(planCells(one.sheet).values[2][0])).toMatch(
      /^Pliki pominięte: 1 · wnioskodawcy ponad limit wniosków \(2\): 1 · /,
    );
  });

  test("print-ready: A4 landscape in blocks of one page width, the project header repeated; merges do not overlap", () => {
    // Manual breaks (Excel ignores them under "fit to pages"): a fixed scale, Lp./file/applicant repeated,
    // a page per criterion kind, the totals and the charts on pages of their own.
    expect(sheet.print).toMatchObject({ orientation: "landscape", paperSize: "A4", scale: 62 });
    expect(sheet.print!.printTitleColumns).toBe("$A:$C");
    expect(sheet.print!.colBreaks).toEqual([
      8,
      layout.criterionColumns["effectiveness.age50plus"],
      layout.criterionColumns["premium.whiteGreenEconomy"],
    ]);
    expect(sheet.print!.rowBreaks).toEqual([layout.chartsRow, layout.flagsRow, layout.projectHeaderRow]);
    expect(sheet.charts!.map((c) => c.type)).toEqual(["columnClustered", "columnClustered"]);
    expect(sheet.print!.printTitleRows).toBe(
      `$${layout.projectHeaderRow + 2}:$${layout.projectHeaderRow + 4}`,
    );
    const seen = new Set<string>();
    for (const m of sheet.merges) {
      const [from, to] = m.split(":");
      const f = /^([A-Z]+)(\d+)$/.exec(from)!;
      const t = /^([A-Z]+)(\d+)$/.exec(to)!;
      const col = (s2: string) => [...s2].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      for (let r = Number(f[2]) - 1; r <= Number(t[2]) - 1; r++)
        for (let c = col(f[1]); c <= col(t[1]); c++) {
          const k = a1(r, c);
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }
    }
  });

  test("the flags and the files left out print once: a page of their own before the table, within A–H", () => {
    // The table prints in blocks of columns with A–C repeated; rows that held text in A–C below the table
    // printed again with every block. Before the table's header rows, those are not repeated over them.
    const breaks = sheet.print!.rowBreaks!;
    expect(breaks).toContain(layout.flagsRow);
    expect(layout.problemsRow).toBeGreaterThan(layout.flagsRow);
    expect(layout.projectHeaderRow).toBeGreaterThan(layout.problemsRow + 1);
    expect(breaks).toContain(layout.projectHeaderRow);
    expect(breaks.filter((r) => r > layout.flagsRow && r < layout.projectHeaderRow)).toEqual([]);
    const [, top] = /^\$(\d+):/.exec(sheet.print!.printTitleRows!)!;
    expect(Number(top) - 1).toBeGreaterThan(layout.problemsRow);
    // Nothing right of column H in those rows, so the criteria blocks' pages have nothing of them.
    for (let r = layout.flagsRow; r < layout.projectHeaderRow; r++)
      (cells.values[r] ?? []).forEach((v, c) => {
        if (v !== null) expect({ r, c, right: c >= 8 }).toEqual({ r, c, right: false });
      });
    expect(cellAt(cells, layout.problemsRow + 1, 1)).toBe("zepsuty.xlsx");
    // Each flag over the page's width (A–H), not squeezed into the repeated A–C.
    expect(sheet.merges).toContain(`A${layout.flagsRow + 2}:H${layout.flagsRow + 2}`);
  });

  test("the totals' headers keep their words whole in bold: the columns as wide as their longest word", () => {
    const heads = cells.values[layout.projectHeaderRow + 1];
    for (const c of [layout.premiumPointsColumn, layout.requiredMetColumn]) {
      const head = String(heads[c]);
      expect({ head, width: sheet.columns[c].width >= unbrokenWidth(head, true) }).toEqual({
        head,
        width: true,
      });
    }
    expect(String(heads[layout.requiredMetColumn])).toBe("Kryteria obowiązkowe spełnione");
  });

  test("the charts from the top of their page, their data below them; long file names shortened in the chart", () => {
    const charts = sheet.charts!;
    const row = (ref: string) => Number(/\d+$/.exec(ref)![0]) - 1;
    expect(charts.map((c) => row(c.from))).toEqual([layout.chartsRow! + 1, layout.chartsRow! + 18]);
    expect(cellAt(cells, layout.chartsRow!, 0)).toBe("Wykresy");
    expect(row(charts[1].to)).toBeLessThan(layout.chartDataRow!);
    // Both charts above the data they draw: a long project list grows downwards, never pushing a chart across a page.
    for (const c of charts) expect(row(c.dataRange.split(":")[0])).toBe(layout.chartDataRow! + 1);
    expect(sheet.print!.rowBreaks![0]).toBe(layout.chartsRow);
    expect(cellAt(cells, layout.chartDataRow!, 0)).toBe("Dane wykresów");
    expect(cellAt(cells, layout.chartDataRow! + 2, 1)).toBe("1. a");
    const long = new CallSummaryBuilder(card, AS_OF);
    long.addProject(
      "wnioski/projekt-07-aktywizacja-zawodowa-osób-bezrobotnych.xlsx",
      "A",
      participants(3, 9),
    );
    long.addProject("projekt-08.csv", "A", participants(3, 10));
    const lp = buildCallSummaryPlan(long.finish(), card);
    const lc = planCells(lp.sheet);
    const first = String(cellAt(lc, lp.layout.chartDataRow! + 2, 1));
    expect(first).toMatch(/^1\. projekt-07-aktywizacja.*…$/);
    expect(first.length).toBeLessThanOrEqual(26);
    expect(cellAt(lc, lp.layout.chartDataRow! + 3, 1)).toBe("2. projekt-08");
    // Dozens of projects: a taller chart of them (its slanted names take a fixed share), still above the data.
    const many = new CallSummaryBuilder(card, AS_OF);
    for (let i = 0; i < 30; i++) many.addProject(`p${i}.csv`, "A", participants(2, 20 + i));
    const mp = buildCallSummaryPlan(many.finish(), card);
    const [tall, second] = mp.sheet.charts!;
    expect(row(tall.to) - row(tall.from)).toBeGreaterThan(row(charts[0].to) - row(charts[0].from));
    expect(row(second.from)).toBeGreaterThan(row(tall.to));
    expect(row(second.to)).toBeLessThan(mp.layout.chartDataRow!);
  });

  test("renders to .xlsx and reads back (English labels too)", async () => {
    const en = buildCallSummaryPlan(s, card, { lang: "en" });
    const bytes = await writeXlsx({ sheets: [sheet, { ...en.sheet, name: "Call summary" }], names: [] });
    const back = await readXlsx(bytes);
    const pl = back.sheets.find((x) => x.name === CALL_SUMMARY_SHEET)!;
    expect(cellAt(pl, layout.firstProjectRow + 1, PROJECT_COLUMNS.file)).toBe("b.xlsx");
    const eng = back.sheets.find((x) => x.name === "Call summary")!;
    expect(String(cellAt(eng, 0, 0))).toMatch(/^Call summary — /);
    const met = layout.criterionColumns["formal.minParticipants"] + 1;
    expect(cellAt(eng, en.layout.firstProjectRow, met)).toBe("YES"); // a.csv: 60 participants
    expect(cellAt(eng, en.layout.firstProjectRow + 2, met)).toBe("NO"); // c.csv: none
  });
});
