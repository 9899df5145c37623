import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";

export const CHROMIUM = process.env.MIERNIK_CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_LOCAL = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist/office.js");

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request the page tried to send anywhere but 127.0.0.1 (office.js from the CDN excepted: served locally). */
  external: string[];
  /** Console messages about the page's Content-Security-Policy (a violation refuses something). */
  cspConsole: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, no sandbox, background networking off; every request off 127.0.0.1 is blocked and recorded. */
export interface SessionOptions {
  locale?: string;
  /**
   * Serve this script instead of office.js when the page asks for it from the CDN (e.g. a simulated
   * Excel from ./fakeOffice.ts). Default: the real office.js from node_modules.
   */
  officeScript?: string;
  /**
   * The File System Access save picker. "none" (default): the page sees a browser without one and
   * downloads through a Blob (what Playwright's "download" event catches) — headless Chromium's real
   * picker rejects at once with the AbortError a user's Cancel gives. "fake": a picker whose file
   * records what the page writes into `window.__miernikSave` (see SavedByPicker); setting
   * `__miernikSave.cancel = true` makes it answer as a Cancel does.
   */
  savePicker?: "none" | "fake";
}

/** What the fake save picker recorded (`window.__miernikSave`). */
export interface SavedByPicker {
  asked: string[];
  cancel: boolean;
  /** Each chunk written, base64. */
  chunks: string[];
  closed: boolean;
  aborted: boolean;
}

export async function openSession(opts: SessionOptions = {}): Promise<Session> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({
    locale: opts.locale ?? "pl-PL",
    viewport: { width: 420, height: 900 },
    acceptDownloads: true,
  });
  const external: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      if (opts.officeScript !== undefined)
        await route.fulfill({ body: opts.officeScript, contentType: "text/javascript; charset=utf-8" });
      else await route.fulfill({ path: OFFICE_LOCAL, contentType: "text/javascript" });
      return;
    }
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1") {
      await route.continue();
      return;
    }
    external.push(url);
    await route.abort("blockedbyclient");
  });
  // Records every Content-Security-Policy violation the page reports (read by ./pane.ts cspViolations()).
  await context.addInitScript(() => {
    const w = window as unknown as { __miernikCsp: string[] };
    w.__miernikCsp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__miernikCsp.push(
        `${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  if ((opts.savePicker ?? "none") === "none")
    await context.addInitScript(() => {
      delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
  else
    await context.addInitScript(() => {
      const rec: SavedByPicker = { asked: [], cancel: false, chunks: [], closed: false, aborted: false };
      const w = window as unknown as { __miernikSave: SavedByPicker; showSaveFilePicker: unknown };
      w.__miernikSave = rec;
      w.showSaveFilePicker = (o: { suggestedName: string }) => {
        rec.asked.push(o.suggestedName);
        if (rec.cancel) return Promise.reject(new DOMException("The user aborted a request.", "AbortError"));
        return Promise.resolve({
          createWritable: () =>
            Promise.resolve({
              write: (c: Uint8Array) => {
                let bin = "";
                for (let i = 0; i < c.length; i++) bin += String.fromCharCode(c[i]);
                rec.chunks.push(btoa(bin));
                return Promise.resolve();
              },
              close: () => {
                rec.closed = true;
                return Promise.resolve();
              },
              abort: () => {
                rec.aborted = true;
                return Promise.resolve();
              },
            }),
        });
      };
    });
  const page = await context.newPage();
  const cspConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text());
  });
  return {
    browser,
    context,
    page,
    external,
    cspConsole,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
