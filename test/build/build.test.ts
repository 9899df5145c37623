/**
 * Checks of the production build in dist/. Runs with the e2e suite (jest.e2e.config.js), i.e. after
 * `npm run build` in `npm test`; a missing build is a failure, not a skip.
 */
import * as fs from "fs";
import * as path from "path";

const { measure, localRefs } = require("../../scripts/bundle-size") as {
  measure(dir?: string): {
    first: { file: string; raw: number; gzip: number }[];
    firstTotal: { raw: number; gzip: number };
    firstExcelTotal: { raw: number; gzip: number };
    lazy: { file: string }[];
  };
  localRefs(html: string): string[];
};
const { PAGES } = require("../../webpack.config") as { PAGES: { filename: string }[] };

/** The first-load budget of the task pane (issue 15): the page and what it loads before its first screen. */
const FIRST_LOAD_BUDGET_GZIP = 150 * 1024;

/** Hosts of the OAuth providers office-js-helpers' Authenticator talks to (none may be in the bundle). */
const OAUTH_ENDPOINTS = [
  "accounts.google.com",
  "facebook.com",
  "dropbox.com",
  "login.windows.net",
  "login.microsoftonline.com",
];

const DIST = path.join(__dirname, "..", "..", "dist");
const built =
  fs.existsSync(path.join(DIST, "manifest.xml")) && fs.existsSync(path.join(DIST, "taskpane.html"));

/** A string only ExcelJS's code contains (the part name of the shared strings table). */
const EXCELJS_MARK = "sharedStrings.xml";

describe("bundle-size helpers", () => {
  test("finds local scripts and stylesheets, quoted or bare, and skips office.js and remote URLs", () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script src="/office-js/office.js"></script>' +
      '<link rel=stylesheet href=app.css><link rel="icon" href="assets/icon-32.png"><script src=taskpane.1234.js></script>' +
      "<script src='x.js' defer></script>";
    expect(localRefs(html)).toEqual(["taskpane.1234.js", "x.js", "app.css"]);
  });
});

describe("the production build in dist/", () => {
  const manifest = built ? fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8") : "";

  test("dist/ holds a production build (run `npm run build` first)", () => {
    expect(built).toBe(true);
  });

  test("dist/manifest.xml has no localhost left and every URL it names is in dist/", () => {
    expect(manifest).not.toMatch(/localhost/i);
    const urls = [...manifest.replace(/<!--[\s\S]*?-->/g, "").matchAll(/Value="(https:\/\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(urls.length).toBeGreaterThanOrEqual(8);
    const base = /DefaultValue="(https:\/\/[^"]+\/)taskpane\.html"/.exec(manifest)![1];
    for (const u of urls) {
      expect(u.startsWith(base)).toBe(true);
      expect(fs.existsSync(path.join(DIST, u.slice(base.length)))).toBe(true);
    }
  });

  test("every page is built and every script it loads from the add-in exists", () => {
    for (const p of PAGES) {
      const html = fs.readFileSync(path.join(DIST, p.filename), "utf8");
      for (const ref of localRefs(html)) expect(fs.existsSync(path.join(DIST, ref))).toBe(true);
    }
  });

  test("ExcelJS is not in the first load: it is a chunk loaded on demand", () => {
    const m = measure(DIST);
    expect(m.first.length).toBeGreaterThanOrEqual(2); // the page and its bundle
    expect(m.firstTotal.gzip).toBeGreaterThan(0);
    for (const f of m.first)
      expect(fs.readFileSync(path.join(DIST, f.file), "utf8")).not.toContain(EXCELJS_MARK);
    const lazyWithExcelJs = m.lazy.filter((f) =>
      fs.readFileSync(path.join(DIST, f.file), "utf8").includes(EXCELJS_MARK),
    );
    expect(lazyWithExcelJs.length).toBeGreaterThan(0);
  });

  test(`the first load stays within ${FIRST_LOAD_BUDGET_GZIP / 1024} KB gzip`, () => {
    const m = measure(DIST);
    expect(m.firstTotal.gzip).toBeGreaterThan(50 * 1024); // React alone is more: the measure is real
    expect(m.firstTotal.gzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZIP);
    // In Excel, with whatever chunks it would fetch before its first screen.
    expect(m.firstExcelTotal.gzip).toBeGreaterThanOrEqual(m.firstTotal.gzip);
    expect(m.firstExcelTotal.gzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZIP);
  });

  test("no OAuth endpoints, token requests or pop-up logins of office-js-helpers in what is deployed", () => {
    const files = fs.readdirSync(DIST).filter((f) => /\.(js|html)$/.test(f));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = fs.readFileSync(path.join(DIST, f), "utf8");
      for (const host of OAUTH_ENDPOINTS) expect([f, text.includes(host)]).toEqual([f, false]);
      expect([f, text.includes("Authenticator")]).toEqual([f, false]);
    }
  });

  test("dist/ holds only the add-in: no compiled CLI", () => {
    for (const d of ["cli", "domain", "workbook", "hosts", "tsc"])
      expect([d, fs.existsSync(path.join(DIST, d))]).toEqual([d, false]);
    const names = fs.readdirSync(DIST);
    for (const n of names)
      expect(n).toMatch(
        /^(assets|manifest\.xml|[\w-]+\.html|[\w-]+\.[0-9a-f]{8}(\.chunk)?\.js(\.LICENSE\.txt)?)$/,
      );
  });

  test("every page carries a strict Content-Security-Policy and has no inline script", () => {
    for (const p of PAGES) {
      const html = fs.readFileSync(path.join(DIST, p.filename), "utf8");
      const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html);
      expect([p.filename, meta !== null]).toEqual([p.filename, true]);
      const csp = new Map(
        meta![1].split(";").map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(csp.get("default-src")).toEqual(["'self'"]);
      const script = csp.get("script-src")!;
      expect(script[0]).toBe("'self'");
      expect(script.slice(1).every((s) => s === "https://appsforoffice.microsoft.com")).toBe(true);
      expect(csp.get("worker-src")).toEqual(["'self'"]);
      expect(csp.get("connect-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
      expect(script).not.toContain("'unsafe-inline'");
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc=/i);
    }
  });
});
