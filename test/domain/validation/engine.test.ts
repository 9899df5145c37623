import { relationHolds, RELATIONS } from "../../../src/domain/programme/relations";
import {
  DEFAULT_MAX_COUNT,
  FoundValue,
  IndicatorEntry,
  validateMonitoring,
} from "../../../src/domain/validation";
import { MINI, MINI_IDS, miniSample } from "./miniProgramme";

const SHEET = "Monitoring 2023";
const PREV = "Monitoring 2022";

/** Value cells in column E from row 5, in programme order. */
function addressOf(id: string): string {
  return `E${MINI_IDS.indexOf(id) + 5}`;
}

function entries(overrides: Record<string, FoundValue> = {}, sheet = SHEET): IndicatorEntry[] {
  const sample = miniSample();
  return MINI_IDS.map((id) => ({
    indicatorId: id,
    sheet,
    address: addressOf(id),
    value: id in overrides ? overrides[id] : (sample.get(id) as number),
  }));
}

const COUNT = "1.1.3-1"; // a count without relations
const PCT = "2.2.2-1"; // a percent

describe("the sample values", () => {
  test("validate with no findings at all", () => {
    expect(validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries() })).toEqual([]);
  });
});

interface Case {
  id: string;
  value: FoundValue;
  rule: string;
  severity: "error" | "warning";
  fix?: number;
}

const SPACES: [string, string][] = [
  ["space", " "],
  ["NBSP U+00A0", "\u00A0"],
  ["narrow NBSP U+202F", "\u202F"],
  ["thin space U+2009", "\u2009"],
  ["figure space U+2007", "\u2007"],
  ["hair space U+200A", "\u200A"],
];

const ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];

