import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card, Participant } from "../../../src/domain/card/types";
import { isoToSerial } from "../../../src/domain/dates";
import {
  applicantKey,
  CallSummaryBuilder,
  projectCriteria,
  summarizeCall,
} from "../../../src/domain/summary/callSummary";
import { participants } from "../../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = isoToSerial("2025-06-30") as number;

const isUnemployed = (p: Participant): boolean =>
  p.status === "unemployedRegistered" || p.status === "unemployedUnregistered";

interface Gen {
  file: string;
  applicant: string | null;
  participants: Participant[];
}

function generated(): Gen[] {
  const sizes = [0, 1, 7, 50, 120, 33, 64, 5, 90, 12];
  const applicants = [
    "Fundacja A",
    "fundacja  a",
    "Stowarzyszenie B",
    null,
    "FUNDACJA A.",
    "Spółka C",
    null,
    "Spółka C",
    "Spółdzielnia D",
    "Fundacja Ą",
  ];
  return sizes.map((n, i) => ({
    file: `projekt-${i + 1}.csv`,
    applicant: applicants[i],
    participants: participants(n, 100 + i),
  }));
}

describe("call summary totals equal sums computed independently", () => {
  const gens = generated();
  const s = summarizeCall(card, AS_OF, gens);

  test("participants and product indicators B1–B4 are counts over every participant", () => {
    const all = gens.flatMap((g) => g.participants);
    expect(s.participants).toBe(all.length);
    const byId = new Map(s.totals.map((t) => [t.id, t]));
    const b1 = all.filter(isUnemployed).length;
    const b2 = all.filter((p) => isUnemployed(p) && p.longTerm === true).length;
    const b3 = all.filter((p) => p.status === "inactive").length;
    const b4 = all.filter((p) => p.disabled === true).length;
    const b7 = all.filter((p) => p.leavingAgriculture === true).length;
    expect(byId.get("product.B1")!.numerator).toBe(b1);
    expect(byId.get("product.B2")!.numerator).toBe(b2);
    expect(byId.get("product.B3")!.numerator).toBe(b3);
    expect(byId.get("product.B4")!.numerator).toBe(b4);
    expect(byId.get("product.B7")!.numerator).toBe(b7);
    expect(byId.get("product.B1")!.target).toBe(1875);
    expect(byId.get("product.B1")!.reached).toBeCloseTo(b1 / 1875, 12);
    expect(byId.get("product.B2")!.reached).toBeCloseTo(b2 / 1125, 12);
    expect(b1).toBeGreaterThan(0);
  });

  test("result indicators: numerators and denominators are sums of the projects' evaluations", () => {
    for (const t of s.totals.filter((x) => x.kind === "result")) {
      let n = 0;
      let d = 0;
      for (const g of gens) {
        const r = evaluate(g.participants, card, AS_OF).criteria.find((c) => c.id === t.id)!;
        n += r.numerator;
        d += r.denominator ?? 0;
      }
      expect([t.id, t.numerator, t.denominator]).toEqual([t.id, n, d]);
      const threshold = card.criteria.find((c) => c.id === t.id)!.threshold!;
      expect(t.target).toBe(threshold);
      if (d > 0) {
        expect(t.value).toBeCloseTo(n / d, 12);
        expect(t.reached).toBeCloseTo(n / d / threshold, 12);
      } else expect(t.value).toBeNull();
    }
    // A1: employed after leaving among the unemployed who left — d is people who left, so some d > 0.
    expect(s.totals.find((t) => t.id === "result.A1")!.denominator).toBeGreaterThan(0);
  });

  test("one row per project with its own evaluation, premium points and required-criteria flag", () => {
    expect(s.projects.map((p) => p.file)).toEqual(gens.map((g) => g.file));
    const shown = projectCriteria(card).map((c) => c.id);
    expect(shown.length).toBe(16);
    gens.forEach((g, i) => {
      const e = evaluate(g.participants, card, AS_OF);
      const p = s.projects[i];
      expect(p.participants).toBe(g.participants.length);
      expect(p.criteria.map((c) => c.id)).toEqual(shown);
      for (const c of p.criteria) {
        const r = e.criteria.find((x) => x.id === c.id)!;
        expect([c.id, c.numerator, c.denominator, c.share, c.met]).toEqual([
          r.id,
          r.numerator,
          r.denominator,
          r.share,
          r.met,
        ]);
      }
      const points = e.criteria
        .filter((c) => c.kind === "premium" && c.met === true)
        .reduce((sum, c) => sum + (card.criteria.find((k) => k.id === c.id)!.points ?? 0), 0);
      expect(p.premiumPoints).toBe(points);
      const required = e.criteria
        .filter((c) => c.kind === "formal" || c.kind === "effectiveness")
        .every((c) => c.met !== false);
      expect(p.requiredMet).toBe(required);
    });
    // The empty project fails the minimum-participants criterion.
    expect(s.projects[0].criteria.find((c) => c.id === "formal.minParticipants")!.met).toBe(false);
  });
});

