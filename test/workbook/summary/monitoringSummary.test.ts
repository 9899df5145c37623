import { rng } from "../../../src/domain/card/sample";
import { PROGRAMME } from "../../../src/domain/programme/programme";
import { allIndicators, summarizeMonitoring, YearInput } from "../../../src/domain/summary/monitoringSummary";
import { columnIndex, columnLetters } from "../../../src/workbook/address";
import { monitoringColumn } from "../../../src/workbook/monitoring/columns";
import { buildMonitoringSheetPlan } from "../../../src/workbook/monitoring/layout";
import { CellValue } from "../../../src/workbook/plan";
import {
  buildMonitoringSummaryPlan,
  DEFAULT_CHART_INDICATORS,
  monitoringColumnRefs,
  valueFormula,
} from "../../../src/workbook/summary/monitoringSummary";
import { loadPlans, planGrid, valueAt } from "./hfLoader";

const YEARS = [2021, 2022, 2023];
const IND = allIndicators(PROGRAMME);

/** Seeded values: mostly numbers, some empty, some text typed Polish-style (not a number: not filled). */
function yearValues(seed: number): Map<string, CellValue> {
  const r = rng(seed);
  const m = new Map<string, CellValue>();
  for (const { indicator } of IND) {
    const x = r();
    if (x < 0.1) continue; // empty
    if (x < 0.15) {
      m.set(indicator.id, "1 796"); // text: an error for validation, not filled here
      continue;
    }
    m.set(
      indicator.id,
      indicator.unit === "percent" ? Math.round(r() * 1000) / 1000 : Math.floor(r() * 5000),
    );
  }
  return m;
}

const values = YEARS.map((_, k) => yearValues(10 + k));
// Findings as validation would give them: per indicator, plus a layout problem with no indicator.
const findings = YEARS.map((_, k) => {
  const r = rng(50 + k);
  const out: { severity: "error" | "warning"; indicatorId: string | null }[] = [];
  for (const { indicator } of IND) {
    const x = r();
    if (x < 0.1) out.push({ severity: "error", indicatorId: indicator.id });
    else if (x < 0.25) out.push({ severity: "warning", indicatorId: indicator.id });
  }
  out.push({ severity: "warning", indicatorId: null });
  return out;
});
const inputs: YearInput[] = YEARS.map((y, k) => ({
  year: y,
  sheet: `Monitoring ${y}`,
  values: values[k],
  findings: findings[k],
}));
const monitoringPlans = YEARS.map((y, k) => buildMonitoringSheetPlan(PROGRAMME, y, { values: values[k] }));
const summary = summarizeMonitoring(PROGRAMME, inputs);
const { sheet, layout } = buildMonitoringSummaryPlan(PROGRAMME, summary, () => monitoringColumnRefs(), {
  builtAt: new Date(2026, 10, 5, 9, 30),
});
const num = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);