const CASES: [string, Case][] = [
  // numbers typed as text, every space variant, in a count cell
  ...SPACES.map(([name, sp]): [string, Case] => [
    `count "1${name}796"`,
    { id: COUNT, value: `1${sp}796`, rule: "number-as-text", severity: "error", fix: 1796 },
  ]),
  // … and before a percent sign
  ...SPACES.map(([name, sp]): [string, Case] => [
    `percent "83,29${name}%"`,
    { id: PCT, value: `83,29${sp}%`, rule: "number-as-text", severity: "error", fix: 0.8329 },
  ]),
  ["percent text 76,2%", { id: PCT, value: "76,2%", rule: "number-as-text", severity: "error", fix: 0.762 }],
  [
    "percent text 76,2 (no %)",
    { id: PCT, value: "76,2", rule: "number-as-text", severity: "error", fix: 0.762 },
  ],
  ["percent text 0,5", { id: PCT, value: "0,5", rule: "number-as-text", severity: "error", fix: 0.5 }],
  ["count text 1796", { id: COUNT, value: "1796", rule: "number-as-text", severity: "error", fix: 1796 }],
  [
    "count text 12 345 678",
    { id: COUNT, value: "12 345 678", rule: "number-as-text", severity: "error", fix: 12345678 },
  ],
  [
    "count text 1.796 (Polish thousands)",
    { id: COUNT, value: "1.796", rule: "number-as-text", severity: "error", fix: 1796 },
  ],
  [
    "count text with padding",
    { id: COUNT, value: "  800 ", rule: "number-as-text", severity: "error", fix: 800 },
  ],
  ["count text 0,5: no fix", { id: COUNT, value: "0,5", rule: "number-as-text", severity: "error" }],
  ["count text -3: no fix", { id: COUNT, value: "-3", rule: "number-as-text", severity: "error" }],
  ["count text 76,2%: no fix", { id: COUNT, value: "76,2%", rule: "number-as-text", severity: "error" }],
  ["percent text 150%: no fix", { id: PCT, value: "150%", rule: "number-as-text", severity: "error" }],
  ["percent text -5%: no fix", { id: PCT, value: "-5%", rule: "number-as-text", severity: "error" }],
  // text that is no number
  [
    "count text 1,796 (decimal comma): no fix",
    { id: COUNT, value: "1,796", rule: "number-as-text", severity: "error" },
  ],
  [
    "count text 1 796,0",
    { id: COUNT, value: "1 796,0", rule: "number-as-text", severity: "error", fix: 1796 },
  ],
  [
    "count text \u22123 (minus sign): no fix",
    { id: COUNT, value: "\u22123", rule: "number-as-text", severity: "error" },
  ],
  ["percent text 0,762", { id: PCT, value: "0,762", rule: "number-as-text", severity: "error", fix: 0.762 }],
  ["percent text abc", { id: PCT, value: "abc", rule: "not-a-number", severity: "error" }],
  ["count text abc", { id: COUNT, value: "abc", rule: "not-a-number", severity: "error" }],
  ["count text nie dotyczy", { id: COUNT, value: "nie dotyczy", rule: "not-a-number", severity: "error" }],
  ["count text 5 osób", { id: COUNT, value: "5 osób", rule: "not-a-number", severity: "error" }],
  ["count text 17 96", { id: COUNT, value: "17 96", rule: "not-a-number", severity: "error" }],
  ["percent text ok.", { id: PCT, value: "ok. 70%", rule: "not-a-number", severity: "error" }],
  ["count TRUE", { id: COUNT, value: true, rule: "not-a-number", severity: "error" }],
  ["percent FALSE", { id: PCT, value: false, rule: "not-a-number", severity: "error" }],
  // numbers out of place
  ["count -3", { id: COUNT, value: -3, rule: "negative", severity: "error" }],
  ["count -0.5", { id: COUNT, value: -0.5, rule: "negative", severity: "error" }],
  ["count 12.5", { id: COUNT, value: 12.5, rule: "fractional-count", severity: "error" }],
  ["count 0.1", { id: COUNT, value: 0.1, rule: "fractional-count", severity: "error" }],
  // a count no yearly report can hold: another number typed or pasted into the cell
  ["count 1e12", { id: COUNT, value: 1e12, rule: "count-implausible", severity: "warning" }],
  ["count a PESEL", { id: COUNT, value: 85010112345, rule: "count-implausible", severity: "warning" }],
  ["count 1 000 001", { id: COUNT, value: 1_000_001, rule: "count-implausible", severity: "warning" }],
  ["percent -0.1", { id: PCT, value: -0.1, rule: "percent-out-of-range", severity: "error" }],
  ["percent 150", { id: PCT, value: 150, rule: "percent-out-of-range", severity: "error" }],
  ["percent 100.5", { id: PCT, value: 100.5, rule: "percent-out-of-range", severity: "error" }],
  ["percent 76.2", { id: PCT, value: 76.2, rule: "percent-as-whole-number", severity: "error", fix: 0.762 }],
  [
    "percent 83.29",
    { id: PCT, value: 83.29, rule: "percent-as-whole-number", severity: "error", fix: 0.8329 },
  ],
  ["percent 100", { id: PCT, value: 100, rule: "percent-as-whole-number", severity: "error", fix: 1 }],
  ["percent 1.5", { id: PCT, value: 1.5, rule: "percent-as-whole-number", severity: "error", fix: 0.015 }],
  // Excel errors, in both kinds of cell
  ...ERRORS.map((e): [string, Case] => [
    `count ${e}`,
    { id: COUNT, value: e, rule: "excel-error", severity: "error" },
  ]),
  ["percent #DIV/0!", { id: PCT, value: "#DIV/0!", rule: "excel-error", severity: "error" }],
  ["percent #N/A", { id: PCT, value: "#N/A", rule: "excel-error", severity: "error" }],
  // empty
  ["count empty", { id: COUNT, value: null, rule: "empty", severity: "warning" }],
  ["percent empty", { id: PCT, value: null, rule: "empty", severity: "warning" }],
  ["count blank text", { id: COUNT, value: "   ", rule: "empty", severity: "warning" }],
  ["count NBSP only", { id: COUNT, value: "\u00A0", rule: "empty", severity: "warning" }],
];

describe("one bad value → exactly one finding", () => {
  test("the table is big enough", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(CASES)("%s", (_name, c) => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ [c.id]: c.value }),
    });
    expect(found).toHaveLength(1);
    const f = found[0];
    expect({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      indicatorId: f.indicatorId,
    }).toEqual({
      rule: c.rule,
      severity: c.severity,
      sheet: SHEET,
      cell: addressOf(c.id),
      indicatorId: c.id,
    });
    expect(f.value).toBe(c.value);
    if (c.fix === undefined) expect(f.fix).toBeUndefined();
    else expect(f.fix?.value).toBe(c.fix);
    expect(f.message.pl).toContain(addressOf(c.id));
    expect(f.message.en).toContain(c.id);
    expect(f.message.pl).not.toEqual(f.message.en);
  });
});

