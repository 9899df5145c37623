/**
 * Issue 12: a participant list saved the way Polish Excel saves CSV — Windows-1250, `;`, dates `DD.MM.RRRR`,
 * written here with `iconv -f UTF-8 -t WINDOWS-1250` from a generated register — opens in the standalone page
 * (production build, Debian's Chromium) with the same criteria on screen as `miernik check --json`; imported into a
 * register, the dialog lists the encoding and which file column fed which register column, and the downloaded
 * register gives the CLI the same criteria again.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { cleanTable, DATE_FORMS, toCsvText } from "../fixtures/register/exports";
import { participants } from "../fixtures/summary/projects";
import { expectAccessible } from "./a11y";
import { Session } from "./browser";
import { openPane, Pane, selectTab } from "./pane";
import { cardText, CliCheck } from "./criteria";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin", "miernik.js");
const AS_OF = "2025-01-01";

function cliJson(args: string[]): CliCheck {
  try {
    return JSON.parse(execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8" }));
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    if (out) return JSON.parse(out);
    throw e;
  }
}

describe("a Windows-1250 CSV from Polish Excel in the standalone page (issue 12)", () => {
  let pane: Pane;
  let s: Session;
  let tmp: string;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js")))
      throw new Error("run `npm run build:cli` first");
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-e2e-import-"));
    pane = await openPane({ host: "standalone" });
    s = pane.session;
  }, 60_000);
  afterAll(async () => {
    await pane?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("criteria on screen equal the CLI's; the import lists the encoding and the columns; the register agrees", async () => {
    const page = s.page;
    const text = toCsvText(cleanTable(participants(150, 23, 7000), DATE_FORMS["dd.mm.yyyy"]), ";");
    const bytes = execFileSync("iconv", ["-f", "UTF-8", "-t", "WINDOWS-1250"], { input: text });
    // Really Windows-1250: not valid UTF-8, and "ę" (0xEA) where UTF-8 would have two bytes.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder("windows-1250").decode(bytes)).toBe(text);
    const list = path.join(tmp, "uczestnicy-excel.csv");
    fs.writeFileSync(list, bytes);

    const expected = cliJson(["check", list, "--as-of", AS_OF, "--json"]);
    expect(expected.participants).toBe(150);

    // Import it (no workbook open yet: the register goes into a new one). The dialog lists how the file was
    // read and which file column fed which register column.
    await selectTab(page, "Uczestnicy");
    await page.getByLabel("Stan na dzień").fill(AS_OF);
    await page.getByLabel("Importuj uczestników (.xlsx, .csv)").setInputFiles(list);
    await page.getByRole("alertdialog", { name: "Import uczestników" }).waitFor();
    const mapping = await page.locator("[data-column-mapping] li").allTextContents();
    expect(mapping[0]).toBe("Plik CSV: kodowanie Windows-1250, separator ;");
    expect(mapping).toContain("„Płeć” (F) → Płeć");
    expect(mapping).toContain("„Wykształcenie” (I) → Wykształcenie");
    await expectAccessible(page, "standalone import dialog with the column mapping");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Dodaj" }).click(),
    ]);
    const saved = path.join(tmp, "rejestr.xlsx");
    await download.saveAs(saved);
    const back = await readXlsx(fs.readFileSync(saved));
    expect(back.sheets.map((x) => x.name)).toEqual(expect.arrayContaining(["Uczestnicy", "Kryteria 9.1"]));
    const fromRegister = cliJson(["check", saved, "--as-of", AS_OF, "--json"]);
    expect(fromRegister.participants).toBe(expected.participants);
    expect(fromRegister.criteria).toEqual(expected.criteria);

    // Open the CSV itself (Otwórz plik) and check it: the criteria on screen are the CLI's.
    await page.locator('input[data-file-input="open"]').setInputFiles(list);
    await page.locator("[data-state-file]", { hasText: "uczestnicy-excel" }).waitFor();
    await page.getByLabel("Stan na dzień").fill(AS_OF);
    await page.getByRole("button", { name: "Sprawdź kryteria" }).click();
    await page.locator("[data-summary]").waitFor();
    expect(await page.locator("[data-summary]").textContent()).toBe(
      `Stan na 01.01.2025: ${expected.participants} uczestników, oczekujący na wynik: ${expected.pending}`,
    );
    // The verdict leads; every group opened to read each criterion.
    const folded = page.locator("main button[aria-expanded='false']");
    while ((await folded.count()) > 0) await folded.first().click();
    for (const c of expected.criteria)
      expect(`${c.id}: ${await page.locator(`[data-criterion="${c.id}"] [data-value]`).textContent()}`).toBe(
        `${c.id}: ${cardText(c)}`,
      );
  }, 120_000);
});
