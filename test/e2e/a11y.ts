/** axe-core in the page: no serious or critical violations allowed; the rest is printed. */
import * as fs from "fs";
import type { Page } from "playwright-core";

const AXE = require.resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: an injected <script> would be (rightly) refused by the page's CSP.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(fs.readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document): Promise<{ violations: AxeViolation[] }> } };
    // Tabster's focus sentinels (Fluent UI's <i data-tabster-dummy> around the tab list) are aria-hidden
    // and focusable by design; axe flags them. They are not content: leave them out.
    return (await w.axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document)).violations;
  });
}

/** Waits for running animations (Fluent's dialog fade-in) to end: axe's contrast check needs final colours. */
export async function settled(page: Page): Promise<void> {
  // Endless ones (the indeterminate progress bar under a dialog) never end: only finite ones are waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * Waits for the page outside a closed dialog to be visible to assistive technology again. Fluent's modal dialog
 * (tabster's modalizer) puts aria-hidden on the rest of the page while it is open and lifts it on a 250 ms timer
 * after it closes, so a screen checked right after a dialog shut can still read as hidden for a moment.
 */
export async function unhidden(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[role="dialog"], [role="alertdialog"]') !== null ||
      Array.from(document.body.children).every(
        (el) => el.getAttribute("aria-hidden") !== "true" || el.hasAttribute("data-tabster-dummy"),
      ),
  );
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settled(page);
  await unhidden(page);
  const v = await axe(page);
  const bad = v.filter((x) => x.impact === "serious" || x.impact === "critical");
  for (const x of v.filter((y) => !bad.includes(y)))
    console.log(`axe (${screen}, ${x.impact}): ${x.id} — ${x.help}`);
  expect(
    bad.map((x) => `${screen}: ${x.id} ${x.help} ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}