describe("a percent cell out of range names the value as the cell shows it", () => {
  test.each<[number, string, string]>([
    [-0.1, "wartość -10% (-0,1) poza zakresem 0–100%", "value -10% (-0.1) is outside 0–100%"],
    [150, "wartość 15 000% (150) poza zakresem 0–100%", "value 15,000% (150) is outside 0–100%"],
  ])("%p", (value, pl, en) => {
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [PCT]: value }) });
    expect(f.rule).toBe("percent-out-of-range");
    expect(f.message.pl).toContain(pl);
    expect(f.message.en).toContain(en);
  });
});

describe("text pasted from a report in Word or a PDF says what it is and what to type", () => {
  test.each<[string, FoundValue, string, string]>([
    ["a dash", "-", "kreska zamiast liczby", "jeśli tak, wpisz 0"],
    ["an en dash", "\u2013", "kreska zamiast liczby", "jeśli tak, wpisz 0"],
    ["b.d.", "b.d.", "„b.d.” to znak braku danych", "wpisz liczbę (0, jeśli zjawisko nie wystąpiło)"],
    ["n/d", "n/d", "„n/d” to znak braku danych", "wpisz liczbę"],
    ["brak danych", " brak\u00A0danych ", "„brak danych” to znak braku danych", "wpisz liczbę"],
    ["12,5 tys.", "12,5 tys.", "liczba ze skrótem „tys.” (czyli ok. 12 500)", "wpisz pełną, dokładną liczbę"],
    ["ok. 300", "ok. 300", "wartość przybliżona („ok.”)", "wpisz dokładną wartość, bez „ok.”"],
    ["około 1 796", "około 1\u00A0796", "wartość przybliżona („około”)", "bez „około”"],
    ["1 796 osób", "1\u00A0796 osób", "liczba z dopiskiem „osób”", "sama liczba (1 796 bez dopisku)"],
    ["a formula kept as text", "=SUMA(E4:E5)", "formuła zapisana jako tekst", "ustaw format liczbowy"],
    ["a footnote star", "1796*", "liczba z odsyłaczem do przypisu („*”", "wpisz samą liczbę (1 796)"],
    ["a superscript footnote", "1\u00A0796¹", "odsyłaczem do przypisu („¹”", "wpisz samą liczbę (1 796)"],
    ["a footnote „1)”", "1796 1)", "odsyłaczem do przypisu („1)”", "a przypis poza tabelą"],
    ["a sentence's full stop", "1 796.", "liczba ze znakiem „.” na końcu", "wpisz samą liczbę: 1 796"],
    ["a list's comma", "20,", "liczba ze znakiem „,” na końcu", "wpisz samą liczbę: 20"],
  ])("count: %s", (_n, value, what, todo) => {
    const [f, ...rest] = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ [COUNT]: value }),
    });
    expect(rest).toEqual([]);
    expect([f.rule, f.severity, f.fix]).toEqual(["not-a-number", "error", undefined]);
    expect(f.message.pl).toContain(what);
    expect(f.message.pl).toContain(todo);
    expect(f.message.pl).toMatch(/^Monitoring 2023!E\d+, miernik 1\.1\.3-1 /);
  });

  test("in a percent cell the fix names a percentage; English too; other text keeps the plain message", () => {
    const [dash] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [PCT]: "b.d." }) });
    expect(dash.message.pl).toContain("wpisz odsetek, np. 76,2% (0, jeśli zjawisko nie wystąpiło)");
    expect(dash.message.en).toContain('"b.d." marks missing data');
    const [approx] = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ [PCT]: "ok. 70%" }),
    });
    expect(approx.message.pl).toContain("wartość przybliżona („ok.”)");
    for (const word of ["76,2 proc.", "76,2 procent", "76,2 pkt proc."]) {
      const [p] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [PCT]: word }) });
      expect([p.rule, p.fix]).toEqual(["not-a-number", undefined]);
      expect(p.message.pl).toContain("odsetek zapisany słowem");
      expect(p.message.pl).toContain("wpisz go ze znakiem procentu: 76,2%");
    }
    const [abc] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [COUNT]: "abc" }) });
    expect(abc.message.pl).toContain("tekst „abc” nie jest liczbą; wpisz liczbę całkowitą ≥ 0");
  });
});

