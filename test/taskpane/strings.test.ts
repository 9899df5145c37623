/**
 * The pane's Polish: every counted noun through the one plural helper (Intl.PluralRules) at 0, 1, 2, 5, 12
 * and 22; the message builders pick the right form; no Polish-mode text carries English words (the
 * string tables, the message builders and the messages of lower layers as the pane shows them).
 */
import { countOf, formatDateIso, pluralForm } from "../../src/domain/i18n";
import { errorMessage } from "../../src/taskpane/host";
import {
  cellCount,
  confirmText,
  count,
  layoutDoneText,
  moreRowsText,
  badCardText,
  NOUNS,
  UI,
} from "../../src/taskpane/i18n";
import { importFailedText } from "../../src/taskpane/participants/flows";
import { planCreatedText, planSummaryText } from "../../src/taskpane/participants/PlanPart";
import { discardCloseText, discardOpenText, openingLabel } from "../../src/taskpane/FileBar";
import {
  createdText,
  evaluationSummaryText,
  importedText,
  importedUncheckedText,
  importPreviewText,
  nothingToImportText,
  PARTICIPANTS_TEXT,
  shortfallText,
  verdictText,
} from "../../src/taskpane/participants/ParticipantsSection";
import { FileOpenError, openFailureReason } from "../../src/taskpane/standaloneHost";
import {
  callDoneText,
  monitoringDoneText,
  progressText,
  replaceText,
  S as SUMMARY_TEXT,
} from "../../src/taskpane/summaries/strings";
import { findingCounts, VALIDATION_TEXT } from "../../src/taskpane/validation/ValidationPanel";
import type { Finding } from "../../src/domain/validation";

const COUNTS = [0, 1, 2, 5, 12, 22] as const;
/** The Polish form each count takes: 0 plików, 1 plik, 2 pliki, 5 plików, 12 plików, 22 pliki. */
const EXPECTED = ["many", "one", "few", "many", "many", "few"] as const;

