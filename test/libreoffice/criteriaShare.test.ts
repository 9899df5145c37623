/**
 * A share just under its threshold reads under it in LibreOffice too: 1 199 long-term unemployed of 2 000
 * unemployed (59,95%) printed "60,0%" beside the 60% threshold and NIE; the criteria sheet's share format
 * (`shareFormat`) shows three decimals in that band. The same register's text (`miernik check`) reads "59,95%".
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertWithRecalc } from "../../src/cli/bench/soffice";
import { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import { Card } from "../../src/domain/card/types";
import { parseA1 } from "../../src/workbook/address";
import { criteriaCellMap } from "../../src/workbook/criteria/plan";
import { parseCsv } from "../../src/workbook/csv";
import { many } from "../fixtures/register/participants";
import { csvBytes } from "../fixtures/summary/projects";
import { SOFFICE } from "./soffice";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const describeLo = SOFFICE ? describe : describe.skip;

/** Every sheet as CSV of the values *as shown* (token 9 true), in a Polish locale. */
const SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

describeLo("criteria sheet shares at a threshold (LibreOffice, as shown)", () => {
  test("59,95% reads 59,950% beside 60% and NIE; exactly 60% reads 60,0%", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-share-"));
    try {
      const registers = { under: 1199, at: 1200 };
      const out: CliIO & { text: string[] } = {
        cwd: dir,
        text: [],
        out: (t) => out.text.push(t),
        err: () => {},
      };
      for (const [name, ltu] of Object.entries(registers)) {
        fs.writeFileSync(
          path.join(dir, `${name}.csv`),
          csvBytes([...many(ltu, { longTerm: true }), ...many(2000 - ltu, { longTerm: false })]),
        );
        await run(
          ["check", `${name}.csv`, "-o", `${name}.xlsx`, "--as-of", "2024-09-01", "--applicant", "X"],
          out,
        );
      }
      const text = out.text.join("\n");
      expect(text).toMatch(/^1a\s+1\s199\s+2\s000\s+59,95%\s+60,0%\s+NIE\s/m);
      expect(text).toMatch(/^1a\s+1\s200\s+2\s000\s+60,0%\s+60,0%\s+TAK\s/m);
      const files = Object.keys(registers).map((n) => path.join(dir, `${n}.xlsx`));
      const r = convertWithRecalc(files, SHOWN, 180_000, { locale: "pl-PL" });
      try {
        const { row, col } = parseA1(criteriaCellMap(card).criteria["formal.longTermUnemployed"].share);
        const shown = (name: string) => {
          const csv = fs.readFileSync(path.join(r.out, `${name}-${card.sheetName}.csv`), "utf8");
          const line = parseCsv(csv, ",")[row]; // parseA1: 0-based
          return [line[col], line[col + 1], line[col + 2]].map((v) => String(v ?? ""));
        };
        // Share, threshold, met.
        expect(shown("under")).toEqual(["59,950%", "60%", "NIE"]);
        expect(shown("at")).toEqual(["60,0%", "60%", "TAK"]);
      } finally {
        fs.rmSync(r.work, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
