import { ProfileCounts } from "../../../src/domain/card/evaluate";

function counted(p: ProfileCounts): Map<number, number> {
  const out = new Map<number, number>();
  p.forEach((k, c) => {
    expect(out.has(k)).toBe(false);
    out.set(k, c);
  });
  return out;
}

describe("ProfileCounts (the Tallier's rows per profile)", () => {
  it("counts like a Map through growth, runs and keys up to 2^31 − 1", () => {
    const p = new ProfileCounts();
    const ref = new Map<number, number>();
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 50_000; i++) {
      // Runs of one profile, a few common ones and many rare ones (thousands of distinct keys: the table grows).
      const key = rnd() < 0.3 ? 5 : rnd() < 0.5 ? Math.floor(rnd() * 8) * 16 : Math.floor(rnd() * 2 ** 31);
      const times = rnd() < 0.1 ? 3 : 1;
      for (let t = 0; t < times; t++) {
        p.add(key);
        ref.set(key, (ref.get(key) ?? 0) + 1);
      }
    }
    p.add(0);
    p.add(2 ** 31 - 1);
    ref.set(0, (ref.get(0) ?? 0) + 1);
    ref.set(2 ** 31 - 1, (ref.get(2 ** 31 - 1) ?? 0) + 1);
    expect(counted(p)).toEqual(ref);
  });

  it("an empty table has no profiles", () => {
    expect(counted(new ProfileCounts()).size).toBe(0);
  });
});
