/** The production task pane served on 127.0.0.1 and opened in Chromium, up to its host being decided. */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { openSession, Session } from "./browser";
import { serveFolder, StaticServer } from "./server";

export const DIST = path.resolve(__dirname, "../../dist");

export interface PaneOptions {
  /** The host the pane must report (`body[data-miernik-host]`). */
  host: "standalone" | "excel";
  /** Replaces office.js (the simulated Excel); see ./browser.ts. */
  officeScript?: string;
  /** The File System Access save picker the page sees (./browser.ts; default none). */
  savePicker?: "none" | "fake";
  /** Runs before the page loads (clocks, listeners). */
  beforeLoad?: (page: Page) => Promise<void> | void;
}

export interface Pane {
  server: StaticServer;
  session: Session;
  close(): Promise<void>;
}

export async function openPane(opts: PaneOptions): Promise<Pane> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("run `npm run build` first");
  const server = await serveFolder(DIST);
  const session = await openSession({
    ...(opts.officeScript ? { officeScript: opts.officeScript } : {}),
    savePicker: opts.savePicker,
  });
  await opts.beforeLoad?.(session.page);
  await session.page.goto(`${server.url}/taskpane.html`);
  await session.page.waitForSelector(`body[data-miernik-host="${opts.host}"]`, { timeout: 30_000 });
  return {
    server,
    session,
    close: async () => {
      await session.close();
      await server.close();
    },
  };
}

/**
 * The page's Content-Security-Policy is in force and nothing violated it: the violations the page reported
 * (and CSP messages on its console) are none, and an inline script injected now is refused.
 */
export async function expectCspClean(session: Session): Promise<void> {
  const page = session.page;
  const violations = await page.evaluate(
    () => (window as unknown as { __miernikCsp: string[] }).__miernikCsp,
  );
  expect(violations).toEqual([]);
  expect(session.cspConsole).toEqual([]);
  const csp = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
  );
  expect(csp).toContain("default-src 'self'");
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__miernikInlineRan = true";
    document.head.appendChild(s);
    return (window as unknown as { __miernikInlineRan?: boolean }).__miernikInlineRan === true;
  });
  expect(ran).toBe(false);
}

/**
 * Clicks a section's tab and waits until the panel shows that section. The section renders in a transition,
 * so for a moment the panel still shows the previous one (aria-busy): a field located then is the old
 * section's — e.g. the summaries' "Stan na dzień" where the participants' was meant.
 */
export async function selectTab(page: Page, name: string | RegExp): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: typeof name === "string" ? true : undefined });
  await tab.click();
  const id = await tab.getAttribute("id");
  if (id === null) throw new Error(`the tab ${String(name)} has no id`);
  await page.waitForFunction((tabId) => {
    const panel = document.querySelector('[role="tabpanel"]');
    return panel?.getAttribute("aria-labelledby") === tabId && !panel.hasAttribute("aria-busy");
  }, id);
}
