import { readFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../../src/workbook/csv";
import {
  csvSheet,
  readRegisterSheet,
  readRegisterWorkbook,
  RegisterReadError,
} from "../../../src/workbook/register/reader";
import { checkRegister } from "../../../src/domain/register/checks";
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { d } from "../../fixtures/register/participants";

const fx = (f: string): string => readFileSync(join(__dirname, "../../fixtures/register", f), "utf8");
const card = builtinCard("rpo-wl-9.1-2016") as Card;

describe("register reader", () => {
  it("an SL2014-style export (extra columns, other order, other header case, comma, BOM, CRLF) imports like the canonical sheet", () => {
    const canon = checkRegister(readRegisterSheet(csvSheet(parseCsv(fx("canonical.csv")))).rows);
    const sl = checkRegister(readRegisterSheet(csvSheet(parseCsv(fx("sl2014.csv")))).rows);
    expect(canon.participants.length).toBe(5);
    expect(sl.participants).toEqual(canon.participants);
    expect(sl.issues).toEqual(canon.issues);
    const asOf = d("2025-01-01");
    expect(evaluate(sl.participants, card, asOf)).toEqual(evaluate(canon.participants, card, asOf));
  });
  it("reads the typed values of the canonical fixture", () => {
    const { participants, issues } = checkRegister(
      readRegisterSheet(csvSheet(parseCsv(fx("canonical.csv")))).rows,
    );
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(participants[0]).toMatchObject({
      row: 2,
      pesel: "80010112357",
      sex: "M",
      isced: 3,
      status: "unemployedRegistered",
      longTerm: true,
      fte: 1,
    });
    expect(participants[1]).toMatchObject({
      row: 3,
      birthDate: d("1970-05-12"),
      startDate: d("2024-03-01"),
      disabled: true,
      isced: 5,
    });
    expect(participants[2]).toMatchObject({
      dropoutReason: "job",
      contractType: "civil",
      contractValue3x: true,
      status: "inactive",
    });
  });
  it("a missing required column is one error naming it", () => {
    const rows = parseCsv(fx("canonical.csv")).map((r) => r.filter((_v, j) => j !== 5 && j !== 17));
    let err: unknown;
    try {
      readRegisterSheet(csvSheet(rows, "Import"));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RegisterReadError);
    // „IPD” is a column the project keeps itself (no system export has it): read without it, with a warning.
    expect((err as RegisterReadError).pl).toBe(
      "Arkusz „Import”: brak wymaganej kolumny „Płeć” — dodaj ją w wierszu nagłówków (wiersz 1).",
    );
    const noIpd = parseCsv(fx("canonical.csv")).map((r) => r.filter((_v, j) => j !== 17));
    expect(readRegisterSheet(csvSheet(noIpd, "Import")).absent).toEqual(["IPD"]);
  });
  it("finds the header row below a title block and reports sheet rows; picks the Uczestnicy sheet", () => {
    const rows = parseCsv(fx("canonical.csv"));
    const sheet = { name: "Dane", top: 0, left: 0, values: [["Rejestr uczestników"], [null], ...rows] };
    const r = readRegisterWorkbook({
      sheets: [{ name: "Notatki", top: 0, left: 0, values: [["x"]] }, sheet],
    });
    expect(r.headerRow).toBe(3);
    expect(r.rows[0].row).toBe(4);
    const named = readRegisterWorkbook({ sheets: [sheet, { ...csvSheet(rows), top: 4 }] });
    expect(named.sheet).toBe("Uczestnicy");
    expect(named.rows[0].row).toBe(6);
  });
  it("a workbook without the register is one clear error", () => {
    expect(() =>
      readRegisterWorkbook({ sheets: [{ name: "A", top: 0, left: 0, values: [["x", "y"]] }] }),
    ).toThrow(RegisterReadError);
  });
});
