/**
 * Office.js only in src/hosts/excel/ (and start-up in src/platform/): every other source file sees the
 * workbook through host interfaces. Fails on any reference to the `Excel`, `Office` or `OfficeExtension`
 * namespaces (values or types) outside those folders; comments are ignored. The bench
 * (src/cli/bench/) drives the Office.js renderer over the recording fake and names its context type: a
 * measuring harness, not shipped code, so it is left out.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "..", "..", "src");
const ALLOWED = ["hosts/excel/", "platform/", "cli/bench/"];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Source without comments (strings kept: "Excel.run" in a string is still a reference worth a look). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const OFFICE_JS = /(?<![\w.$])(Excel|Office|OfficeExtension)\s*\.\s*[A-Za-z_]/g;

export function officeJsReferences(file: string, text: string): string[] {
  const out: string[] = [];
  stripComments(text)
    .split("\n")
    .forEach((line, i) => {
      for (const m of line.matchAll(OFFICE_JS)) out.push(`${file}:${i + 1}: ${m[0]}`);
    });
  return out;
}

describe("Office.js only in src/hosts/excel", () => {
  test("no file outside src/hosts/excel and src/platform references Excel, Office or OfficeExtension", () => {
    const found = sources(SRC)
      .map((f) => path.relative(SRC, f).split(path.sep).join("/"))
      .filter((rel) => !ALLOWED.some((a) => rel.startsWith(a)))
      .flatMap((rel) => officeJsReferences(rel, fs.readFileSync(path.join(SRC, rel), "utf8")));
    expect(found).toEqual([]);
  });

  test("the check finds what it must (values, types, namespaces) and skips comments", () => {
    const sample = [
      "await Excel.run(async (ctx) => ctx.sync());",
      "function f(c: Excel.RequestContext) {}",
      "const h: OfficeExtension.EventHandlerResult<unknown>[] = [];",
      "Office.onReady();",
      "// Excel.run in a comment",
      "/* Office.context */",
      "const excel = myExcel.run; const s = 'ExcelJS.Workbook';",
    ].join("\n");
    expect(officeJsReferences("x.ts", sample)).toEqual([
      "x.ts:1: Excel.r",
      "x.ts:2: Excel.R",
      "x.ts:3: OfficeExtension.E",
      "x.ts:4: Office.o",
    ]);
  });
});
