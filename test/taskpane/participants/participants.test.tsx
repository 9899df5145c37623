/**
 * The Participants section over a fake WorkbookHost that keeps what is written: create keeps typed rows,
 * import adds only new rows and never touches existing ones, check shows the engine's figures, a foreign
 * `Uczestnicy` sheet is replaced only when the user says so.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as fs from "fs";
import * as path from "path";
import { renderToString } from "react-dom/server";
import { evaluate } from "../../../src/domain/card/evaluate";
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card, Participant } from "../../../src/domain/card/types";
import { checkRegister } from "../../../src/domain/register/checks";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import type { WorkbookHost } from "../../../src/taskpane/host";
import {
  applyImport,
  checkCriteria,
  createRegister,
  ParticipantsDeps,
  previewImport,
} from "../../../src/taskpane/participants/flows";
import {
  mappingLines,
  ParticipantsSection,
  workingText,
} from "../../../src/taskpane/participants/ParticipantsSection";
import { parseA1 } from "../../../src/workbook/address";
import type { SheetCells } from "../../../src/workbook/cells";
import { criteriaCellMap } from "../../../src/workbook/criteria/plan";
import type { NamePlan, SheetPlan } from "../../../src/workbook/plan";
import { readRegisterSheet } from "../../../src/workbook/register/reader";
import { planGrid } from "../../workbook/summary/hfLoader";
import { d, ENDED, JOB, many } from "../../fixtures/register/participants";
import { csvBytes, makePesel, registerRows } from "../../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = d("2024-09-01");

/** Keeps written sheets as cells (values only, formulas dropped), like reading them back from Excel. */
class MemoryHost implements WorkbookHost {
  readonly kind = "excel" as const;
  sheets = new Map<string, SheetCells>();
  writes: { plans: SheetPlan[]; names: NamePlan[] }[] = [];
  excelApi = () => true;
  listSheets = () => Promise.resolve([...this.sheets.keys()]);
  readSheet = (name: string) => Promise.resolve(this.sheets.get(name) ?? null);
  writePlans = (plans: SheetPlan[], names: NamePlan[]) => {
    this.writes.push({ plans, names });
    for (const p of plans)
      this.sheets.set(p.name, {
        name: p.name,
        top: 0,
        left: 0,
        values: planGrid(p).map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? null : v))),
      });
    return Promise.resolve({ syncs: 2 });
  };
  showSheet = () => Promise.resolve();
}

function deps(host: WorkbookHost, answer = true, asked: string[] = []): ParticipantsDeps {
  return {
    host,
    lang: "pl",
    confirmReplace: (sheet) => (asked.push(sheet), Promise.resolve(answer)),
  };
}

function withPesels(ps: Participant[], base: number): Participant[] {
  return ps.map((p, i) => ({ ...p, pesel: makePesel(p.birthDate!, p.sex!, base + i), noPesel: false }));
}

const registerCells = (ps: Participant[]): SheetCells => ({
  name: "Uczestnicy",
  top: 0,
  left: 0,
  values: registerRows(ps),
});

test("create on an empty workbook writes the criteria sheet, the register table and Słowniki", async () => {
  const host = new MemoryHost();
  const out = await createRegister(deps(host), card, AS_OF);
  expect(out.status).toBe("done");
  expect(host.writes[0].plans.map((p) => p.name)).toEqual(["Kryteria 9.1", "Uczestnicy", "Słowniki"]);
  expect(host.writes[0].names.map((n) => n.name)).toEqual(
    expect.arrayContaining(["P_asOf", "U_status", "D_employed"]),
  );
});

test("re-creating keeps every typed row, as typed", async () => {
  const host = new MemoryHost();
  const typed = registerCells(withPesels(many(3), 10));
  host.sheets.set("Uczestnicy", typed);
  await createRegister(deps(host), card, AS_OF);
  const after = readRegisterSheet(host.sheets.get("Uczestnicy")!).rows.map((r) => r.values);
  expect(after).toEqual(readRegisterSheet(typed).rows.map((r) => r.values));
  await createRegister(deps(host), card, AS_OF); // and again: the same
  expect(readRegisterSheet(host.sheets.get("Uczestnicy")!).rows.map((r) => r.values)).toEqual(after);
});

