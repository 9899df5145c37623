import * as fs from "fs";
import * as path from "path";
import { Card, Evaluation } from "../../domain/card/types";
import { allRequiredMet, evaluate } from "../../domain/card/evaluate";
import { Lang } from "../../domain/i18n";
import { checkRegister } from "../../domain/register/checks";
import { readXlsx } from "../../hosts/xlsx/read";
import { SheetCells } from "../../workbook/cells";
import { parseCsvBytes } from "../../workbook/csv";
import {
  csvSheet,
  readRegisterSheet,
  readRegisterWorkbook,
  RegisterReadError,
} from "../../workbook/register/reader";
import { parseArgs } from "../args";
import { loadCard, oneLine, parseAsOf } from "../cardOptions";
import { CliCommand, CliError } from "../io";

const USAGE =
  "miernik check <plik.xlsx|plik.csv> [--card rpo-wl-9.1-2016|karta.json] [--as-of RRRR-MM-DD] [--json] [--lang pl|en] [-o wynik.xlsx]";

type WriteCheckWorkbook = (
  out: string,
  participants: SheetCells,
  card: Card,
  asOf: number,
  lang: Lang,
) => Promise<void>;

/** The -o writer of issue 5 (src/cli/checkOutput.ts), when present in this build. */
function checkOutputWriter(): WriteCheckWorkbook | null {
  try {
    const m = require("../checkOutput") as { writeCheckWorkbook?: WriteCheckWorkbook };
    return typeof m.writeCheckWorkbook === "function" ? m.writeCheckWorkbook : null;
  } catch {
    return null;
  }
}

async function readRegisterFile(file: string): Promise<SheetCells> {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`nie można odczytać pliku / cannot read the file: ${oneLine(e)}`);
  }
  if (file.toLowerCase().endsWith(".csv")) return csvSheet(parseCsvBytes(bytes));
  let wb;
  try {
    wb = await readXlsx(bytes);
  } catch (e) {
    throw new CliError(`nieczytelny plik .xlsx / unreadable .xlsx: ${oneLine(e)}`);
  }
  const picked = readRegisterWorkbook(wb);
  const sheet = wb.sheets.find((s) => s.name === picked.sheet);
  if (!sheet) throw new CliError(`brak arkusza ${picked.sheet} / sheet missing`);
  return sheet;
}

/** The --json shape of the issue. */
export function toJson(e: Evaluation, lang: Lang): unknown {
  return {
    card: e.card,
    asOf: e.asOf,
    participants: e.participants,
    pending: e.pending,
    criteria: e.criteria.map((c) => ({
      id: c.id,
      kind: c.kind,
      numerator: c.numerator,
      denominator: c.denominator,
      share: c.share,
      threshold: c.threshold,
      met: c.met,
      points: c.points,
      shortfall: c.shortfall,
      target: c.target ?? null,
    })),
    rowIssues: e.rowIssues.map((i) => ({
      row: i.row,
      column: i.column,
      rule: i.rule,
      severity: i.severity,
      message: i.message[lang],
    })),
  };
}

const pct = (v: number | null, lang: Lang = "pl"): string => {
  if (v === null) return "—";
  const t = (Math.round(v * 1000) / 10).toFixed(1);
  return `${lang === "pl" ? t.replace(".", ",") : t}%`;
};