describe("a valid number under a format of the other unit (a row's format copied over, the source's pasted)", () => {
  const withFormat = (id: string, value: FoundValue, format: string | null): IndicatorEntry[] =>
    entries({ [id]: value }).map((e) => (e.indicatorId === id ? { ...e, numberFormat: format } : e));
  const check = (id: string, value: FoundValue, format: string | null) =>
    validateMonitoring({ programme: MINI, sheet: SHEET, entries: withFormat(id, value, format) });

  test.each<[string, string, number, string, string]>([
    [
      "a share under the count format",
      PCT,
      0.762,
      "#,##0  ",
      "komórka ma format „#,##0  ” zamiast procentowego, więc odsetek 76,2% (0,762) wyświetla się i drukuje jako liczba; ustaw format procentowy",
    ],
    ["a share under General", PCT, 0.762, "General", "komórka ma format „General” zamiast procentowego"],
    [
      "a share under a Polish sheet's count format (named without its language tag)",
      PCT,
      0.762,
      "[$-415]#,##0  ",
      "komórka ma format „#,##0  ” zamiast procentowego",
    ],
    [
      "a count under a percent format",
      COUNT,
      1796,
      "0.0#%  ",
      "komórka ma format procentowy „0.0#%  ”, więc liczba 1 796 wyświetla się i drukuje jako 179 600%; ustaw format liczbowy",
    ],
  ])("%s: a warning naming the format and how the cell prints", (_n, id, value, format, pl) => {
    const f = check(id, value, format);
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.fix])).toEqual([
      ["value-format", "warning", addressOf(id), undefined],
    ]);
    expect(f[0].message.pl).toContain(pl);
    expect(f[0].message.en).toContain(`"${format.replace("[$-415]", "")}"`);
  });

  test.each<[string, string, number, string | null]>([
    ["the layout's percent format", PCT, 0.762, "0.0#%  "],
    ["LibreOffice's spelling of it", PCT, 0.8329, '0.0#%"  "'],
    ["a percent format of the user's", PCT, 0.5, "0%"],
    ["no format known (a reader without formats)", PCT, 0.762, null],
    ["the layout's count format", COUNT, 1796, "#,##0  "],
    ["a Polish sheet's count format", COUNT, 1796, "[$-415]#,##0  "],
    ["a Polish sheet's percent format", PCT, 0.762, "[$-415]0.0#%  "],
    ["LibreOffice's count format", COUNT, 1796, '#,##0"  "'],
    ["a count under General", COUNT, 1796, "General"],
    ["a '%' only inside a literal", COUNT, 5, '0" %"'],
  ])("%s: nothing", (_n, id, value, format) => {
    expect(check(id, value, format)).toEqual([]);
  });
});

describe("values that are fine", () => {
  test.each<[string, FoundValue]>([
    [COUNT, 0],
    [COUNT, 1796],
    [COUNT, 59.0000000000001],
    [PCT, 0],
    [PCT, 1],
    [PCT, 0.762],
  ])("%s = %p", (id, value) => {
    expect(validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [id]: value }) })).toEqual(
      [],
    );
  });
});

