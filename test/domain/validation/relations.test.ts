import { PROGRAMME } from "../../../src/domain/programme/programme";
import { RELATIONS, relationHolds } from "../../../src/domain/programme/relations";
import { indicatorIndex } from "../../../src/domain/validation";

describe("relations against the programme data", () => {
  const index = indicatorIndex(PROGRAMME);

  test("at least five, with unique ids", () => {
    expect(RELATIONS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(RELATIONS.map((r) => r.id)).size).toBe(RELATIONS.length);
  });

  test.each(RELATIONS.map((r) => [r.id, r] as const))("%s names existing count indicators", (_id, r) => {
    expect(index.get(r.left)?.unit).toBe("count");
    expect(index.get(r.right)?.unit).toBe("count");
    expect(r.left).not.toBe(r.right);
  });

  test.each(RELATIONS.map((r) => [r.id, r] as const))("%s holds on the seed's 2023 values", (_id, r) => {
    expect(relationHolds(r.kind, index.get(r.left)!.sample2023, index.get(r.right)!.sample2023)).toBe(true);
  });

  test("the labels are what the justifications say", () => {
    expect(index.get("1.3.2-2")!.label).toMatch(/podjęły pracę po szkoleniach/);
    expect(index.get("1.3.3-1")!.label).toMatch(/uczestników szkoleń/);
    expect(index.get("1.5.1-1")!.label).toMatch(/programów/);
    expect(index.get("1.5.1-2")!.label).toMatch(/objętych programami/);
    expect(index.get("1.2.1-2")!.label).toMatch(/wystawców/);
    expect(index.get("2.2.1-2")!.label).toMatch(/wyrejestrowa/);
    expect(index.get("1.2.4-1")!.label).toMatch(/wyrejestrowanych/);
    expect(index.get("3.2.1-1")!.label).toMatch(/pracodawców współpracujących/);
    expect(index.get("3.2.4-1")!.label).toMatch(/nowych pracodawców/);
  });
});
