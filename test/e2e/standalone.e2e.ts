/**
 * The production build opened outside Office (standalone page) in Debian's Chromium: every tab renders
 * in Polish and English, passes axe-core with no serious or critical violations, can be driven by the
 * keyboard, lays out the monitoring template as a downloaded .xlsx holding the 60 indicators, and sends
 * no request off 127.0.0.1. Screenshots go to test-output/screenshots.
 */
import * as fs from "fs";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { expectAccessible } from "./a11y";
import { screenshot, Session } from "./browser";
import { expectCspClean, openPane, Pane, selectTab } from "./pane";

describe("standalone page (production build)", () => {
  let pane: Pane;
  let s: Session;
  beforeAll(async () => {
    pane = await openPane({ host: "standalone" });
    s = pane.session;
  }, 60_000);
  afterAll(async () => {
    await pane?.close();
  });

  test("every tab in Polish and English: accessible, screenshots taken", async () => {
    const page = s.page;
    for (const lang of ["pl", "en"] as const) {
      const tabs =
        lang === "pl"
          ? ["Monitoring", "Uczestnicy", "Podsumowania"]
          : ["Monitoring", "Participants", "Summaries"];
      for (const name of tabs) {
        await selectTab(page, name);
        await page.waitForTimeout(100);
        await expectAccessible(page, `${lang}/${name}`);
        await screenshot(page, `standalone-${lang}-${name.toLowerCase()}`);
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      if (lang === "pl") {
        // Keyboard only: focus the language switch and press Enter.
        await page.getByRole("button", { name: "Switch to English" }).focus();
        await page.keyboard.press("Enter");
        await page.getByRole("tab", { name: "Participants" }).waitFor();
      }
    }
    await page.getByRole("button", { name: "Przełącz na polski" }).click();
    await page.getByRole("tab", { name: "Uczestnicy" }).waitFor();
  }, 120_000);

  test("the participants tab shows the create / check / import controls and a clear message without a register", async () => {
    const page = s.page;
    await selectTab(page, "Uczestnicy");
    await page.getByRole("button", { name: "Sprawdź kryteria" }).click();
    await page.getByText("najpierw utwórz rejestr uczestników").waitFor();
    await screenshot(page, "standalone-pl-participants-message");
  }, 60_000);

  test("laying out the template downloads an .xlsx with the 60 indicators of the chosen year", async () => {
    const page = s.page;
    await selectTab(page, "Monitoring");
    const button = page.getByRole("button", { name: /Pobierz szablon|Rozplanuj szablon/ });
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const file = await download.path();
    const wb = await readXlsx(fs.readFileSync(file));
    const sheet = wb.sheets.find((x) => /^Monitoring \d{4}$/.test(x.name));
    expect(sheet).toBeDefined();
    const codeCol = sheet!.values.find((r) => r.includes("Kod miernika"))!.indexOf("Kod miernika");
    const codes = sheet!.values
      .map((r) => r[codeCol])
      .filter((v) => typeof v === "string" && /^\d+\.\d+\.\d+-\d+$/.test(v));
    expect(codes).toHaveLength(60);
    await screenshot(page, "standalone-pl-monitoring-done");
  }, 60_000);

  test("the page ran under its Content-Security-Policy without a single violation", async () => {
    await expectCspClean(pane.session);
  });

  test("no request left 127.0.0.1 (office.js's own companion files from its CDN aside)", () => {
    // office.js (served locally here, from Microsoft's CDN in production) fetches its own mapping table from
    // the same CDN path when it runs outside Office; anything else leaving the machine is a failure.
    const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
    expect(s.external.filter((u) => !u.startsWith(OFFICE_CDN))).toEqual([]);
  });
});