describe("a number in a cell formatted as a date (Excel/Calc took „3.12” for 3 December)", () => {
  /** The sample entries, one of them holding `value` in a cell of number format `format`. */
  const withFormat = (id: string, value: FoundValue, format: string, sheet = SHEET): IndicatorEntry[] =>
    entries({ [id]: value }, sheet).map((e) => (e.indicatorId === id ? { ...e, numberFormat: format } : e));

  test("a count: one error naming the day and the fix, no automatic fix", () => {
    const f = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: withFormat(COUNT, 46359, "dd.mmm"),
    });
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([["date-value", "error", addressOf(COUNT)]]);
    expect(f[0].fix).toBeUndefined();
    expect(f[0].message.pl).toContain(`${SHEET}!${addressOf(COUNT)}`);
    expect(f[0].message.pl).toContain("komórka zawiera datę 03.12.2026, a nie liczbę");
    expect(f[0].message.pl).toContain("ustaw format komórki na liczbowy");
    expect(f[0].message.en).toContain("the cell holds a date, 2026-12-03, not a number");
  });

  test("a percent: the same rule, not 'out of range'", () => {
    const f = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: withFormat(PCT, 46154, "dd.mm.yyyy"),
    });
    expect(f.map((x) => x.rule)).toEqual(["date-value"]);
    expect(f[0].message.pl).toContain("ustaw format komórki na procentowy");
  });

  test("the day is not compared year over year (it is no value anybody typed)", () => {
    const f = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: withFormat(COUNT, 46359, "d-mmm"),
      previous: { sheet: PREV, entries: entries({}, PREV) },
    });
    expect(f.map((x) => x.rule)).toEqual(["date-value"]);
  });

  test("the same number in a number format is a count", () => {
    const f = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: withFormat(COUNT, 46359, "#,##0"),
    });
    expect(f).toEqual([]);
  });
});

describe("relations", () => {
  test("every relation holds on the sample values and is violated by some change", () => {
    const sample = miniSample();
    for (const r of RELATIONS) {
      expect(relationHolds(r.kind, sample.get(r.left)!, sample.get(r.right)!)).toBe(true);
    }
  });

  const RELATION_CASES: [string, Record<string, FoundValue>, string][] = [
    ["work after training > participants", { "1.3.2-2": 200 }, "1.3.2-2"],
    ["training participants < training areas", { "1.3.3-1": 10, "1.3.2-2": 5 }, "1.3.3-1"],
    ["people in programmes < programmes (1.5.1)", { "1.5.1-2": 2 }, "1.5.1-2"],
    ["people in programmes < programmes (1.5.2)", { "1.5.2-2": 0 }, "1.5.2-2"],
    ["people in own projects < projects (1.5.3)", { "1.5.3-1": 5, "1.5.3-2": 4 }, "1.5.3-2"],
    ["partner projects with nobody (1.5.4)", { "1.5.4-1": 2 }, "1.5.4-2"],
    ["partner projects with nobody (1.5.5)", { "1.5.5-1": 1 }, "1.5.5-2"],
    ["exhibitors with no fair", { "1.2.1-1": 0 }, "1.2.1-2"],
    ["special-situation deregistered > all deregistered", { "1.2.4-1": 4000 }, "2.2.1-2"],
    ["employers using instruments > cooperating", { "3.2.1-1": 500 }, "3.2.2-1"],
    ["new employers > cooperating", { "3.2.4-1": 9000 }, "3.2.4-1"],
  ];

  test.each(RELATION_CASES)("%s → one warning on the left indicator", (_n, overrides, leftId) => {
    const found = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries(overrides) });
    expect(found.map((f) => [f.rule, f.severity, f.cell, f.indicatorId])).toEqual([
      ["relation", "warning", addressOf(leftId), leftId],
    ]);
    expect(found[0].fix).toBeUndefined();
  });

  test("the message shows both values and why", () => {
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ "1.3.2-2": 200 }) });
    expect(f.message.pl).toContain("200");
    expect(f.message.pl).toContain("173");
    expect(f.message.pl).toContain("uczestników szkoleń");
    expect(f.message.en).toContain("subset");
  });

  test("gte-when-positive does not apply when the right side is 0", () => {
    expect(
      validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ "1.5.1-1": 0, "1.5.1-2": 0 }) }),
    ).toEqual([]);
  });

  test("relations use what a text number means, and skip cells with no sure value", () => {
    // "200" as text: the number-as-text error, plus the relation on its meaning.
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ "1.3.2-2": "200" }),
    });
    expect(found.map((f) => f.rule)).toEqual(["number-as-text", "relation"]);
    // an error value: no relation finding
    const err = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ "1.3.3-1": "#N/A" }),
    });
    expect(err.map((f) => f.rule)).toEqual(["excel-error"]);
  });
});

