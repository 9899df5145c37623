/**
 * The standalone page's Download button where the browser has a save picker (File System Access API, as
 * in Chromium and Edge; a fake picker here, headless Chromium's own cancels at once): the worker streams
 * the package into the picked file in chunks, the file is committed and holds the workbook the page had;
 * Cancel in the picker writes nothing and shows no message, the changes stay "not downloaded".
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { csvBytes, participants } from "../fixtures/summary/projects";
import type { SavedByPicker } from "./browser";
import { openPane, Pane } from "./pane";

describe("standalone download through the save picker (production build)", () => {
  let pane: Pane;
  let tmp: string;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-e2e-dl-"));
    pane = await openPane({ host: "standalone", savePicker: "fake" });
  }, 60_000);
  afterAll(async () => {
    await pane?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("Download streams into the picked file; Cancel writes nothing and says nothing", async () => {
    const page = pane.session.page;
    const csv = csvBytes(participants(120, 9), "Fundacja");
    const file = path.join(tmp, "lista.csv");
    fs.writeFileSync(file, csv);
    await page.locator('input[data-file-input="open"]').setInputFiles(file);
    await page.locator("[data-state-file]", { hasText: "lista.xlsx" }).waitFor();

    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await page.getByRole("button", { name: "Pobierz skoroszyt" }).click();
    await page.waitForFunction(
      () => (window as unknown as { __miernikSave: SavedByPicker }).__miernikSave.closed,
    );
    const rec = await page.evaluate(
      () => (window as unknown as { __miernikSave: SavedByPicker }).__miernikSave,
    );
    expect(rec.asked).toEqual(["lista.xlsx"]);
    expect(rec.aborted).toBe(false);
    expect(rec.chunks.length).toBeGreaterThan(0);
    await page.getByText("Pobrano: lista.xlsx").waitFor();
    const bytes = new Uint8Array(Buffer.concat(rec.chunks.map((c) => Buffer.from(c, "base64"))));
    const want = await (await MemoryWorkbook.open("lista.csv", csv)).toBytes();
    expect(await readXlsx(bytes)).toEqual(await readXlsx(want));

    // Cancel: the picker answers as a user's Cancel does.
    await page.evaluate(() => {
      (window as unknown as { __miernikSave: SavedByPicker }).__miernikSave.cancel = true;
    });
    await page.getByRole("button", { name: "Pobierz skoroszyt" }).click();
    await page.waitForFunction(
      () => (window as unknown as { __miernikSave: SavedByPicker }).__miernikSave.asked.length === 2,
    );
    // The click's handler has finished when the button can be pressed again: no message, nothing written.
    await page.getByRole("button", { name: "Pobierz skoroszyt" }).click();
    await page.waitForFunction(
      () => (window as unknown as { __miernikSave: SavedByPicker }).__miernikSave.asked.length === 3,
    );
    const after = await page.evaluate(
      () => (window as unknown as { __miernikSave: SavedByPicker }).__miernikSave,
    );
    expect(after.chunks.length).toBe(rec.chunks.length);
    const bar = page
      .locator("section")
      .filter({ has: page.getByRole("button", { name: "Pobierz skoroszyt" }) });
    expect(await bar.locator(".fui-MessageBar").count()).toBe(0);
    await page.locator('[data-state-unsaved="false"]').waitFor();
    expect(downloads).toEqual([]);
  }, 120_000);
});