test("re-creating keeps the applicant typed on the criteria sheet (where summarize reads it)", async () => {
  const host = new MemoryHost();
  await createRegister(deps(host), card, AS_OF);
  const crit = host.sheets.get(card.sheetName)!;
  const { row, col } = parseA1(criteriaCellMap(card).applicant);
  expect(crit.values[row][col]).toBeNull();
  crit.values[row][col] = "Fundacja Wpisana";
  await createRegister(deps(host), card, AS_OF);
  expect(host.sheets.get(card.sheetName)!.values[row][col]).toBe("Fundacja Wpisana");
});

test("an import names the file's applicant on a criteria sheet without one; a typed one stays", async () => {
  const host = new MemoryHost();
  const { row, col } = parseA1(criteriaCellMap(card).applicant);
  const file = { name: "lista.csv", bytes: csvBytes(withPesels(many(2), 300), "Fundacja z Pliku") };
  const preview = await previewImport(deps(host), file, readXlsx);
  expect(preview.applicant).toBe("Fundacja z Pliku");
  await applyImport(deps(host), card, AS_OF, preview);
  expect(host.sheets.get(card.sheetName)!.values[row][col]).toBe("Fundacja z Pliku");
  host.sheets.get(card.sheetName)!.values[row][col] = "Wpisana ręcznie";
  const next = { name: "b.csv", bytes: csvBytes(withPesels(many(2), 400), "Inna Fundacja") };
  await applyImport(deps(host), card, AS_OF, await previewImport(deps(host), next, readXlsx));
  expect(host.sheets.get(card.sheetName)!.values[row][col]).toBe("Wpisana ręcznie");
});

test("a foreign sheet named Uczestnicy is replaced only after asking", async () => {
  const host = new MemoryHost();
  host.sheets.set("Uczestnicy", { name: "Uczestnicy", top: 0, left: 0, values: [["my notes"]] });
  const asked: string[] = [];
  expect((await createRegister(deps(host, false, asked), card, AS_OF)).status).toBe("kept");
  expect(asked).toEqual(["Uczestnicy"]);
  expect(host.writes).toHaveLength(0);
  expect((await createRegister(deps(host, true), card, AS_OF)).status).toBe("done");
});

test("import adds only new participants (same PESEL = already there) after the existing rows", async () => {
  const host = new MemoryHost();
  const existing = withPesels(many(3), 100);
  host.sheets.set("Uczestnicy", registerCells(existing));
  const incoming = [...existing.slice(0, 2), ...withPesels(many(3, { sex: "F" }), 200)];
  const preview = await previewImport(deps(host), { name: "new.csv", bytes: csvBytes(incoming) }, readXlsx);
  expect([preview.incoming, preview.duplicates, preview.toAdd.length]).toEqual([5, 2, 3]);
  await applyImport(deps(host), card, AS_OF, preview);
  const rows = readRegisterSheet(host.sheets.get("Uczestnicy")!).rows;
  expect(rows).toHaveLength(6);
  const before = readRegisterSheet(registerCells(existing)).rows;
  expect(rows.slice(0, 3).map((r) => r.values)).toEqual(before.map((r) => r.values));
  expect(rows.slice(3).map((r) => r.values.sex)).toEqual(["Kobieta", "Kobieta", "Kobieta"]);
});