describe("plural helper (Intl.PluralRules)", () => {
  test.each(Object.keys(NOUNS) as (keyof typeof NOUNS)[])("%s: 0, 1, 2, 5, 12, 22", (noun) => {
    const forms = NOUNS[noun].pl;
    expect(COUNTS.map((n) => count(n, noun, "pl"))).toEqual(
      COUNTS.map((n, i) => `${n} ${forms[EXPECTED[i]]}`),
    );
    expect(COUNTS.map((n) => count(n, noun, "en"))).toEqual(
      COUNTS.map((n) => `${n} ${n === 1 ? NOUNS[noun].en.one : NOUNS[noun].en.other}`),
    );
  });

  test("the three Polish forms are real forms (one differs from many)", () => {
    for (const [k, v] of Object.entries(NOUNS)) expect(`${k}: ${v.pl.one}`).not.toBe(`${k}: ${v.pl.many}`);
  });

  test("numbers grouped as Polish prints them; 112 and 1 022 follow their last digits", () => {
    expect(countOf(1796, NOUNS.participant, "pl")).toBe("1\u00a0796 uczestników");
    expect(pluralForm(112, NOUNS.file, "pl")).toBe("plików");
    expect(pluralForm(1022, NOUNS.file, "pl")).toBe("pliki");
    expect(countOf(1796, NOUNS.participant, "en")).toBe("1,796 participants");
  });

  test("dates: dd.mm.rrrr in Polish, ISO in English", () => {
    expect(formatDateIso("2025-01-31", "pl")).toBe("31.01.2025");
    expect(formatDateIso("2025-01-31", "en")).toBe("2025-01-31");
  });

  test("message builders take the form of their count", () => {
    const forms = (n: number) => EXPECTED[COUNTS.indexOf(n as (typeof COUNTS)[number])];
    for (const n of COUNTS) {
      const f = forms(n);
      expect(shortfallText({ kind: "effectiveness", shortfall: n }, "pl")).toBe(
        n === 0 ? "" : `Brakuje ${n} ${NOUNS.employed.pl[f]}`,
      );
      expect(shortfallText({ kind: "formal", shortfall: n }, "pl")).toBe(
        n === 0 ? "" : `Brakuje ${n} ${NOUNS.participantGen.pl[f]}`,
      );
      expect(verdictText({ notMet: 0, total: n }, "pl")).toBe(
        `Niespełnione: 0 z ${n} ${NOUNS.criterionGen.pl[f]}`,
      );
      expect(importedText(n, "pl")).toContain(`Zaimportowano ${n} ${NOUNS.participantGen.pl[f]}.`);
      expect(createdText(n, "Kryteria 9.1", "pl")).toContain(`(${n} ${NOUNS.row.pl[f]})`);
      expect(progressText(1, n, "pl")).toBe(`Czytanie plików: 1 z ${n} ${NOUNS.fileGen.pl[f]}`);
      expect(cellCount(n, "pl")).toBe(`${n} ${NOUNS.cell.pl[f]}`);
      expect(callDoneText(n, n, "X", "pl")).toContain(
        `${n} ${NOUNS.project.pl[f]}, ${n} ${NOUNS.participant.pl[f]}`,
      );
    }
    const plan = (participants: number) => ({
      participants,
      formalMet: 4,
      formal: 6,
      points: 5,
      possible: 20,
      findings: 1,
    });
    expect(planSummaryText(plan(1), "pl")).toBe(
      "Plan: 1 uczestnik. Kryteria formalne spełnione: 4 z 6. Punkty premiujące: 5 z 20. Uwagi: 1.",
    );
    expect(planSummaryText(plan(1796), "pl")).toMatch(/^Plan: 1\u00a0796 uczestników\./);
    expect(planSummaryText(plan(1), "en")).toMatch(/^Plan: 1 participant\./);
    expect(planSummaryText(plan(1796), "en")).toMatch(/^Plan: 1,796 participants\./);
    expect([1, 2, 5, 22].map((n) => planCreatedText({ kept: n, withRegister: false }, "pl"))).toEqual([
      "Gotowe: arkusz „Plan projektu” (zachowano 1 wpisaną liczbę).",
      "Gotowe: arkusz „Plan projektu” (zachowano 2 wpisane liczby).",
      "Gotowe: arkusz „Plan projektu” (zachowano 5 wpisanych liczb).",
      "Gotowe: arkusz „Plan projektu” (zachowano 22 wpisane liczby).",
    ]);
    expect(planCreatedText({ kept: 1, withRegister: true }, "en")).toBe(
      "Done: sheet “Plan projektu” (1 typed number kept), with the register's actual figures.",
    );
    expect(importedUncheckedText(1, "pl")).toBe(
      "Zaimportowano 1 uczestnika. Przeliczanie kryteriów przerwano: kliknij „Sprawdź kryteria”, aby je zobaczyć.",
    );
    expect(nothingToImportText({ file: "a.csv", incoming: 0 }, "pl")).toContain("nikogo nie dodano");
    expect(nothingToImportText({ file: "a.csv", incoming: 1 }, "pl")).toBe(
      "Plik „a.csv”: 1 wiersz, jest już w rejestrze: nikogo nie dodano.",
    );
    expect(nothingToImportText({ file: "a.csv", incoming: 5 }, "pl")).toBe(
      "Plik „a.csv”: 5 wierszy, wszystkie są już w rejestrze: nikogo nie dodano.",
    );
    expect(shortfallText({ kind: "formal", shortfall: 1 }, "pl")).toBe("Brakuje 1 uczestnika");
    // A rule for every participant (IPD, internships: 100%) is not met by adding people.
    const every = { kind: "formal" as const, threshold: 1, denominator: 120 };
    expect(shortfallText({ ...every, shortfall: 1 }, "pl")).toBe("1 uczestnik nie spełnia warunku");
    expect(shortfallText({ ...every, shortfall: 10 }, "pl")).toBe("10 uczestników nie spełnia warunku");
    expect(shortfallText({ ...every, shortfall: 1 }, "en")).toBe("1 participant does not meet it yet");
    expect(shortfallText({ ...every, shortfall: 19 }, "en")).toBe("19 participants do not meet it yet");
    // The group-size rule (a count of 50, no denominator) is still met by adding people.
    expect(shortfallText({ kind: "formal", threshold: 50, denominator: null, shortfall: 45 }, "pl")).toBe(
      "Brakuje 45 uczestników",
    );
    expect(progressText(1, 1, "pl")).toBe("Czytanie plików: 1 z 1 pliku");
    expect(confirmText("Monitoring 2023", 1, "pl")).toContain("1 komórka różni się");
    expect(confirmText("Monitoring 2023", 3, "pl")).toContain("3 komórki różnią się");
  });
});