describe("year over year", () => {
  const prevEntries = (o: Record<string, FoundValue> = {}) => entries(o, PREV);

  test.each<[string, FoundValue, FoundValue, number | undefined, boolean]>([
    ["×3 exactly is fine", 300, 100, undefined, false],
    ["more than ×3 up", 301, 100, undefined, true],
    ["÷3 exactly is fine", 100, 300, undefined, false],
    ["more than ×3 down", 99, 300, undefined, true],
    ["from 0", 50, 0, undefined, true],
    ["to 0", 0, 50, undefined, true],
    ["0 both years", 0, 0, undefined, false],
    // Small counts move by more than ×3 all the time (a project started, a fair not held): not flagged.
    ["0 → 1 project", 1, 0, undefined, false],
    ["5 → 0 programmes", 0, 5, undefined, false],
    ["1 → 4 fairs", 4, 1, undefined, false],
    ["9 → 0", 0, 9, undefined, false],
    ["10 → 0 is a change of 10: flagged", 0, 10, undefined, true],
    ["3 → 13: ×4.3 and 10 more", 13, 3, undefined, true],
    ["factor 2: ×2.5 warns", 250, 100, 2, true],
    ["factor 10: ×5 is fine", 500, 100, 10, false],
    ["previous empty: nothing to compare", 5000, null, undefined, false],
  ])("%s", (_n, cur, prev, factor, warns) => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ [COUNT]: cur }),
      previous: { sheet: PREV, entries: prevEntries({ [COUNT]: prev }) },
      options: factor ? { yoyFactor: factor } : {},
    });
    expect(found.map((f) => [f.rule, f.severity, f.cell])).toEqual(
      warns ? [["year-over-year", "warning", addressOf(COUNT)]] : [],
    );
    if (warns) {
      expect(found[0].message.pl).toContain(PREV);
      expect(found[0].message.en).toContain(`${PREV}!${addressOf(COUNT)}`);
    }
  });

  test.each<[string, number, number, boolean]>([
    ["76,2% → 20%", 0.2, 0.762, true],
    ["2% → 7% (×3.5, 5 points)", 0.07, 0.02, false],
    ["2% → 12% (10 points)", 0.12, 0.02, true],
  ])("percent %s", (_n, cur, prev, warns) => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ [PCT]: cur }),
      previous: { sheet: PREV, entries: prevEntries({ [PCT]: prev }) },
    });
    expect(found.map((f) => f.rule)).toEqual(warns ? ["year-over-year"] : []);
  });

  test("a percent typed as 76.2 compares as 76.2%", () => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ [PCT]: 76.2 }),
      previous: { sheet: PREV, entries: prevEntries() },
    });
    expect(found.map((f) => f.rule)).toEqual(["percent-as-whole-number"]);
  });

  test("a bad factor is refused", () => {
    expect(() =>
      validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries(), options: { yoyFactor: 1 } }),
    ).toThrow(RangeError);
  });
});

describe("layout", () => {
  test("an indicator with no entry is reported once, by id, without a cell", () => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries().filter((e) => e.indicatorId !== COUNT),
    });
    expect(found.map((f) => [f.rule, f.severity, f.cell, f.indicatorId])).toEqual([
      ["layout-missing-indicator", "error", null, COUNT],
    ]);
  });

  test("problems pass through by cell, and an indicator they name is not reported missing again", () => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries().filter((e) => e.indicatorId !== COUNT),
      problems: [
        {
          kind: "missing-indicator",
          sheet: SHEET,
          cell: null,
          indicatorId: COUNT,
          message: { pl: "x", en: "x" },
        },
        { kind: "unknown-code", sheet: SHEET, cell: "I40", value: "9.9.9-1", message: { pl: "y", en: "y" } },
        {
          kind: "code-overwritten",
          sheet: SHEET,
          cell: "I6",
          indicatorId: "1.2.1-1",
          value: "abc",
          severity: "warning",
          message: { pl: "z", en: "z" },
        },
      ],
    });
    expect(found.map((f) => [f.rule, f.severity, f.cell, f.indicatorId, f.value])).toEqual([
      ["layout-missing-indicator", "error", null, COUNT, null],
      ["layout-code-overwritten", "warning", "I6", "1.2.1-1", "abc"],
      ["layout-unknown-code", "warning", "I40", null, "9.9.9-1"],
    ]);
  });

  test("a duplicated indicator is checked in both cells; the first counts for relations", () => {
    const list = entries();
    list.push({ indicatorId: COUNT, sheet: SHEET, address: "E99", value: "x" });
    const found = validateMonitoring({ programme: MINI, sheet: SHEET, entries: list });
    expect(found.map((f) => [f.rule, f.cell])).toEqual([["not-a-number", "E99"]]);
  });

  test("an entry for an indicator the programme does not know is validated as a count", () => {
    const list = entries();
    list.push({ indicatorId: "9.9.9-1", sheet: SHEET, address: "E98", value: -1 });
    const found = validateMonitoring({ programme: MINI, sheet: SHEET, entries: list });
    expect(found.map((f) => [f.rule, f.cell])).toEqual([["negative", "E98"]]);
  });

  test("findings come sorted by row", () => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ "3.2.4-1": -1, "1.1.3-1": "abc", "1.3.3-1": null }),
    });
    expect(found.map((f) => f.cell)).toEqual([
      addressOf("1.1.3-1"),
      addressOf("1.3.3-1"),
      addressOf("3.2.4-1"),
    ]);
  });
});