test("an export without the columns the project keeps (IPD, Szkolenie, …) imports; the preview says they stay empty", async () => {
  const host = new MemoryHost();
  const lines = new TextDecoder().decode(csvBytes(withPesels(many(2), 300))).split(/\r?\n/);
  const cells = lines.map((l) => l.split(";"));
  const drop = new Set(["IPD", "Szkolenie", "Osoba odchodząca z rolnictwa"].map((h) => cells[0].indexOf(h)));
  expect(drop.has(-1)).toBe(false);
  const exported = cells.map((r) => r.filter((_v, j) => !drop.has(j)).join(";")).join("\n");
  const preview = await previewImport(
    deps(host),
    { name: "Uczestnicy_projektu_Efs_2024-05-01.csv", bytes: new TextEncoder().encode(exported) },
    readXlsx,
  );
  expect([preview.incoming, preview.toAdd.length]).toEqual([2, 2]);
  expect(preview.absent).toEqual(["Osoba odchodząca z rolnictwa", "IPD", "Szkolenie"]);
  expect(mappingLines(preview, "pl").at(-1)).toBe(
    "Brak w pliku: „Osoba odchodząca z rolnictwa”, „IPD”, „Szkolenie” — te kolumny zostaną puste; uzupełnij je w arkuszu „Uczestnicy” po imporcie.",
  );
  expect(mappingLines(preview, "en").at(-1)).toContain(
    "Not in the file: “Osoba odchodząca z rolnictwa”, “IPD”",
  );
  // Each language its own quotes, the column lines too (never „Lp.” on an English screen).
  const mapped = (lang: "pl" | "en") => mappingLines(preview, lang).filter((l) => l.includes("→"));
  expect(mapped("pl").length).toBeGreaterThan(3);
  expect(mapped("pl").filter((l) => !l.startsWith("„"))).toEqual([]);
  expect(mapped("en").filter((l) => !l.startsWith("“"))).toEqual([]);
  await applyImport(deps(host), card, AS_OF, preview);
  const rows = readRegisterSheet(host.sheets.get("Uczestnicy")!).rows;
  expect(rows.map((r) => [r.values.ipd, r.values.training])).toEqual([
    [null, null],
    [null, null],
  ]);
});

test("the same file imported again adds nobody: rows without PESEL are found too (dates and numbers as the register holds them)", async () => {
  const host = new MemoryHost();
  const bytes = new Uint8Array(
    fs.readFileSync(path.join(__dirname, "../../fixtures/register/canonical.csv")),
  );
  const first = await previewImport(deps(host), { name: "lista.csv", bytes }, readXlsx);
  // canonical.csv: five people, four of them without PESEL, dates typed as text ("12.05.1970", "2024-03-01").
  expect(first.toAdd.filter((r) => !r.values.pesel).length).toBe(4);
  await applyImport(deps(host), card, AS_OF, first);
  const again = await previewImport(deps(host), { name: "lista.csv", bytes }, readXlsx);
  expect([again.incoming, again.duplicates, again.toAdd.length]).toEqual([5, 5, 0]);
  // Renumbered (Lp.) or not, the same person is the same row; another person is not.
  const text = new TextDecoder()
    .decode(bytes)
    .replace(/^2;Anna;Kowalska;/m, "12;Anna;Kowalska;")
    .replace(/^3;Ewa;/m, "3;Ewelina;");
  const changed = await previewImport(
    deps(host),
    { name: "lista2.csv", bytes: new TextEncoder().encode(text) },
    readXlsx,
  );
  expect(changed.toAdd.map((r) => r.values.firstName)).toEqual(["Ewelina"]);
});