/** Words that are English and never Polish (short Polish words such as "a", "to", "no", "on" left out). */
const ENGLISH = [
  "the",
  "not",
  "file",
  "files",
  "sheet",
  "sheets",
  "error",
  "errors",
  "cell",
  "cells",
  "row",
  "rows",
  "participant",
  "participants",
  "archive",
  "is",
  "are",
  "of",
  "and",
  "with",
  "cannot",
  "could",
  "failed",
  "unexpected",
  "damaged",
  "unsupported",
  "empty",
  "missing",
  "found",
  "workbook",
  "done",
  "cancel",
  "open",
  "download",
  "warning",
  "warnings",
  "an",
  "or",
  "no",
  "zip archive",
  "password",
  "bytes",
  "old",
  "save",
  "it",
  "as",
  "from",
  "this",
  "that",
  "more",
  "needed",
  "met",
  "pending",
  "call",
  "card",
];
// "no" and "or" are kept out of the word test below (Polish "no"), checked as phrases only.
const WORDS = new Set(ENGLISH.filter((w) => !["no", "or", "zip archive"].includes(w)));

function englishIn(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-ząćęłńóśźż]+/)
    .filter((w) => WORDS.has(w));
}

function polishTexts(): string[] {
  const tables = [UI, PARTICIPANTS_TEXT, VALIDATION_TEXT, SUMMARY_TEXT] as Record<
    string,
    { pl: string; en: string }
  >[];
  const out: string[] = [];
  for (const table of tables)
    for (const [k, v] of Object.entries(table))
      // The language switch is written in the language it switches to (lang="en" in the markup).
      if (k !== "switchLanguage" && k !== "switchLanguageShort") out.push(v.pl);
  const finding = (severity: "error" | "warning", rule: Finding["rule"]): Finding => ({
    rule,
    severity,
    sheet: "M",
    cell: "A1",
    indicatorId: null,
    value: null,
    message: { pl: "", en: "" },
  });
  for (const n of COUNTS) {
    out.push(
      shortfallText({ kind: "effectiveness", shortfall: n }, "pl"),
      shortfallText({ kind: "formal", shortfall: n }, "pl"),
      verdictText({ notMet: n, total: 25 }, "pl"),
      importPreviewText({ file: "lista.csv", incoming: n, toAdd: n, duplicates: n }, "pl"),
      importedText(n, "pl"),
      nothingToImportText({ file: "lista.csv", incoming: n }, "pl"),
      importedUncheckedText(n, "pl"),
      planSummaryText(
        { participants: n, formalMet: n, formal: n, points: n, possible: n, findings: n },
        "pl",
      ),
      planCreatedText({ kept: n, withRegister: n % 2 === 0 }, "pl"),
      createdText(n, "Kryteria 9.1", "pl"),
      evaluationSummaryText({ asOf: "2025-01-01", participants: n, pending: n }, "pl"),
      progressText(n, n, "pl"),
      callDoneText(n, n, "Podsumowanie naboru", "pl"),
      monitoringDoneText([2023, 2024], n, "Podsumowanie", "pl"),
      confirmText("Monitoring 2023", n, "pl"),
      moreRowsText(n, "pl"),
      layoutDoneText({ sheet: "Monitoring 2023", kept: n }, "pl"),
      findingCounts([finding("error", "negative"), finding("warning", "empty")].slice(0, n % 3), "pl"),
    );
  }
  out.push(
    discardOpenText("a.xlsx", "b.xlsx", "pl"),
    openingLabel("rejestr.xlsx", 12_345_678, "pl"),
    discardCloseText("a.xlsx", "pl"),
    badCardText("karta.json", "(card): not valid JSON").pl,
    importFailedText("lista.xlsx", { pl: "to nie jest plik .xlsx (nie jest archiwum zip)", en: "" }).pl,
    replaceText("X", "pl"),
  );
  // Lower layers' English messages as the pane shows them in Polish.
  for (const [message, reason] of [
    ["not an .xlsx file (not a zip archive)", "not-zip"],
    ["empty file (0 bytes)", "empty"],
    ["not an .xlsx file: an encrypted (password-protected) workbook or an old .xls", "encrypted"],
    ["an old .xls file: save it as .xlsx in Excel or LibreOffice", "legacy-xls"],
    ["damaged or unsupported .xlsx file: Corrupted zip", "damaged"],
    ["Unexpected token in the file", undefined],
  ] as const) {
    const e = Object.assign(new Error(message), { reason });
    out.push(openFailureReason(e).pl);
    out.push(
      new FileOpenError({
        message: { pl: `Nie można otworzyć pliku „x.xlsx”: ${openFailureReason(e).pl}.`, en: "" },
      }).info.message.pl,
    );
  }
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  out.push(errorMessage(new TypeError("Cannot read properties of undefined (reading 'values')")).pl);
  spy.mockRestore();
  return out;
}