describe("a formula whose result the file does not hold (written by a script: <f> without <v>)", () => {
  const withFormula = (value: FoundValue, formula: string | null): IndicatorEntry[] =>
    entries().map((e) => (e.indicatorId === COUNT ? { ...e, value, formula } : e));

  test("is no empty value: it names the formula and says to open and save the file or type the value", () => {
    const found = validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: withFormula(null, "=SUM(E5:E6)"),
    });
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f).toMatchObject({
      rule: "formula-no-result",
      severity: "warning",
      cell: addressOf(COUNT),
      indicatorId: COUNT,
      value: null,
    });
    expect(f.fix).toBeUndefined();
    expect(f.message.pl).toContain("komórka zawiera formułę „=SUM(E5:E6)” bez obliczonego wyniku");
    expect(f.message.pl).toContain("otwórz plik w Excelu lub LibreOffice Calc i zapisz go");
    expect(f.message.pl).toContain("albo wpisz zamiast formuły liczbę całkowitą ≥ 0");
    expect(f.message.pl).not.toContain("brak wartości");
    expect(f.message.en).toContain('the cell holds the formula "=SUM(E5:E6)" with no computed result');
    expect(f.message.en).toContain("open the file in Excel or LibreOffice Calc and save it");
  });

  test("a percent cell asks for a percentage", () => {
    const list = entries().map((e) =>
      e.indicatorId === PCT ? { ...e, value: null, formula: "=E40/E41" } : e,
    );
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: list });
    expect(f.rule).toBe("formula-no-result");
    expect(f.message.pl).toContain("wpisz zamiast formuły odsetek (np. 76,2%)");
  });

  test("a formula with its result is checked by the result; an empty cell without a formula stays empty", () => {
    expect(
      validateMonitoring({ programme: MINI, sheet: SHEET, entries: withFormula(1796, "=1796") }),
    ).toEqual([]);
    expect(
      validateMonitoring({ programme: MINI, sheet: SHEET, entries: withFormula("1 796", '="1 796"') })[0]
        .rule,
    ).toBe("number-as-text");
    expect(
      validateMonitoring({ programme: MINI, sheet: SHEET, entries: withFormula(null, null) })[0].rule,
    ).toBe("empty");
  });
});

describe("an empty value cell with a number elsewhere on its row (typed into the wrong column)", () => {
  test("is an error naming both cells, the column and what to do; no automatic fix", () => {
    const list = entries().map((e) =>
      e.indicatorId === COUNT
        ? {
            ...e,
            value: null,
            stray: { address: "F7", value: 1796, header: "Podmioty realizujące i współpracujące" },
          }
        : e,
    );
    const found = validateMonitoring({ programme: MINI, sheet: SHEET, entries: list });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "value-in-other-column",
      severity: "error",
      cell: addressOf(COUNT),
    });
    expect(found[0].fix).toBeUndefined();
    expect(found[0].message.pl).toContain(
      "brak wartości, a w tym samym wierszu komórka F7 (kolumna „Podmioty realizujące i współpracujące”) zawiera 1 796 — wartość wpisana w złą kolumnę? " +
        `Przenieś liczbę do ${addressOf(COUNT)} (wytnij i wklej)`,
    );
    expect(found[0].message.en).toContain(
      'cell F7 (column "Podmioty realizujące i współpracujące") holds 1,796',
    );
  });

  test("a column with no header is named so; a filled value cell ignores the stray", () => {
    const stray = { address: "J7", value: "1 796", header: null };
    const list = entries().map((e) => (e.indicatorId === COUNT ? { ...e, value: null, stray } : e));
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: list });
    expect(f.message.pl).toContain("komórka J7 (kolumna bez nagłówka) zawiera „1 796”");
    const filled = entries().map((e) => (e.indicatorId === COUNT ? { ...e, stray } : e));
    expect(validateMonitoring({ programme: MINI, sheet: SHEET, entries: filled })).toEqual([]);
  });
});