describe("flags", () => {
  test("an applicant in more than two files is flagged (names compared ignoring case, spacing, dots)", () => {
    const s = summarizeCall(card, AS_OF, generated());
    // "Fundacja A", "fundacja  a", "FUNDACJA A." → 3 files; "Fundacja Ą" compares equal without diacritics too.
    expect(s.applicantsOverLimit).toEqual([
      {
        applicant: "Fundacja A",
        files: ["projekt-1.csv", "projekt-2.csv", "projekt-5.csv", "projekt-10.csv"],
      },
    ]);
    expect(s.projects[0].applicantFiles).toBe(4);
    expect(s.projects[5].applicantFiles).toBe(2); // Spółka C: two files, within the limit
    expect(s.projects[3].applicantFiles).toBe(0); // no applicant
    expect(applicantKey("  Fundacja   A. ")).toBe(applicantKey("fundacja a"));
  });

  test("exactly two files per applicant is within the limit; the limit is a parameter", () => {
    const ps = participants(3, 1);
    const two = [
      { file: "a.csv", applicant: "X", participants: ps },
      { file: "b.csv", applicant: "x", participants: ps.map((p) => ({ ...p, pesel: null })) },
    ];
    expect(summarizeCall(card, AS_OF, two).applicantsOverLimit).toEqual([]);
    expect(
      summarizeCall(card, AS_OF, two, [], { maxApplicationsPerApplicant: 1 }).applicantsOverLimit,
    ).toEqual([{ applicant: "X", files: ["a.csv", "b.csv"] }]);
    expect(() => new CallSummaryBuilder(card, AS_OF, { maxApplicationsPerApplicant: 0 })).toThrow(RangeError);
  });

  test("a PESEL in two projects is flagged once with both files; repeated within one project it is not", () => {
    const a = participants(10, 1, 1000); // PESEL numbers 1000…1009
    const b = participants(10, 2, 1007); // 1007…1016: three shared with a
    const c = participants(5, 3, 5000); // none shared
    const dupInside = [...c, { ...c[0], row: 99 }];
    const s = summarizeCall(card, AS_OF, [
      { file: "a.csv", applicant: null, participants: a },
      { file: "b.csv", applicant: null, participants: b },
      { file: "c.csv", applicant: null, participants: dupInside },
    ]);
    const shared = a.slice(7).map((p) => p.pesel);
    expect(s.sharedPesels.map((f) => f.pesel).sort()).toEqual([...shared].sort());
    for (const f of s.sharedPesels) expect(f.files).toEqual(["a.csv", "b.csv"]);
    expect(s.projects.map((p) => p.sharedPesels)).toEqual([3, 3, 0]);
  });

  test("problems are kept with their reasons; the projects are still summarised", () => {
    const s = summarizeCall(
      card,
      AS_OF,
      [{ file: "ok.csv", applicant: null, participants: participants(4, 9) }],
      [{ file: "bad.xlsx", reason: { pl: "uszkodzony", en: "damaged" } }],
    );
    expect(s.problems).toEqual([{ file: "bad.xlsx", reason: { pl: "uszkodzony", en: "damaged" } }]);
    expect(s.projects).toHaveLength(1);
    expect(s.participants).toBe(4);
  });
});
