import { readFileSync } from "fs";
import { join } from "path";
import { builtinCard, CardError, parseCard, parseCardText } from "../../../src/domain/card/load";
import { evaluate } from "../../../src/domain/card/evaluate";
import { BUILTIN_CARDS } from "../../../src/domain/card/load";
import { d, ENDED, JOB, person } from "../../fixtures/register/participants";

const other = readFileSync(join(__dirname, "../../fixtures/cards/other-call.json"), "utf8");

describe("card loading", () => {
  it("the shipped 9.1 card loads with its parameters and every criterion of the issue", () => {
    const c = builtinCard("rpo-wl-9.1-2016");
    expect(c).not.toBeNull();
    expect(c?.parameters).toMatchObject({
      subQuotaBase: "unemployed",
      lowQualificationMaxIsced: 3,
      effectivenessWindowDays: 90,
      excludeOtherDropouts: true,
      civilContractsCount: true,
      resultWindowDays: 28,
    });
    const ids = c?.criteria.map((x) => x.id) ?? [];
    for (const id of [
      "formal.unemployed",
      "formal.longTermUnemployed",
      "formal.leavingAgriculture",
      "formal.minParticipants",
      "formal.ipd",
      "formal.internship",
      "effectiveness.other",
      "premium.disabled",
      "result.A9",
      "product.B7",
    ])
      expect(ids).toContain(id);
    expect(ids.filter((i) => i.startsWith("result.")).length).toBe(9);
    expect(ids.filter((i) => i.startsWith("product.")).length).toBe(7);
  });
  it.each([
    [(j: any) => (j.criteria[3].threshold = 1.5), "criteria[3].threshold: expected a number 0–1"],
    [(j: any) => (j.criteria[0].group = "aliens"), "criteria[0].group: unknown group"],
    [(j: any) => delete j.criteria[2].label.en, "criteria[2].label.en: expected a non-empty string"],
    [
      (j: any) => (j.parameters.effectivenessWindowDays = "90"),
      "parameters.effectivenessWindowDays: expected a whole number 1–3650",
    ],
    [
      (j: any) => (j.parameters.effectivenessWindowDays = 1e308),
      "effectivenessWindowDays: expected a whole number 1–3650",
    ],
    [
      (j: any) => (j.parameters.effectivenessWindowDays = 0.5),
      "effectivenessWindowDays: expected a whole number 1–3650",
    ],
    [(j: any) => (j.parameters.resultWindowDays = 3651), "resultWindowDays: expected a whole number 1–3650"],
    [
      (j: any) => (j.parameters.lowQualificationMaxIsced = 1e9),
      "lowQualificationMaxIsced: expected a whole number 0–8",
    ],
    [(j: any) => (j.parameters.minFte = 1e300), "parameters.minFte: expected a number 0–1"],
    [(j: any) => (j.parameters.olderAge = -1), "parameters.olderAge: expected a whole number 15–100"],
    [(j: any) => (j.criteria[3].threshold = 1e300), "criteria[3].threshold: expected a number 0–1"],
    [(j: any) => (j.criteria[3].threshold = 5e-324 - 1), "criteria[3].threshold: expected a number 0–1"],
    [(j: any) => (j.criteria[0].id = "a\nb"), "criteria[0].id: control characters"],
    [(j: any) => (j.criteria[0].id = "1 bad id"), "criteria[0].id: expected an identifier"],
    [(j: any) => (j.id = "x\u001b[31m"), "id: control characters"],
    [(j: any) => (j.criteria[0].points = 101), "criteria[0].points: expected a number 0–100"],
    [(j: any) => (j.sheetName = "Uczestnicy"), 'sheetName: "Uczestnicy" is reserved'],
    [(j: any) => (j.sheetName = "słowniki"), 'sheetName: "słowniki" is reserved'],
    [(j: any) => (j.sheetName = "a".repeat(32)), "sheetName: longer than 31 characters"],
    [(j: any) => (j.sheetName = "Kryteria: 9.1"), "sheetName: contains one of"],
    [(j: any) => (j.sheetName = "'Kryteria"), "sheetName: starts or ends with an apostrophe"],
    [(j: any) => (j.parameters.colour = 1), "parameters.colour: unknown parameter"],
    [(j: any) => (j.criteria[4].kind = "bonus"), "criteria[4].kind: expected one of"],
    [(j: any) => (j.criteria[1].id = j.criteria[0].id), "criteria[1].id: duplicate id"],
  ])("a wrong card names the field (%#)", (mutate, msg) => {
    const j = JSON.parse(other);
    // thresholds: make index 3 a fraction criterion for the first case
    j.criteria[3] = { ...j.criteria[0], id: "x3" };
    mutate(j);
    expect(() => parseCard(j)).toThrow(CardError);
    expect(() => parseCard(j)).toThrow(msg);
  });
  it("invalid JSON text is a CardError", () => {
    expect(() => parseCardText("{")).toThrow(CardError);
  });
  it("the built-in JSON passes the same validator", () => {
    expect(() => parseCard(BUILTIN_CARDS["rpo-wl-9.1-2016"])).not.toThrow();
  });
});

describe("a second card with other thresholds and bases works with no code change", () => {
  const card = parseCardText(other);
  const asOf = d("2025-01-01");
  const ps = [
    person({ longTerm: true, isced: 2, ...ENDED, ...JOB }),
    person({ longTerm: false, isced: 3, ...ENDED }),
    person({
      status: "inactive",
      sex: "F",
      isced: 1,
      ...ENDED,
      ...JOB,
      contractType: "civil",
      contractValue3x: true,
    }),
    person({ sex: "F", isced: 2, ...ENDED, jobStartDate: d("2024-07-31"), contractType: "business" }),
  ];
  const e = evaluate(ps, card, asOf);
  const get = (id: string) => e.criteria.find((c) => c.id === id);
  it("sub-quota base from the card's parameter (all participants)", () => {
    expect(get("q.lt")).toMatchObject({ numerator: 1, denominator: 4, met: false, shortfall: 2 });
    expect(get("q.inactive")).toMatchObject({ numerator: 1, denominator: 4, met: true });
  });
  it("ISCED ≤ 2, 30-day window, civil contracts off", () => {
    // low-qualified ended: #1 (job 07-15 within 30 days), #3 (civil → not counted), #4 (07-31 = end+31 → out)
    expect(get("eff.low")).toMatchObject({ numerator: 1, denominator: 3, met: false, shortfall: 1 });
  });
  it("count and premium points", () => {
    expect(get("min")).toMatchObject({ numerator: 4, met: true });
    expect(get("p.women")).toMatchObject({ numerator: 2, denominator: 4, met: false, points: 0 });
  });
});