describe("the report's „label: value” pasted into the value cell", () => {
  test.each<[string, string, string]>([
    ["- liczba porad udzielonych pracodawcom: 3 473", COUNT, "w komórce ma być sama liczba (3 473)"],
    ["w Lublinie:               5", COUNT, "w komórce ma być sama liczba (5)"],
    ["- wskaźnik udziału osób: 76,2%", PCT, "w komórce ma być sama liczba (76,2%)"],
  ])("%p", (text, id, pl) => {
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [id]: text }) });
    expect(f.rule).toBe("not-a-number");
    expect(f.fix).toBeUndefined();
    expect(f.message.pl).toContain("opis z liczbą po dwukropku, jak drukuje go opublikowany raport");
    expect(f.message.pl).toContain(pl);
    expect(f.message.en).toContain("a description with the number after a colon");
  });

  test("a colon with no words before it is no label (12:30)", () => {
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [COUNT]: "12:30" }) });
    expect(f.message.pl).not.toContain("opis z liczbą");
  });
});

describe("a count typed as text with a comma before three digits („1,415”)", () => {
  test("is no whole number in Polish, and the message names the thousands reading too; no fix", () => {
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [COUNT]: "1,415" }) });
    expect(f.rule).toBe("number-as-text");
    expect(f.fix).toBeUndefined();
    expect(f.message.pl).toContain(
      "liczba 1,415 nie jest całkowita; wpisz liczbę całkowitą (albo 1 415, jeśli przecinek oddziela tysiące",
    );
    expect(f.message.en).toContain("(or 1,415, if the comma separates thousands as in English");
  });

  test("a comma before other than three digits keeps the plain message", () => {
    const [f] = validateMonitoring({ programme: MINI, sheet: SHEET, entries: entries({ [COUNT]: "150,5" }) });
    expect(f.message.pl).not.toContain("oddziela tysiące");
  });
});

describe("count-implausible: a count above maxCount (default DEFAULT_MAX_COUNT, one million)", () => {
  const run = (value: FoundValue, maxCount?: number) =>
    validateMonitoring({
      programme: MINI,
      sheet: SHEET,
      entries: entries({ [COUNT]: value }),
      options: maxCount === undefined ? {} : { maxCount },
    });
  test("one million itself, and the published report's largest figures, are no warning", () => {
    expect(DEFAULT_MAX_COUNT).toBe(1_000_000);
    expect(run(1_000_000)).toEqual([]);
    expect(run(8692)).toEqual([]);
  });
  test("the message names the value and the limit, in Polish and in English", () => {
    const [f] = run(1e12);
    expect(f.message.pl).toContain("liczba 1 000 000 000 000 jest większa niż 1 000 000");
    expect(f.message.pl).toContain("PESEL");
    expect(f.message.en).toContain("the count 1,000,000,000,000 is above 1,000,000");
  });
  test("the limit is a parameter: maxCount moves it, and a bad one is refused", () => {
    const at = (fs: { indicatorId: string | null; rule: string }[]) =>
      fs.filter((f) => f.indicatorId === COUNT).map((f) => f.rule);
    expect(at(run(5000, 4000))).toEqual(["count-implausible"]);
    expect(at(run(5000, 5000))).toEqual([]);
    expect(() => run(5, -1)).toThrow(/maxCount must be a number ≥ 0/);
    expect(() => run(5, NaN)).toThrow(/maxCount/);
  });
  test("an error of the value comes first and alone (a fraction above the limit is a fraction)", () => {
    expect(run(2_000_000.5).map((f) => f.rule)).toEqual(["fractional-count"]);
  });
});
