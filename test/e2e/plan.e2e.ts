/**
 * The application-stage planner end to end (production build), in the simulated Excel and in the
 * standalone page: open *Uczestnicy*, type the planned numbers by keyboard and see the verdicts change,
 * create the `Plan projektu` sheet, edit it in the grid and read it back (re-creating keeps every typed
 * number), a bad cell named with its fix; axe-core finds nothing serious.
 */
import type { Page } from "playwright-core";
import { builtinCard, DEFAULT_CARD_ID } from "../../src/domain/card/load";
import type { Card } from "../../src/domain/card/types";
import { parseA1 } from "../../src/workbook/address";
import { planCellMap, PLAN_SHEET } from "../../src/workbook/projectPlan/sheet";
import { expectAccessible } from "./a11y";
import { fakeOfficeScript } from "./fakeOffice";
import { openPane, Pane, selectTab } from "./pane";

const CARD = builtinCard(DEFAULT_CARD_ID) as Card;
const MAP = planCellMap(CARD);

async function typeInto(page: Page, key: string, text: string): Promise<void> {
  const input = page.locator(`[data-plan-field="${key}"]`);
  await input.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

async function verdict(page: Page, id: string): Promise<string | null> {
  return page.locator(`[data-plan-criterion="${id}"]`).getAttribute("data-met");
}

async function waitVerdict(page: Page, id: string, met: string): Promise<void> {
  await page.waitForSelector(`[data-plan-criterion="${id}"][data-met="${met}"]`);
}

async function typeAPlan(page: Page): Promise<void> {
  await selectTab(page, "Uczestnicy");
  await page.locator("[data-plan-part]").waitFor();
  await typeInto(page, "all", "49");
  await waitVerdict(page, "formal.minParticipants", "notMet");
  await typeInto(page, "all", "60");
  await waitVerdict(page, "formal.minParticipants", "met");
  await typeInto(page, "unemployed", "47");
  await waitVerdict(page, "formal.unemployed", "notMet");
  await expect(page.locator('[data-plan-criterion="formal.unemployed"]').innerText()).resolves.toContain(
    "brakuje 1",
  );
  await page.keyboard.press("Backspace");
  await page.keyboard.type("8");
  await waitVerdict(page, "formal.unemployed", "met");
  await typeInto(page, "longTermUnemployed", "29");
  await typeInto(page, "leavingAgriculture", "8");
  await typeInto(page, "ipd", "60");
  await waitVerdict(page, "formal.longTermUnemployed", "met");
  await waitVerdict(page, "formal.leavingAgriculture", "met");
  await waitVerdict(page, "formal.ipd", "met");
  await expect(page.locator("[data-plan-minimums]").innerText()).resolves.toContain(
    "Przy 60 uczestnikach: co najmniej 48 osób bezrobotnych, w tym 29 osób długotrwale bezrobotnych i 8 osób odchodzących z rolnictwa",
  );
  // A bad cell: named with the sheet's cell and the fix.
  await typeInto(page, "inactive", "dwanaście");
  await page.locator('[data-finding="inactive"]').waitFor();
  await expect(page.locator('[data-finding="inactive"]').innerText()).resolves.toContain(
    `${PLAN_SHEET}!${MAP.fields.inactive.plan}: Nie liczba`,
  );
  await typeInto(page, "inactive", "12");
  await page.locator('[data-finding="inactive"]').waitFor({ state: "detached" });
}

describe("planner in a simulated Excel", () => {
  let pane: Pane;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    pane = await openPane({
      host: "excel",
      officeScript: fakeOfficeScript({ sheets: ["Arkusz1"] }),
      beforeLoad: (p) => void p.on("pageerror", (e) => errors.push(e.message)),
    });
    page = pane.session.page;
  }, 60_000);
  afterAll(async () => pane?.close());

  const cell = (address: string) =>
    page.evaluate(
      ([s, r, c]) =>
        (
          window as unknown as {
            __fake: { sheet(n: string): { get(r: number, c: number): { value: unknown; formula?: string } } };
          }
        ).__fake
          .sheet(s as string)
          .get(r as number, c as number).value,
      [PLAN_SHEET, parseA1(address).row, parseA1(address).col] as const,
    );

  test("type the plan by keyboard, see the verdicts change; create the sheet; edit it in the grid; re-create keeps it", async () => {
    await typeAPlan(page);
    await expectAccessible(page, "plan typed (Excel)");
    await page.getByRole("button", { name: "Utwórz arkusz planu" }).click();
    await page.getByText(/^Gotowe: arkusz „Plan projektu”/).waitFor();
    await expect(cell(MAP.fields.all.plan)).resolves.toBe(60);
    await expect(cell(MAP.fields.unemployed.plan)).resolves.toBe(48);
    // The user types 40 into the sheet's unemployed cell in Excel; the pane reads it back.
    await page.evaluate(
      ([a]) =>
        (
          window as unknown as { __fake: { userEdit(s: string, a: string, v: unknown): Promise<void> } }
        ).__fake.userEdit("Plan projektu", a, 40),
      [MAP.fields.unemployed.plan] as const,
    );
    await page.getByRole("button", { name: "Wczytaj z arkusza" }).click();
    await waitVerdict(page, "formal.unemployed", "notMet");
    await expect(page.locator('[data-plan-field="unemployed"]').inputValue()).resolves.toBe("40");
    // Re-creating keeps the number typed in the sheet and adds the one typed in the pane.
    await typeInto(page, "women", "30");
    await page.getByRole("button", { name: "Utwórz arkusz planu" }).click();
    await page.getByText(/zachowano \d+ wpisanych liczb/).waitFor();
    await expect(cell(MAP.fields.unemployed.plan)).resolves.toBe(40);
    await expect(cell(MAP.fields.women.plan)).resolves.toBe(30);
    await expectAccessible(page, "plan sheet created (Excel)");
    // "100%" typed into the sheet's IPD cell (a share where persons are planned): read as 1, named as
    // `miernik plan` names it; the note goes once the field is typed in the pane.
    await page.evaluate(
      ([a]) =>
        (
          window as unknown as { __fake: { userEdit(s: string, a: string, v: unknown): Promise<void> } }
        ).__fake.userEdit("Plan projektu", a, "100%"),
      [MAP.fields.ipd.plan] as const,
    );
    await page.getByRole("button", { name: "Wczytaj z arkusza" }).click();
    await page.locator('[data-plan-percent="ipd"]').waitFor();
    await expect(page.locator('[data-plan-percent="ipd"]').innerText()).resolves.toContain(
      `Uwaga: ${PLAN_SHEET}!${MAP.fields.ipd.plan} („w tym uczestnicy z IPD”) to procent (100%), a plan to liczby osób — liczone jako 1. ` +
        "Wpisz liczbę osób (np. 60 przy 60 uczestnikach) i ustaw format komórki Ogólny lub Liczbowy.",
    );
    await expect(page.locator('[data-plan-field="ipd"]').inputValue()).resolves.toBe("1");
    await expectAccessible(page, "plan with a share in a count cell (Excel)");
    await typeInto(page, "ipd", "60");
    await page.locator('[data-plan-percent="ipd"]').waitFor({ state: "detached" });
    // The sheet as Miernik wrote it: no damaged formula named. A value pasted over a formula cell is.
    await expect(page.locator("[data-plan-damaged]").count()).resolves.toBe(0);
    await page.evaluate(
      ([a]) =>
        (
          window as unknown as { __fake: { userEdit(s: string, a: string, v: unknown): Promise<void> } }
        ).__fake.userEdit("Plan projektu", a, 5),
      [MAP.fields.women.used] as const,
    );
    await page.getByRole("button", { name: "Wczytaj z arkusza" }).click();
    await page.locator("[data-plan-damaged]").waitFor();
    await expect(page.locator("[data-plan-damaged]").innerText()).resolves.toContain(
      `Wartość zamiast formuły: 1 komórka (${PLAN_SHEET}!${MAP.fields.women.used})`,
    );
    // Re-creating the sheet repairs it (and keeps the typed numbers).
    await page.getByRole("button", { name: "Utwórz arkusz planu" }).click();
    await page.locator("[data-plan-damaged]").waitFor({ state: "detached" });
    await expect(cell(MAP.fields.women.plan)).resolves.toBe(30);
    // A bad number after the sheet exists: named with its cell and the fix.
    await typeInto(page, "trained", "7,5");
    await expect(page.locator('[data-finding="trained"]').innerText()).resolves.toContain(
      `${PLAN_SHEET}!${MAP.fields.trained.plan}: Ułamek`,
    );
    expect(errors).toEqual([]);
  });
});

describe("planner in the standalone page", () => {
  let pane: Pane;
  let page: Page;
  beforeAll(async () => {
    pane = await openPane({ host: "standalone" });
    page = pane.session.page;
  }, 60_000);
  afterAll(async () => pane?.close());

  test("type the plan by keyboard, see the verdicts change; the plan sheet is written", async () => {
    await typeAPlan(page);
    await expect(verdict(page, "formal.minParticipants")).resolves.toBe("met");
    await expectAccessible(page, "plan typed (standalone)");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Utwórz arkusz planu" }).click();
    await download;
    await page.getByText(/^Gotowe: arkusz „Plan projektu”/).waitFor();
    await expectAccessible(page, "plan sheet written (standalone)");
  });
});
