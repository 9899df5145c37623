/** How a typed value is read as an allowed value (`matchAllowed`): exact, case, spelling, a shortened form. */
import { DISABILITY, STATUS, SUBSTATUS, YES_NO } from "../../../src/domain/register/columns";
import { matchAllowed } from "../../../src/domain/register/values";

const STATUSES = Object.values(STATUS);
const SUB = Object.values(SUBSTATUS);

test.each<[string, readonly string[], string, "exact" | "case" | "spelling"]>([
  [STATUS.inactive, STATUSES, STATUS.inactive, "exact"],
  ["Osoba bierna zawodowo", STATUSES, STATUS.inactive, "case"],
  ["osoba  bierna zawodowo ", STATUSES, STATUS.inactive, "spelling"],
  // Without the leading "osoba", as hand-kept lists shorten them.
  ["bierna zawodowo", STATUSES, STATUS.inactive, "spelling"],
  ["Pracująca", STATUSES, STATUS.employed, "spelling"],
  ["pracujaca", STATUSES, STATUS.employed, "spelling"],
  ["długotrwale bezrobotna", SUB, SUBSTATUS.longTerm, "spelling"],
  ["K", ["Kobieta", "Mężczyzna"], "Kobieta", "spelling"],
])("%s → the allowed value (%#)", (typed, allowed, value, how) => {
  expect(matchAllowed(typed, allowed)).toEqual({ value, how });
});

test.each<[string, readonly string[]]>([
  // Two values without "osoba": which one is meant is not known.
  ["bezrobotna zarejestrowana", STATUSES],
  ["bezrobotna", STATUSES],
  // Not a value of the list at all.
  ["inne", STATUSES],
  ["x", YES_NO],
  ["odmowa", DISABILITY],
])("%s → none", (typed, allowed) => {
  expect(matchAllowed(typed, allowed)).toBeNull();
});
