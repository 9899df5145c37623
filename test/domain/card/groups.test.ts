import {
  Condition,
  derive,
  GROUP_CONDITIONS,
  GROUP_IDS,
  GROUP_BIT,
  groupMask,
  GROUPS,
  PERSON_KEY_MAX,
  personKey,
} from "../../../src/domain/card/groups";
import { builtinCard } from "../../../src/domain/card/load";
import { sampleParticipants } from "../../../src/domain/card/sample";
import { Card, CardParameters } from "../../../src/domain/card/types";
import { checkRegister } from "../../../src/domain/register/checks";
import { participantToValues, RowValue } from "../../../src/domain/register/toRow";
import { ColumnKey } from "../../../src/domain/register/columns";

const card = builtinCard("rpo-wl-9.1-2016") as Card;
const asOf = 45500;

/** Evaluates a condition the way COUNTIFS would over the written cells and the derived flag columns. */
function holds(
  c: Condition,
  values: Record<ColumnKey, RowValue>,
  flags: Record<string, unknown>,
  params: CardParameters,
): boolean {
  if ("derived" in c) return flags[c.derived] === true;
  const v = values[c.column];
  if ("equals" in c) return typeof v === "string" && v.toLowerCase() === c.equals.toLowerCase();
  if (typeof v !== "number") return false;
  const k = "value" in c ? c.value : (params[c.param] as number);
  return c.op === ">" ? v > k : c.op === ">=" ? v >= k : v <= k;
}

describe("group definitions as data", () => {
  const people = [...sampleParticipants(3000, 3)];
  it("every group's conditions select exactly the participants its predicate selects", () => {
    const mismatches: [string, number][] = [];
    for (const g of GROUP_IDS) {
      let count = 0;
      for (const p of people) {
        const dv = derive(p, card.parameters, asOf);
        const values = participantToValues(p);
        const byData = GROUP_CONDITIONS[g].every((c) =>
          holds(c, values, dv as unknown as Record<string, unknown>, card.parameters),
        );
        if (byData !== GROUPS[g].test(p, dv, card.parameters)) mismatches.push([g, p.row]);
        if (byData) count++;
      }
      if (g !== "all") expect([g, count > 0 && count < people.length]).toEqual([g, true]);
    }
    expect(mismatches).toEqual([]);
  });
  it("participant → register cells → checkRegister gives the same participant", () => {
    const rows = people.slice(0, 500).map((p) => ({ row: p.row, values: participantToValues(p) }));
    const back = checkRegister(rows, card.parameters).participants;
    // The checks add each row's identity (one person, one count); every generated person is another one.
    const strip = (p: (typeof back)[number]) => {
      const rest = { ...p };
      delete rest.personKey;
      delete rest.duplicateOf;
      return rest;
    };
    expect(back.map(strip)).toEqual(people.slice(0, 500));
    expect(back.every((p) => p.duplicateOf === null && typeof p.personKey === "string")).toBe(true);
  });
});

describe("personKey's name key by table (issue 15) is the general expression's string", () => {
  // The general expression, as personKey spelled every name key before the table (the reference).
  const FOLD: Record<string, string> = {
    Ą: "A",
    Ć: "C",
    Ę: "E",
    Ł: "L",
    Ń: "N",
    Ó: "O",
    Ś: "S",
    Ź: "Z",
    Ż: "Z",
  };
  const trim = (s: string) => s.replace(/ +/g, " ").replace(/^ | $/g, "");
  const reference = (first: string, last: string, birth: number): string | null => {
    const f = trim(first);
    const l = trim(last);
    if (f === "" || l === "") return null;
    const key = `N:${`${f}|${l}`.toUpperCase().replace(/[ĄĆĘŁŃÓŚŹŻ]/g, (c) => FOLD[c])}|${Math.floor(birth)}`;
    return key.replace(/[~*?]/g, "_").slice(0, PERSON_KEY_MAX);
  };
  it("on random names of ASCII, Polish and other letters, wildcards and spaces", () => {
    const params = {
      ...(builtinCard("rpo-wl-9.1-2016") as Card).parameters,
      duplicatesByNameAndBirthDate: true,
    };
    const chars = "aZąĄćĆęĘłŁńŃóÓśŚźŹżŻéßüÿ~*?|- \t\u00a0'.0";
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const name = () => Array.from({ length: rnd(12) }, () => chars[rnd(chars.length)]).join("");
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const first = name();
      const last = i % 50 === 0 ? "x".repeat(190) + name() : name();
      const birth = 20000 + rnd(20000) + (i % 3) / 4;
      if (personKey(null, first, last, birth, params) !== reference(first, last, birth))
        wrong.push(JSON.stringify([first, last, birth]));
    }
    expect(wrong).toEqual([]);
  });
});

test("groupMask says for every group what its test says (the evaluation counts by it)", () => {
  const params: CardParameters = { ...card.parameters, internshipMinMonths: 2, internshipMaxMonths: 4 };
  let n = 0;
  for (const p of sampleParticipants(800, 21)) {
    // Unknowns too: every field of some participants set to null.
    if (n++ % 7 === 0)
      for (const k of ["training", "qualification", "internshipLinked", "ipd", "sex", "status"] as const)
        (p as unknown as Record<string, unknown>)[k] = null;
    const d = derive(p, params, asOf);
    const m = groupMask(p, d, params);
    for (const g of GROUP_IDS)
      expect([g, (m & GROUP_BIT[g]) !== 0]).toEqual([g, GROUPS[g].test(p, d, params)]);
  }
});
