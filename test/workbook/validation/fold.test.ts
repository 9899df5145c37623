import { PROGRAMME } from "../../../src/domain/programme/programme";
import { Finding } from "../../../src/domain/validation";
import { cellRuns, foldEmptyFindings } from "../../../src/workbook/validation";

function f(sheet: string, cell: string, indicatorId: string, rule: Finding["rule"] = "empty"): Finding {
  return {
    rule,
    severity: rule === "negative" ? "error" : "warning",
    sheet,
    cell,
    indicatorId,
    value: null,
    message: { pl: `${sheet}!${cell} ${rule}`, en: `${sheet}!${cell} ${rule}` },
  };
}

describe("cellRuns", () => {
  test("consecutive rows of a column joined, columns apart, the rest as given", () => {
    expect(cellRuns(["E4", "E5", "E6", "E8", "F9", "F10", "E7"])).toBe("E4:E8, F9:F10");
    expect(cellRuns(["E12", "E4"])).toBe("E4, E12");
    expect(cellRuns(["E4", "E4"])).toBe("E4");
    expect(cellRuns(["E4", "??"])).toBe("E4, ??");
    expect(cellRuns([])).toBe("");
  });
});

describe("foldEmptyFindings", () => {
  test("per sheet: other findings first, then one line per area with ≥ 2 empty values; nothing dropped", () => {
    const findings = [
      f("Monitoring 2023", "E4", "1.1.1-1"),
      f("Monitoring 2023", "E5", "1.1.1-2"),
      f("Monitoring 2023", "E7", "1.1.3-1", "negative"),
      f("Monitoring 2023", "E34", "2.1.1-1"),
      f("Monitoring 2024", "E4", "1.1.1-1"),
      f("Monitoring 2024", "E5", "1.1.1-2"),
    ];
    const lines = foldEmptyFindings(findings, PROGRAMME);
    expect(
      lines.map((l) =>
        l.kind === "finding"
          ? `${l.finding.sheet}!${l.finding.cell}`
          : l.kind === "empties"
            ? `${l.fold.sheet}:${l.fold.key}:${l.fold.cells}`
            : `${l.fold.sheet}: missing`,
      ),
    ).toEqual([
      "Monitoring 2023!E7",
      "Monitoring 2023:I:E4:E5",
      "Monitoring 2023!E34",
      "Monitoring 2024:I:E4:E5",
    ]);
    const folded = lines.flatMap((l) => (l.kind === "finding" ? [l.finding] : l.fold.findings));
    expect(new Set(folded)).toEqual(new Set(findings));
    const fold = lines[1].kind === "empties" ? lines[1].fold : null;
    expect(fold!.message.pl).toBe(
      "Monitoring 2023, obszar I „Zapewnienie pomocy osobom bezrobotnym i…”: 2 puste wartości — E4:E5; wpisz wartości mierników (każdą komórkę z osobna podaje --json)",
    );
    expect(fold!.message.en).toContain(": 2 empty values — E4:E5;");
  });

  test("Polish plural forms of the count (1 is never folded; 2–4, 5+, 22)", () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => f("Monitoring 2023", `E${i + 4}`, "1.1.1-1"));
    const text = (n: number) => {
      const l = foldEmptyFindings(many(n), PROGRAMME)[0];
      return l.kind === "finding" ? l.finding.message.pl : l.fold.message.pl;
    };
    expect(text(1)).toBe("Monitoring 2023!E4 empty");
    expect(text(4)).toContain(": 4 puste wartości — E4:E7;");
    expect(text(5)).toContain(": 5 pustych wartości — E4:E8;");
    expect(text(22)).toContain(": 22 puste wartości — E4:E25;");
  });

  test("three or more missing indicator rows of a sheet: one line in the place of the first, nothing dropped", () => {
    const missing = (sheet: string, id: string): Finding => ({
      ...f(sheet, "", id, "layout-missing-indicator"),
      severity: "error",
      cell: null,
    });
    const header: Finding = {
      ...f("Monitoring 2023", "", "", "layout-header-not-found"),
      cell: null,
      severity: "error",
    };
    const ids = PROGRAMME.areas.flatMap((a) =>
      a.tasks.flatMap((t) => t.actions.flatMap((ac) => ac.indicators.map((i) => i.id))),
    );
    const all = [header, ...ids.map((id) => missing("Monitoring 2023", id))];
    const lines = foldEmptyFindings(all, PROGRAMME);
    expect(lines.map((l) => l.kind)).toEqual(["finding", "missing"]);
    const fold = lines[1].kind === "missing" ? lines[1].fold : null;
    expect(fold!.findings).toHaveLength(ids.length);
    expect(fold!.message.pl).toContain(
      `nie ma w nim wiersza żadnego z ${ids.length} mierników programu (1.1.1-1, `,
    );
    expect(fold!.message.pl).toContain(`, …, ${ids[ids.length - 1]})`);
    // Some rows missing: counted (genitive plural), the codes named.
    const some = foldEmptyFindings(
      [
        f("Monitoring 2024", "E9", "1.2.1-1", "negative"),
        ...["1.1.1-1", "1.1.1-2", "2.1.1-1"].map((id) => missing("Monitoring 2024", id)),
      ],
      PROGRAMME,
    );
    expect(some.map((l) => l.kind)).toEqual(["finding", "missing"]);
    expect(some[1].kind === "missing" && some[1].fold.message.pl).toBe(
      "Arkusz „Monitoring 2024”: brak wierszy 3 mierników (1.1.1-1, 1.1.1-2, 2.1.1-1) — wiersze usunięto albo zmieniono ich kody i nazwy. Utwórz arkusz ponownie z dodatku (wpisane wartości zostaną zachowane); --json podaje każdy miernik z osobna",
    );
    expect(some[1].kind === "missing" && some[1].fold.message.en).toContain(
      "no rows for 3 indicators (1.1.1-1,",
    );
    // Two are told one by one.
    const two = foldEmptyFindings(
      ["1.1.1-1", "1.1.1-2"].map((id) => missing("Monitoring 2024", id)),
      PROGRAMME,
    );
    expect(two.map((l) => l.kind)).toEqual(["finding", "finding"]);
  });
});