test("an import file that cannot be read: the message names the file, says why and what to pick instead", async () => {
  const host = new MemoryHost();
  const damaged = await previewImport(
    deps(host),
    { name: "lista.xlsx", bytes: new TextEncoder().encode("not a zip") },
    readXlsx,
  ).catch((e: { info: { message: { pl: string; en: string } } }) => e.info.message);
  expect(damaged).toMatchObject({
    pl: expect.stringMatching(
      /^Nie można zaimportować uczestników z pliku „lista\.xlsx”: .+\. Wybierz plik \.xlsx/,
    ),
    en: expect.stringMatching(/^Cannot import participants from “lista\.xlsx”: .+\. Pick an \.xlsx file/),
  });
  const empty = await previewImport(
    deps(host),
    { name: "pusty.csv", bytes: new TextEncoder().encode(";;\n;;\n") },
    readXlsx,
  ).catch((e: { info: { message: { pl: string } } }) => e.info.message.pl);
  // Not the summaries' "brak danych do podsumowania": this is an import.
  expect(empty).toContain("plik jest pusty — nie ma w nim wierszy uczestników");
  // An Apple Numbers file: what it is and how to export it (not "unsupported file type").
  const numbers = await previewImport(
    deps(host),
    { name: "uczestnicy.numbers", bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
    readXlsx,
  ).catch((e: { info: { message: { pl: string; en: string } } }) => e.info.message);
  expect(numbers).toMatchObject({
    pl: expect.stringContaining(
      "„uczestnicy.numbers”: to plik Apple Numbers (.numbers), nie .xlsx: wyeksportuj go w Numbers jako .xlsx (Plik → Eksportuj do → Excel…).",
    ),
    en: expect.stringContaining("“uczestnicy.numbers”: an Apple Numbers file (.numbers), not an .xlsx"),
  });
  expect(host.writes).toHaveLength(0);
});

test("a cancelled import preview stops (AbortError) before anything is asked or written", async () => {
  const host = new MemoryHost();
  const bytes = new Uint8Array(
    fs.readFileSync(path.join(__dirname, "../../fixtures/register/canonical.csv")),
  );
  const cancel = new AbortController();
  cancel.abort();
  await expect(
    previewImport(deps(host), { name: "lista.csv", bytes }, readXlsx, cancel.signal),
  ).rejects.toMatchObject({ name: "AbortError" });
  expect(host.writes).toHaveLength(0);
});

test("an unreadable import file gives its reason and writes nothing", async () => {
  const host = new MemoryHost();
  await expect(
    previewImport(deps(host), { name: "x.csv", bytes: new TextEncoder().encode("a;b\n1;2\n") }, readXlsx),
  ).rejects.toMatchObject({ info: { message: { pl: expect.stringContaining("x.csv") } } });
  expect(host.writes).toHaveLength(0);
});

test("check criteria shows the engine's evaluation of the register in the workbook", async () => {
  const host = new MemoryHost();
  const ps = [...many(40, { ...ENDED, ...JOB }), ...many(10, { status: "inactive", longTerm: null })];
  host.sheets.set("Uczestnicy", registerCells(ps));
  const out = await checkCriteria(deps(host), card, AS_OF);
  const { participants, issues } = checkRegister(readRegisterSheet(registerCells(ps)).rows, card.parameters);
  expect(out.evaluation).toEqual(evaluate(participants, card, AS_OF, issues));
  expect(out.evaluation.criteria.find((c) => c.id === "formal.unemployed")).toMatchObject({
    numerator: 40,
    denominator: 50,
    met: true,
  });

  const html = (lang: "pl" | "en") =>
    renderToString(
      <FluentProvider theme={webLightTheme}>
        <ParticipantsSection host={host} lang={lang} initialCheck={out} />
      </FluentProvider>,
    );
  // The verdict first; not-met criteria shown open, met ones folded (their group counted in its heading).
  const notMet = out.evaluation.criteria.filter((c) => c.kind !== "product" && c.met === false).length;
  expect(notMet).toBeGreaterThan(0);
  expect(html("pl")).toContain(`Niespełnione: ${notMet} z 25 kryteriów`);
  // The figures as read (their parts are spans of their own, see Figure.tsx).
  const plain = (l: "pl" | "en") => html(l).replace(/<[^>]+>/g, "");
  expect(plain("pl")).toContain("0 / 40 = 0,0% (próg 60,0%)");
  expect(plain("pl")).not.toContain("40 / 50 = 80,0% (próg 80,0%)");
  expect(html("pl")).toContain("Utwórz rejestr uczestników");
  expect(html("pl")).toContain("Stan na 01.09.2024: 50 uczestników");
  expect(html("en")).toContain(`${notMet} of 25 criteria not met`);
  expect(plain("en")).toContain("0 / 40 = 0.0% (threshold 60.0%)");
  expect(html("en")).toContain("Create participant register");
  // A premium criterion whose points the card does not state (C4): said so, not "no points".
  const c4 = out.evaluation.criteria.find((c) => c.id === "premium.disabled"); // C4
  expect(c4?.points).toBeNull();
  expect(c4?.met).toBe(false);
  const text = (l: "pl" | "en") => html(l).replace(/<!-- -->/g, "");
  expect(text("pl")).toContain("Punkty: karta nie podaje liczby punktów");
  expect(text("en")).toContain("Points: the card does not state its points");
});

test("check without a register says what to do", async () => {
  await expect(checkCriteria(deps(new MemoryHost()), card, AS_OF)).rejects.toMatchObject({
    info: { message: { en: expect.stringContaining("create the participant register first") } },
  });
});

test("the busy line says what is going on, and how far once the work counts (Polish and English)", () => {
  expect(workingText(undefined, "pl")).toBe("Trwa praca…");
  expect(workingText(0.456, "pl")).toBe("Trwa praca… 46%");
  expect(workingText(1, "en")).toBe("Working… 100%");
  expect(workingText(Number.NaN, "en")).toBe("Working…");
});