test("error messages say which file, what is wrong and what to do — in English too", () => {
  const card = badCardText("karta.json", "(card): not valid JSON");
  expect(card.en).toMatch(
    /^Cannot load a card from “karta\.json”: .+ Check its contents or use the built-in card\. Details: \(card\): not valid JSON$/,
  );
  expect(card.pl).not.toContain("JSON —");
  const imp = importFailedText("lista.xlsx", { pl: "to nie jest plik .xlsx", en: "not an .xlsx file" });
  expect(imp.pl).toBe(
    "Nie można zaimportować uczestników z pliku „lista.xlsx”: to nie jest plik .xlsx. Wybierz plik .xlsx (zapisany w Excelu lub LibreOffice, bez hasła) albo .csv z wierszem nagłówków rejestru uczestników.",
  );
  expect(imp.en).toMatch(/^Cannot import participants from “lista\.xlsx”: not an \.xlsx file\. Pick an /);
});

describe("no English in Polish mode", () => {
  test("the word list catches English (the check can fail)", () => {
    expect(englishIn("Nie można otworzyć pliku: not an .xlsx file (not a zip archive)")).toEqual(
      expect.arrayContaining(["not", "file"]),
    );
  });

  test("string tables, message builders and lower layers' messages in Polish", () => {
    const bad = polishTexts()
      .map((t) => ({ t, words: englishIn(t.replace(/„[^”]*”/g, "")) }))
      .filter((x) => x.words.length > 0);
    expect(bad).toEqual([]);
  });

  test("Polish messages start with a capital letter", () => {
    // Sentences only: one-word fragments ("jest", "brak") are parts of a line, not messages.
    const lower = polishTexts().filter((t) => t.includes(" ") && /^[a-ząćęłńóśźż]/.test(t));
    // Reasons are completed into a sentence ("Nie można otworzyć pliku …: <reason>."), so they may start lower case.
    const reasons = new Set(
      ["not-zip", "empty", "encrypted", "legacy-xls", "damaged", undefined].map(
        (r) => openFailureReason(Object.assign(new Error("x"), { reason: r })).pl,
      ),
    );
    expect(lower.filter((t) => !reasons.has(t) && !/^(wczytaj|cel dla|karta nie)/.test(t))).toEqual([]);
  });
});

describe("the file bar names the file it is opening", () => {
  it("says which file and how big, in both languages", () => {
    expect(openingLabel("rejestr.xlsx", 12_345_678, "pl")).toBe(
      "Otwieranie pliku „rejestr.xlsx” (12,3\u00a0MB)…",
    );
    expect(openingLabel("list.csv", 340_400, "en")).toBe("Opening “list.csv” (340\u00a0KB)…");
  });
});