/** A readable table: one line per criterion, then the row issues. */
export function formatTable(e: Evaluation, card: Card, lang: Lang): string {
  const pl = lang === "pl";
  const lines: string[] = [];
  lines.push(`${card.title[lang]}`);
  lines.push(
    pl
      ? `Stan na ${e.asOf} · uczestników: ${e.participants} · oczekujących na wynik: ${e.pending}`
      : `As of ${e.asOf} · participants: ${e.participants} · pending: ${e.pending}`,
  );
  lines.push("");
  const metText = (m: boolean | null): string =>
    m === null ? (pl ? "nie dotyczy" : "n/a") : m ? (pl ? "TAK" : "YES") : pl ? "NIE" : "NO";
  const head = pl
    ? ["Kryterium", "Licznik", "Mianownik", "Udział", "Próg", "Spełnione", "Punkty", "Brakuje"]
    : ["Criterion", "Numerator", "Denominator", "Share", "Threshold", "Met", "Points", "Shortfall"];
  const rows = e.criteria.map((c) => [
    c.id,
    String(c.numerator),
    c.denominator === null ? "—" : String(c.denominator),
    c.denominator === null ? "—" : pct(c.share, lang),
    c.kind === "product"
      ? String(c.target ?? "—")
      : c.threshold === null
        ? "—"
        : c.denominator === null
          ? String(c.threshold)
          : pct(c.threshold, lang),
    c.kind === "product" ? "—" : metText(c.met),
    c.kind === "premium" ? (c.points === null ? "—" : String(c.points)) : "",
    c.shortfall === null ? "—" : String(c.shortfall),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const fmt = (r: string[]): string =>
    r.map((v, j) => (j === 0 ? v.padEnd(widths[j]) : v.padStart(widths[j]))).join("  ");
  lines.push(fmt(head));
  for (const r of rows) lines.push(fmt(r));
  const points = e.criteria.reduce((s, c) => s + (c.kind === "premium" && c.points ? c.points : 0), 0);
  lines.push("", pl ? `Punkty za kryteria premiujące: ${points}` : `Premium points: ${points}`);
  if (e.rowIssues.length > 0) {
    lines.push(
      "",
      pl ? `Problemy w wierszach (${e.rowIssues.length}):` : `Row problems (${e.rowIssues.length}):`,
    );
    for (const i of e.rowIssues)
      lines.push(
        `  ${pl ? "wiersz" : "row"} ${i.row}${i.column ? ` · ${i.column}` : ""} · ${i.severity} · ${i.rule}: ${i.message[lang]}`,
      );
  }
  lines.push(
    "",
    allRequiredMet(e)
      ? pl
        ? "Wszystkie kryteria formalne i efektywności spełnione lub nie dotyczą."
        : "Every formal and effectiveness criterion is met or not applicable."
      : pl
        ? "Nie wszystkie kryteria formalne i efektywności są spełnione."
        : "Not every formal and effectiveness criterion is met.",
  );
  return lines.join("\n");
}

export const command: CliCommand = {
  name: "check",
  summary:
    "Sprawdza rejestr uczestników i kryteria karty naboru (kod 0: spełnione, 1: niespełnione, 2: nieczytelne dane lub karta) / " +
    "checks the participant register against a call's criteria card (exit 0 met, 1 not met, 2 unreadable input or bad card)",
  usage: USAGE,
  async run(args, io) {
    const writer = checkOutputWriter();
    const { positional, options } = parseArgs(args, {
      values: ["card", "as-of", "lang", ...(writer ? ["output"] : [])],
      flags: ["json"],
      aliases: writer ? { "-o": "--output" } : {},
    });
    if (positional.length !== 1)
      throw new CliError("podaj jeden plik .xlsx lub .csv / give one .xlsx or .csv file");
    const lang = (options.lang ?? "pl") as string;
    if (lang !== "pl" && lang !== "en") throw new CliError(`--lang: pl lub en / pl or en`);
    const card = loadCard(typeof options.card === "string" ? options.card : undefined, io.cwd);
    const asOf = parseAsOf(typeof options["as-of"] === "string" ? options["as-of"] : undefined);
    const file = path.resolve(io.cwd, positional[0]);
    let sheet: SheetCells;
    let rows;
    try {
      sheet = await readRegisterFile(file);
      rows = readRegisterSheet(sheet).rows;
    } catch (e) {
      if (e instanceof RegisterReadError) throw new CliError(lang === "pl" ? e.pl : e.en);
      throw e;
    }
    const { participants, issues } = checkRegister(rows, card.parameters);
    const evaluation = evaluate(participants, card, asOf, issues);
    if (writer && typeof options.output === "string") {
      const out = path.resolve(io.cwd, options.output);
      if (out === file)
        throw new CliError(
          "plik wynikowy nie może być plikiem wejściowym / the output cannot be the input file",
        );
      try {
        await writer(out, sheet, card, asOf, lang);
      } catch (e) {
        throw new CliError(`nie można zapisać ${options.output} / cannot write: ${oneLine(e)}`);
      }
    }
    io.out(
      options.json ? JSON.stringify(toJson(evaluation, lang), null, 2) : formatTable(evaluation, card, lang),
    );
    return allRequiredMet(evaluation) ? 0 : 1;
  },
};