describe("Podsumowanie: formulas over the monitoring sheets, evaluated with HyperFormula", () => {
  const hf = loadPlans([...monitoringPlans, sheet]);
  const at = (row: number, col: number) => valueAt(hf, sheet.name, row, col);

  test("each indicator's value in each of three years equals the value typed in that year's sheet", () => {
    for (const { indicator } of IND)
      YEARS.forEach((_, k) => {
        const expected = num(values[k].get(indicator.id));
        const got = at(layout.indicatorRows[indicator.id], layout.valueColumns[k]);
        expect([indicator.id, YEARS[k], got]).toEqual([indicator.id, YEARS[k], expected ?? ""]);
      });
  });

  test("year-over-year changes equal the differences computed here (percentage points for percents)", () => {
    let checked = 0;
    for (const { indicator } of IND)
      for (let k = 1; k < YEARS.length; k++) {
        const prev = num(values[k - 1].get(indicator.id));
        const cur = num(values[k].get(indicator.id));
        const got = at(layout.indicatorRows[indicator.id], layout.changeColumns[k]!);
        if (prev === null || cur === null) expect(got).toBe("");
        else {
          const expected = indicator.unit === "percent" ? (cur - prev) * 100 : cur - prev;
          expect(got).toBeCloseTo(expected, 9);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(60);
    expect(layout.changeColumns[0]).toBeNull();
  });

  test("per area and task: indicators, filled (COUNT formulas), errors and warnings equal counts made here", () => {
    for (const area of PROGRAMME.areas) {
      const groups = [
        {
          key: `area:${area.code}`,
          ids: IND.filter((i) => i.areaCode === area.code).map((i) => i.indicator.id),
        },
        ...area.tasks.map((t) => ({
          key: t.code,
          ids: IND.filter((i) => i.taskCode === t.code).map((i) => i.indicator.id),
        })),
      ];
      for (const g of groups) {
        const row = layout.groupRows[g.key];
        expect(at(row, 3)).toBe(g.ids.length);
        YEARS.forEach((_, k) => {
          const filled = g.ids.filter((id) => typeof values[k].get(id) === "number").length;
          const errors = findings[k].filter(
            (f) => f.severity === "error" && g.ids.includes(f.indicatorId!),
          ).length;
          const warnings = findings[k].filter(
            (f) => f.severity === "warning" && f.indicatorId !== null && g.ids.includes(f.indicatorId),
          ).length;
          const c = layout.taskYearColumns[k];
          expect([g.key, YEARS[k], at(row, c), at(row, c + 1), at(row, c + 2)]).toEqual([
            g.key,
            YEARS[k],
            filled,
            errors,
            warnings,
          ]);
        });
      }
    }
    // Total: every indicator; the layout warning (no indicator) counts in the total only.
    YEARS.forEach((_, k) => {
      const c = layout.taskYearColumns[k];
      expect(at(layout.totalRow, 3)).toBe(60);
      expect(at(layout.totalRow, c)).toBe(
        [...values[k].values()].filter((v) => typeof v === "number").length,
      );
      expect(at(layout.totalRow, c + 2)).toBe(findings[k].filter((f) => f.severity === "warning").length);
    });
  });

  test("the plan's cached values equal what the formulas compute (the JSON figures agree with the sheet)", () => {
    const grid = planGrid({ ...sheet, blocks: sheet.blocks.map((b) => ({ ...b, formulas: undefined })) });
    for (const { indicator } of IND)
      YEARS.forEach((_, k) => {
        const r = layout.indicatorRows[indicator.id];
        const cached = grid[r][layout.valueColumns[k]];
        expect(cached ?? "").toEqual(at(r, layout.valueColumns[k]));
        const cc = layout.changeColumns[k];
        if (cc !== null) {
          const computed = at(r, cc);
          if (computed === "") expect(grid[r][cc]).toBeNull();
          else expect(grid[r][cc]).toBeCloseTo(computed as number, 9);
        }
      });
  });

  test("the summary follows a later edit and survives rows inserted above (MATCH by indicator code)", () => {
    const hf2 = loadPlans([...monitoringPlans, sheet]);
    const s23 = hf2.getSheetId("Monitoring 2023")!;
    const id = "1.1.3-1";
    const codeCol = monitoringColumn("code").index;
    const valueCol = monitoringColumn("value").index;
    const grid = planGrid(monitoringPlans[2]);
    const row = grid.findIndex((r) => r[codeCol] === id);
    expect(row).toBeGreaterThan(0);
    hf2.setCellContents({ sheet: s23, row, col: valueCol }, [[123456]]);
    const r = layout.indicatorRows[id];
    expect(valueAt(hf2, sheet.name, r, layout.valueColumns[2])).toBe(123456);
    const prev = num(values[1].get(id));
    if (prev !== null) expect(valueAt(hf2, sheet.name, r, layout.changeColumns[2]!)).toBe(123456 - prev);
    hf2.addRows(s23, [4, 5]);
    expect(valueAt(hf2, sheet.name, r, layout.valueColumns[2])).toBe(123456);
    // Emptying the cell: not filled any more.
    const task = IND.find((i) => i.indicator.id === id)!.taskCode;
    const before = valueAt(hf2, sheet.name, layout.groupRows[task], layout.taskYearColumns[2]) as number;
    hf2.setCellContents({ sheet: s23, row: row + 5, col: valueCol }, [[null]]);
    expect(valueAt(hf2, sheet.name, r, layout.valueColumns[2])).toBe("");
    expect(valueAt(hf2, sheet.name, layout.groupRows[task], layout.taskYearColumns[2])).toBe(before - 1);
  });

  test("chart data: years down, main indicators across, from the indicator table", () => {
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts![0];
    expect(chart.type).toBe("line");
    expect(chart.seriesBy).toBe("columns");
    const top = layout.chartDataRow!;
    // Right of the 60-wide label column (C), in columns of a number's width, within the sheet's columns.
    const left = layout.chartDataColumn;
    expect(left).toBe(3);
    expect(sheet.columns[left].width).toBeLessThan(20);
    expect(left + DEFAULT_CHART_INDICATORS.length).toBeLessThan(sheet.columns.length);
    expect(chart.dataRange).toBe(
      `D${top + 1}:${String.fromCharCode(65 + left + DEFAULT_CHART_INDICATORS.length)}${top + 4}`,
    );
    DEFAULT_CHART_INDICATORS.forEach((id, j) => {
      expect(at(top, left + j + 1)).toBe(id);
      YEARS.forEach((y, k) => {
        expect(at(top + 1 + k, left)).toBe(String(y));
        const v = num(values[k].get(id));
        expect(at(top + 1 + k, left + j + 1)).toBe(v === null ? "#N/A" : v);
      });
    });
  });
});

describe("Podsumowanie plan", () => {
  test("formulas use the monitoring columns' letters and quote the sheet name", () => {
    const cols = monitoringColumnRefs();
    expect(columnIndex(cols.value)).toBe(monitoringColumn("value").index);
    expect(columnIndex(cols.code)).toBe(monitoringColumn("code").index);
    expect(valueFormula("Monitoring 2023", { code: "I", value: "E" }, "1.1.1-1")).toBe(
      `=IFERROR(IF(ISNUMBER(INDEX('Monitoring 2023'!$E:$E,MATCH("1.1.1-1",'Monitoring 2023'!$I:$I,0))),` +
        `INDEX('Monitoring 2023'!$E:$E,MATCH("1.1.1-1",'Monitoring 2023'!$I:$I,0)),""),"")`,
    );
  });

  test("columns found by header when moved; the layout's otherwise", () => {
    const grid = planGrid(monitoringPlans[0]);
    const moved = grid.map((r) => {
      const x = [...r];
      const [code] = x.splice(monitoringColumn("code").index, 1);
      x.unshift(code ?? null);
      return x;
    });
    expect(monitoringColumnRefs({ name: "M", top: 0, left: 0, values: moved })).toEqual({
      code: "A",
      value: "F",
    });
    expect(monitoringColumnRefs({ name: "M", top: 0, left: 0, values: [] })).toEqual(monitoringColumnRefs());
  });

  test("of two value columns (Wartość 2022 added before Wartość 2023), the formulas refer to the sheet's year", () => {
    const v = monitoringColumn("value").index;
    const two = planGrid(monitoringPlans[YEARS.indexOf(2023)]).map((r) => {
      const x = [...r];
      x.splice(v, 0, typeof r[v] === "string" && /^Wartość/.test(r[v]) ? "Wartość 2022" : null);
      return x;
    });
    const cells = { name: "Monitoring 2023", top: 0, left: 0, values: two };
    expect(monitoringColumnRefs(cells, 2023).value).toBe(columnLetters(v + 1));
    expect(monitoringColumnRefs(cells, 2022).value).toBe(columnLetters(v));
  });

  test("print-ready: A4 landscape, one page wide, the indicator header repeated; build time labelled", () => {
    expect(sheet.print).toMatchObject({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.print!.printTitleRows).toBe(
      `$${layout.indicatorHeaderRow + 1}:$${layout.indicatorHeaderRow + 1}`,
    );
    const texts = sheet.blocks
      .flatMap((b) => b.values.flat())
      .filter((v) => typeof v === "string") as string[];
    expect(texts.some((t) => t.includes("05.11.2026 09:30"))).toBe(true); // Polish dates: dd.mm.rrrr
  });

  test("the files left out print whole: the file over A:B, the reason over C to the last column, wrapped", () => {
    const file = "monitoring/Oś 9/wnioski A/monitoring 2024 pusty.xlsx";
    const reason =
      "wszystkie lata tego pliku są w innych plikach, z co najmniej tyloma wypełnionymi miernikami";
    const p = buildMonitoringSummaryPlan(PROGRAMME, summary, () => monitoringColumnRefs(), {
      problems: [{ file, reason }],
    });
    const block = p.sheet.blocks.find((b) => b.values.some((r) => r[0] === file))!;
    expect(block.values[0][2]).toBe(reason);
    const row = block.row + 1;
    const last = columnLetters(p.sheet.columns!.length - 1);
    expect(p.sheet.merges).toEqual(expect.arrayContaining([`A${row}:B${row}`, `C${row}:${last}${row}`]));
    expect(p.sheet.formats.find((f) => f.range === `A${row}:${last}${row}`)?.style).toMatchObject({
      wrap: true,
    });
    // The path in A:B (21 wide) takes 3 lines.
    expect(p.sheet.rows!.find((x) => x.index === block.row)!.height).toBeGreaterThanOrEqual(3 * 14.5);
  });

  test("one year: the chart data starts in column A, so it stays within the sheet's columns (what prints)", () => {
    const one = buildMonitoringSummaryPlan(
      PROGRAMME,
      summarizeMonitoring(PROGRAMME, inputs.slice(0, 1)),
      () => monitoringColumnRefs(),
    );
    const left = one.layout.chartDataColumn;
    expect(left + DEFAULT_CHART_INDICATORS.length).toBeLessThan(one.sheet.columns.length);
    expect(one.sheet.charts![0].dataRange).toMatch(new RegExp(`^${columnLetters(left)}\\d+:`));
  });

  test("the chart and the files left out on a page of their own, before the indicator table and its repeated header", () => {
    const file = "monitoring 2024 pusty.xlsx";
    const p = buildMonitoringSummaryPlan(PROGRAMME, summary, () => monitoringColumnRefs(), {
      problems: [{ file, reason: "pusty" }],
    });
    const l = p.layout;
    const chart = p.sheet.charts![0];
    const row = (ref: string) => Number(/\d+$/.exec(ref)![0]) - 1;
    const listRow = p.sheet.blocks.find((b) => b.values.some((r) => r[0] === file))!.row;
    // Task table, then (a page break) chart data, chart, files left out, then (a break) the indicator table.
    expect(l.chartDataRow!).toBeGreaterThan(l.totalRow);
    expect(row(chart.to)).toBeLessThan(listRow);
    expect(listRow).toBeLessThan(l.indicatorHeaderRow - 1);
    expect(p.sheet.print!.rowBreaks).toEqual([l.chartDataRow! - 1, l.indicatorHeaderRow - 1]);
    // The header that repeats on every page is below them: it never prints over the chart or the list.
    const [, top] = /^\$(\d+):/.exec(p.sheet.print!.printTitleRows!)!;
    expect(Number(top) - 1).toBe(l.indicatorHeaderRow);
    // Without a chart or a list: no breaks, the indicator table right after the task table.
    const bare = buildMonitoringSummaryPlan(PROGRAMME, summary, () => monitoringColumnRefs(), {
      chartIndicators: [],
    });
    expect(bare.sheet.charts).toBeUndefined();
    expect(bare.sheet.print!.rowBreaks).toBeUndefined();
    expect(bare.layout.indicatorHeaderRow).toBe(bare.layout.totalRow + 3);
  });

  test("one year only: no change columns; no sheets: a plan that says so", () => {
    const one = summarizeMonitoring(PROGRAMME, [inputs[1]]);
    const p = buildMonitoringSummaryPlan(PROGRAMME, one, () => monitoringColumnRefs());
    expect(p.layout.changeColumns).toEqual([null]);
    const hf = loadPlans([monitoringPlans[1], p.sheet]);
    const id = "2.2.2-1";
    expect(valueAt(hf, p.sheet.name, p.layout.indicatorRows[id], p.layout.valueColumns[0])).toBe(
      num(values[1].get(id)) ?? "",
    );
    const none = buildMonitoringSummaryPlan(PROGRAMME, summarizeMonitoring(PROGRAMME, []), () =>
      monitoringColumnRefs(),
    );
    expect(none.sheet.charts).toBeUndefined();
    expect(none.sheet.blocks[0].values[1][0]).toBe("Brak arkuszy monitoringu.");
  });
});
