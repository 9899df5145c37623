/**
 * A simulated Excel for the end-to-end tests: a browser script that defines `window.Office` and
 * `window.Excel` backed by the repo's recording fake (test/fakes/excelFake.ts), served in place of
 * office.js (see `openSession({ officeScript })`). The pane starts as it does inside Excel on the web
 * (src/platform/office.ts: Office.onReady → host "Excel"); every Excel.run goes to the fake, which the
 * test reads through `window.__fake` with page.evaluate.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const FAKE = path.resolve(__dirname, "../fakes/excelFake.ts");

export interface FakeOfficeOptions {
  /** Sheets the workbook starts with (default one empty "Arkusz1"). */
  sheets?: string[];
  /** Highest ExcelApi minor version reported as supported (default 12: ExcelApi 1.12). */
  maxExcelApiMinor?: number;
  /** Office.context.displayLanguage (default "pl-PL"). */
  displayLanguage?: string;
  /** Office.onReady's platform (default "OfficeOnline"). */
  platform?: string;
  /** Excel's AutoCorrect "fill formulas in tables" (default on, as in Excel); off tests the per-row fallback. */
  fillTableFormulas?: boolean;
}

/** test/fakes/excelFake.ts as browser JavaScript (CommonJS output run inside an IIFE). */
export function fakeExcelModuleJs(): string {
  const out = ts.transpileModule(fs.readFileSync(FAKE, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: "excelFake.ts",
    reportDiagnostics: true,
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0)
    throw new Error(
      `excelFake.ts does not transpile: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`,
    );
  return out.outputText;
}

/** The script served as office.js: the fake, `window.__fake`, and the Office / Excel shims. */
export function fakeOfficeScript(opts: FakeOfficeOptions = {}): string {
  const config = {
    sheets: opts.sheets ?? ["Arkusz1"],
    maxMinor: opts.maxExcelApiMinor ?? 12,
    displayLanguage: opts.displayLanguage ?? "pl-PL",
    platform: opts.platform ?? "OfficeOnline",
    fillTableFormulas: opts.fillTableFormulas ?? true,
  };
  return `/* Miernik e2e: simulated Excel (test/e2e/fakeOffice.ts) */
(function () {
  "use strict";
  var module = { exports: {} };
  var exports = module.exports;
  (function (module, exports) {
${fakeExcelModuleJs()}
  })(module, exports);
  var lib = module.exports;
  var config = ${JSON.stringify(config)};
  var fake = new lib.FakeExcel(config.sheets);
  fake.fillTableFormulas = config.fillTableFormulas;
  fake.excelApiMinor = config.maxMinor;
  window.__fakeLib = lib;
  window.__fake = fake;
  /** Every Excel.run: the options it was given (null without) — the pane's runInExcel conventions. */
  window.__excelRuns = [];

  function isSetSupported(name, version) {
    if (String(name).toLowerCase() !== "excelapi") return false;
    var p = String(version || "1.1").split(".");
    var major = Number(p[0]);
    var minor = Number(p[1] || 0);
    return major < 1 || (major === 1 && minor <= config.maxMinor);
  }
  var HostType = { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook",
    OneNote: "OneNote", Project: "Project", Access: "Access" };
  var PlatformType = { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS",
    Android: "Android", Universal: "Universal" };
  var info = { host: HostType.Excel, platform: config.platform };
  window.Office = {
    HostType: HostType,
    PlatformType: PlatformType,
    context: {
      host: HostType.Excel,
      platform: config.platform,
      displayLanguage: config.displayLanguage,
      contentLanguage: config.displayLanguage,
      requirements: { isSetSupported: isSetSupported },
      diagnostics: { host: "Excel", platform: config.platform, version: "16.0.0.0" },
    },
    onReady: function (callback) {
      if (typeof callback === "function") callback(info);
      return Promise.resolve(info);
    },
  };
  window.OfficeExtension = { Error: lib.FakeOfficeError };
  window.Excel = {
    /** Excel.run(batch), Excel.run(options, batch) and Excel.run(context, batch) all run on the fake. */
    run: function (a, b) {
      var batch = typeof a === "function" ? a : b;
      window.__excelRuns.push(typeof a === "function" ? null : a && a.workbook ? "context" : a);
      return typeof a === "function" ? fake.run(batch) : fake.run(a, batch);
    },
    RequestContext: lib.FakeRequestContext,
  };
})();
`;
}
