import { Participant } from "./types";

/** Small deterministic PRNG (mulberry32) so generated registers are reproducible from a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = 45352; // 2024-03-01

/**
 * A seeded synthetic participant (no PESEL: `Brak PESEL` = Tak, birth date given), covering every field the
 * criteria read: statuses, long-term, ended / dropped out, jobs of each contract type, windows edges.
 */
export function sampleParticipant(r: () => number, row: number): Participant {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const status = pick([
    "unemployedRegistered",
    "unemployedRegistered",
    "unemployedUnregistered",
    "inactive",
    "employed",
  ] as const);
  const start = START + Math.floor(r() * 200);
  const ended = r() < 0.7;
  const end = ended ? start + 30 + Math.floor(r() * 150) : null;
  const dropout = ended && r() < 0.3 ? pick(["job", "school", "other"] as const) : null;
  const hasJob = r() < 0.5;
  const jobStart = hasJob ? start + Math.floor(r() * ((end ?? start + 60) - start + 120)) : null;
  const training = r() < 0.6;
  const intern = r() < 0.3 ? pick([2, 3, 4, 6, 7]) : null;
  return {
    row,
    firstName: "Imię",
    lastName: `Nazwisko${row}`,
    pesel: null,
    noPesel: true,
    sex: r() < 0.5 ? "F" : "M",
    birthDate: start - Math.floor((28 + r() * 35) * 365.25),
    isced: Math.floor(r() * 6),
    status,
    longTerm: status === "unemployedRegistered" || status === "unemployedUnregistered" ? r() < 0.6 : null,
    monthsWithoutWork: Math.floor(r() * 30),
    leavingAgriculture: r() < 0.2,
    disabled: r() < 0.15 ? true : r() < 0.05 ? null : false,
    startDate: start,
    endDate: end,
    pathCompleted: ended ? dropout === null : null,
    dropoutReason: dropout,
    ipd: r() < 0.97,
    training,
    trainingWhiteGreen: training ? r() < 0.2 : null,
    qualification: training ? r() < 0.8 : null,
    internshipMonths: intern,
    internshipLinked: intern ? r() < 0.9 : null,
    jobStartDate: jobStart,
    contractType: hasJob ? pick(["employment", "civil", "business"] as const) : null,
    employmentMonths: hasJob ? pick([1, 2, 3, 6, 12]) : null,
    fte: hasJob ? pick([0.25, 0.5, 1]) : null,
    contractValue3x: hasJob ? r() < 0.5 : null,
    nonAgriculturalJob: hasJob ? r() < 0.7 : null,
    startupFunds: r() < 0.05,
  };
}

/** A lazily generated register of n participants (rows 2…n+1): nothing is held in memory. */
export function* sampleParticipants(n: number, seed = 1): Generator<Participant> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) yield sampleParticipant(r, i + 2);
}
