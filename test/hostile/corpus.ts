/**
 * The hostile-input corpus (issue 13), generated into a temporary folder: broken, huge-on-unpacking,
 * far-reaching and odd files, devices, hostile cards, and the command lines that exercise the overwrite
 * policy. Each case says what the CLI must do with it; test/hostile/cli.test.ts runs them all through
 * `node bin/miernik.js`, test/hostile/pane.test.ts through the pane's readers.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as zlib from "zlib";
import { PROGRAMME } from "../../src/domain/programme/programme";
import { writeXlsx } from "../../src/hosts/xlsx/render";
import { buildMonitoringSheetPlan } from "../../src/workbook/monitoring/layout";
import { xmlSafe } from "../../src/workbook/sanitize";
import { makeZip, RawEntry } from "./zipWriter";

export interface CorpusCase {
  id: string;
  /** The file the case is about (relative to the corpus folder), when there is one. */
  file?: string;
  /** The command line (paths relative to the corpus folder, which is the working directory). */
  args: string[];
  /** Exit codes the contract allows. */
  exit: number[];
  /** Text stderr must contain when the exit code is 2 (by default the file's name). */
  names?: string;
  /** A usage error: the usage text is expected (and only then). */
  usage?: boolean;
  /** An output the run may write (checked for XML 1.0 well-formedness when written). */
  output?: string;
  /** Whether the file goes through the pane's readers (xlsx/csv data files). */
  pane?: boolean;
}

const FIX = path.join(__dirname, "../fixtures/register");
export const CANONICAL_CSV = fs.readFileSync(path.join(FIX, "canonical.csv"), "utf8");
const AS_OF = ["--as-of", "2024-06-01"];

/** Deterministic pseudo-random numbers (the corpus is the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function csvRows(): string[][] {
  return CANONICAL_CSV.trim()
    .split(/\r?\n/)
    .map((l) => l.split(";"));
}

async function registerXlsx(mutateRows?: (rows: string[][]) => void): Promise<Buffer> {
  const rows = csvRows();
  mutateRows?.(rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Uczestnicy");
  for (const r of rows) ws.addRow(r.map((v) => (v === "" ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function entriesOf(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (!f.dir) out.set(name, await f.async("nodebuffer"));
  }
  return out;
}

function rezip(entries: Map<string, Buffer>, extra: Partial<Record<string, Partial<RawEntry>>> = {}): Buffer {
  return makeZip([...entries].map(([name, data]) => ({ name, data, ...(extra[name] ?? {}) })));
}

const SHEET = "xl/worksheets/sheet1.xml";

/** Inserts raw XML into the first sheet (before `</sheetData>` or after it). */
function withSheetXml(
  entries: Map<string, Buffer>,
  rowsXml: string,
  afterSheetData = "",
): Map<string, Buffer> {
  const copy = new Map(entries);
  let xml = copy.get(SHEET)!.toString("utf8");
  xml = xml.replace("</sheetData>", `${rowsXml}</sheetData>${afterSheetData}`);
  if (!xml.includes("</sheetData>")) throw new Error("no sheetData");
  copy.set(SHEET, Buffer.from(xml, "utf8"));
  return copy;
}

const inl = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const rowXml = (r: number, cells: string): string => `<row r="${r}">${cells}</row>`;

function cardJson(mutate: (j: Record<string, unknown>) => void): string {
  const j = JSON.parse(
    fs.readFileSync(path.join(__dirname, "../../src/domain/card/cards/rpo-wl-9.1-2016.json"), "utf8"),
  );
  mutate(j);
  return JSON.stringify(j);
}

/** Writes every corpus file into `dir` and returns the cases. */
export async function buildCorpus(dir: string): Promise<CorpusCase[]> {
  const cases: CorpusCase[] = [];
  const put = (name: string, data: Buffer | string): string => {
    fs.writeFileSync(path.join(dir, name), data);
    return name;
  };
  const check = (id: string, file: string, exit: number[], extra: Partial<CorpusCase> = {}): void => {
    cases.push({ id, file, args: ["check", file, ...AS_OF], exit, pane: true, ...extra });
  };
  const validate = (id: string, file: string, exit: number[], extra: Partial<CorpusCase> = {}): void => {
    cases.push({ id, file, args: ["validate", file], exit, pane: true, ...extra });
  };

  // Good inputs (also the inputs of the overwrite cases).
  put("good.csv", CANONICAL_CSV);
  const reg = await registerXlsx();
  put("good.xlsx", reg);
  const mon = Buffer.from(
    await writeXlsx({ sheets: [buildMonitoringSheetPlan(PROGRAMME, 2023, {})], names: [] }),
  );
  put("monitoring.xlsx", mon);
  check("good csv", "good.csv", [0, 1]);
  check("good xlsx", "good.xlsx", [0, 1]);
  validate("good monitoring", "monitoring.xlsx", [0, 1]);
  const regE = await entriesOf(reg);
  const monE = await entriesOf(mon);

  // 1. Stray far-away cells: ignored (reported), never a crash.
  const stray: [string, string][] = [
    ["XFD1048576", rowXml(1048576, inl("XFD1048576", "x"))],
    ["XFD1", ""],
    ["A1048576", rowXml(1048576, inl("A1048576", "x"))],
    ["XFD7", rowXml(7, inl("XFD7", "x"))],
    ["two", rowXml(500000, inl("ZZ500000", "x")) + rowXml(1048576, inl("XFD1048576", "y"))],
    ["number", rowXml(1048576, `<c r="XFD1048576"><v>1</v></c>`)],
    ["formula", rowXml(1048576, `<c r="XFD1048576"><f>1+1</f><v>2</v></c>`)],
  ];
  for (const [n, xml] of stray) {
    const e =
      n === "XFD1"
        ? (() => {
            const c = new Map(regE);
            c.set(
              SHEET,
              Buffer.from(
                c
                  .get(SHEET)!
                  .toString("utf8")
                  .replace(/(<row r="1"[^>]*>.*?)(<\/row>)/s, `$1${inl("XFD1", "x")}$2`),
              ),
            );
            return c;
          })()
        : withSheetXml(regE, xml);
    check(`stray cell ${n} (register)`, put(`stray-${n}.xlsx`, rezip(e)), [0, 1]);
  }
  validate(
    "stray cell XFD1048576 (monitoring)",
    put("stray-monitoring.xlsx", rezip(withSheetXml(monE, rowXml(1048576, inl("XFD1048576", "x"))))),
    [0, 1],
  );
  // A sparse lattice: 100 cells over the whole sheet (each within the gap limits): refused by size.
  let lattice = "";
  for (let r = 9000; r <= 1040000; r += 9000) lattice += rowXml(r, inl(`A${r}`, "x") + inl(`IV${r}`, "y"));
  check(
    "sparse lattice over the sheet",
    put("stray-lattice.xlsx", rezip(withSheetXml(regE, lattice))),
    [0, 1, 2],
  );
  // Cells beyond Excel's grid.
  check(
    "cell beyond XFD",
    put("beyond-col.xlsx", rezip(withSheetXml(regE, rowXml(9, inl("XFE9", "x"))))),
    [0, 1, 2],
  );
  check(
    "row beyond 1048576",
    put("beyond-row.xlsx", rezip(withSheetXml(regE, rowXml(2000000, inl("A2000000", "x"))))),
    [0, 1, 2],
  );
  check("cell A0", put("cell-a0.xlsx", rezip(withSheetXml(regE, rowXml(9, inl("A0", "x"))))), [0, 1, 2]);

  // 2. Ranges ExcelJS would expand cell by cell.
  const after = (xml: string): string => xml;
  check(
    "merge over the whole sheet",
    put(
      "merge-all.xlsx",
      rezip(
        withSheetXml(regE, "", after(`<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`)),
      ),
    ),
    [2],
  );
  check(
    "merge of a million cells",
    put(
      "merge-million.xlsx",
      rezip(withSheetXml(regE, "", `<mergeCells count="1"><mergeCell ref="A100:J100100"/></mergeCells>`)),
    ),
    [2],
  );
  check(
    "data validation over the whole sheet",
    put(
      "validation-all.xlsx",
      rezip(
        withSheetXml(
          regE,
          "",
          `<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
        ),
      ),
    ),
    [2],
  );
  check(
    "data validation over whole columns",
    put(
      "validation-cols.xlsx",
      rezip(
        withSheetXml(
          regE,
          "",
          `<dataValidations count="1"><dataValidation type="list" sqref="A:A B:B"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
        ),
      ),
    ),
    [2],
  );
  {
    const c = new Map(regE);
    c.set(
      SHEET,
      Buffer.from(
        c
          .get(SHEET)!
          .toString("utf8")
          .replace("<sheetData", `<cols><col min="1" max="1000000000" width="9"/></cols><sheetData`),
      ),
    );
    check("column definitions up to 1e9", put("cols-huge.xlsx", rezip(c)), [2]);
  }
  {
    const c = new Map(regE);
    c.set(
      SHEET,
      Buffer.from(
        c
          .get(SHEET)!
          .toString("utf8")
          .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:XFD1048576"/>`),
      ),
    );
    check("dimension claims the whole sheet", put("dimension-all.xlsx", rezip(c)), [0, 1]);
  }

  // 3. Zip bombs: refused before inflating (declared sizes, ratio) or while inflating (lying sizes).
  const spaces = (n: number): Buffer => Buffer.alloc(n, 0x20);
  const bombSheet = (n: number): Buffer =>
    Buffer.concat([
      regE.get(SHEET)!.subarray(0, regE.get(SHEET)!.indexOf("</worksheet>")),
      spaces(n),
      Buffer.from("</worksheet>"),
    ]);
  const big = bombSheet(24 * 1024 * 1024);
  const bigDeflated = zlib.deflateRawSync(big, { level: 9 });
  for (const part of [SHEET, "xl/sharedStrings.xml", "xl/styles.xml", "[Content_Types].xml"]) {
    const c = new Map(regE);
    c.set(part, big);
    check(
      `zip bomb in ${part}`,
      put(
        `bomb-${part.replace(/[^a-z]+/gi, "_")}.xlsx`,
        rezip(c, { [part]: { rawCompressed: bigDeflated } }),
      ),
      [2],
    );
  }
  {
    // Declares 300 MB unpacked (more than the limit).
    const c = new Map(regE);
    check(
      "declares 300 MB",
      put("bomb-declared.xlsx", rezip(c, { [SHEET]: { declaredSize: 300 * 1024 * 1024 } })),
      [2],
    );
    // Declares 1 KB, unpacks to 24 MB.
    const d = new Map(regE);
    d.set(SHEET, big);
    check(
      "lies about its size",
      put("bomb-lying.xlsx", rezip(d, { [SHEET]: { rawCompressed: bigDeflated, declaredSize: 1024 } })),
      [2],
    );
    // Declares 0xffffffff (ZIP64 marker).
    check(
      "ZIP64 size marker",
      put("bomb-zip64.xlsx", rezip(new Map(regE), { [SHEET]: { declaredSize: 0xffffffff } })),
      [2],
    );
    // Many parts.
    const many = new Map(regE);
    for (let i = 0; i < 10050; i++) many.set(`xl/media/p${i}.bin`, Buffer.from("x"));
    check("10 050 parts", put("bomb-parts.xlsx", rezip(many, {})), [2]);
    // Many parts each a few MB of spaces, each under the ratio floor but over the total together.
    const wide = new Map(regE);
    const oneMb = spaces(1000 * 1000);
    const oneMbDeflated = zlib.deflateRawSync(oneMb, { level: 9 });
    const extra: Record<string, Partial<RawEntry>> = {};
    for (let i = 0; i < 260; i++) {
      wide.set(`xl/media/s${i}.xml`, oneMb);
      extra[`xl/media/s${i}.xml`] = { rawCompressed: oneMbDeflated };
    }
    check("260 parts of 1 MB (total over the limit)", put("bomb-total.xlsx", rezip(wide, extra)), [2]);
    // A zip inside the zip.
    const nested = new Map(regE);
    nested.set(
      "xl/embeddings/inner.zip",
      makeZip([{ name: "a.xml", data: big, rawCompressed: bigDeflated }]),
    );
    check("nested zip (stored, not unpacked)", put("bomb-nested.xlsx", rezip(nested)), [0, 1]);
  }

  // 4. Truncated and bit-flipped packages.
  for (const [base, buf, kind] of [
    ["register", reg, "check"],
    ["monitoring", mon, "validate"],
  ] as const) {
    for (const frac of [0.01, 0.25, 0.5, 0.75, 0.99]) {
      const f = put(
        `trunc-${base}-${Math.round(frac * 100)}.xlsx`,
        buf.subarray(0, Math.floor(buf.length * frac)),
      );
      (kind === "check" ? check : validate)(`truncated ${base} at ${frac * 100}%`, f, [2]);
    }
    for (const cut of [1, 22, 100]) {
      const f = put(`trunc-${base}-minus${cut}.xlsx`, buf.subarray(0, buf.length - cut));
      (kind === "check" ? check : validate)(`${base} minus ${cut} bytes`, f, [0, 1, 2]);
    }
    const rand = rng(base === "register" ? 13 : 31);
    for (let i = 0; i < 10; i++) {
      const b = Buffer.from(buf);
      const flips = 1 + Math.floor(rand() * 8);
      for (let k = 0; k < flips; k++) {
        const at = Math.floor(rand() * b.length);
        b[at] ^= 1 << Math.floor(rand() * 8);
      }
      const f = put(`flip-${base}-${i}.xlsx`, b);
      (kind === "check" ? check : validate)(`bit-flipped ${base} #${i}`, f, [0, 1, 2]);
    }
  }

  // 5. Not workbooks, and other formats named as such.
  const notXlsx: [string, Buffer | string][] = [
    ["empty.xlsx", ""],
    ["one-byte.xlsx", "P"],
    ["text.xlsx", "to nie jest skoroszyt\n"],
    ["png.xlsx", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")],
    ["json.xlsx", '{"a":1}'],
    ["html.xlsx", "<table><tr><td>1</td></tr></table>"],
    ["pk-only.xlsx", "PK\u0003\u0004"],
    ["zip-no-workbook.xlsx", makeZip([{ name: "readme.txt", data: Buffer.from("hello") }])],
    [
      "docx.xlsx",
      makeZip([
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: "word/document.xml", data: Buffer.from("<w/>") },
      ]),
    ],
    ["empty-zip.xlsx", makeZip([])],
  ];
  for (const [n, data] of notXlsx) check(`not an xlsx: ${n}`, put(n, data), [2]);
  const ods = makeZip([
    { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), method: 0 },
    { name: "content.xml", data: Buffer.from("<office:document-content/>") },
    { name: "META-INF/manifest.xml", data: Buffer.from("<manifest/>") },
  ]);
  const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(4000)]);
  check("an .ods", put("sheet.ods", ods), [2], { names: "sheet.ods" });
  check("an .ods named .xlsx", put("ods-renamed.xlsx", ods), [2]);
  check("an .xls", put("old.xls", ole), [2], { names: "old.xls" });
  check("an .xls named .xlsx", put("xls-renamed.xlsx", ole), [2]);
  validate("an .ods to validate", "sheet.ods", [2]);
  validate("an .xls to validate", "old.xls", [2]);

  // 6. XML nasties.
  {
    const c = new Map(regE);
    const ss = c.get("xl/sharedStrings.xml")!.toString("utf8");
    const laughs =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join(
        "",
      ) +
      `]>`;
    c.set(
      "xl/sharedStrings.xml",
      Buffer.from(ss.replace(/^<\?xml[^>]*\?>/, laughs).replace("<t>", "<t>&lol9;")),
    );
    check("billion laughs in sharedStrings", put("xml-laughs.xlsx", rezip(c)), [0, 1, 2]);
    const x = new Map(regE);
    x.set(
      SHEET,
      Buffer.from(
        x
          .get(SHEET)!
          .toString("utf8")
          .replace(
            /^<\?xml[^>]*\?>/,
            `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`,
          )
          .replace("</sheetData>", `${rowXml(30, inl("A30", "&xxe;"))}</sheetData>`),
      ),
    );
    check("external entity", put("xml-xxe.xlsx", rezip(x)), [0, 1, 2]);
    const deep = new Map(regE);
    deep.set(
      SHEET,
      Buffer.from(
        deep
          .get(SHEET)!
          .toString("utf8")
          .replace(
            "</sheetData>",
            `${rowXml(31, `<c r="A31" t="inlineStr"><is>${"<r>".repeat(20000)}${"</r>".repeat(20000)}</is></c>`)}</sheetData>`,
          ),
      ),
    );
    check("deeply nested XML", put("xml-deep.xlsx", rezip(deep)), [0, 1, 2]);
    const broken = new Map(regE);
    broken.set(SHEET, Buffer.from(broken.get(SHEET)!.toString("utf8").slice(0, 400)));
    check("sheet XML cut short", put("xml-cut.xlsx", rezip(broken)), [0, 1, 2]);
    const utf16 = new Map(regE);
    utf16.set(SHEET, Buffer.from("\ufeff" + utf16.get(SHEET)!.toString("utf8"), "utf16le"));
    check("sheet XML in UTF-16", put("xml-utf16.xlsx", rezip(utf16)), [0, 1, 2]);
  }

  // 7. Encodings (CSV) and binary noise.
  const text = CANONICAL_CSV;
  const enc: [string, Buffer][] = [
    ["utf8-bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ["utf16le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["utf16be.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])],
    ["latin2-ish.csv", Buffer.from(text, "latin1")],
    ["invalid-utf8.csv", Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff])])],
    ["nul-bytes.csv", Buffer.from(text.replace(/Jan/g, "J\u0000an"))],
    ["noise.csv", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) & 0xff))],
    ["one-line.csv", Buffer.from(text.split("\n")[0])],
    ["only-separators.csv", Buffer.from(";;;;\n;;;;\n")],
    ["crlf-only.csv", Buffer.from("\r\n\r\n\r\n")],
  ];
  for (const [n, data] of enc) check(`encoding: ${n}`, put(n, data), [0, 1, 2]);

  // 7b. Quoting and record widths (the strict CSV tokenizer): an unterminated quote is refused naming its
  // line — never the rest of the file swallowed; a record wider or narrower than the header is a row issue.
  {
    const lines = CANONICAL_CSV.trim().split(/\r?\n/);
    const at = (i: number, f: (l: string) => string) => lines.map((l, j) => (j === i ? f(l) : l)).join("\n");
    check(
      "csv: unterminated quote in a data row",
      put(
        "quote-open.csv",
        at(3, (l) => l.replace(";", ';"')),
      ),
      [2],
      {
        names: "wierszu 4",
      },
    );
    check(
      "csv: unterminated quote in the header",
      put(
        "quote-header.csv",
        at(0, (l) => `"${l}`),
      ),
      [2],
    );
    check("csv: quote left open at the end", put("quote-end.csv", `${CANONICAL_CSV.trim()};"`), [2]);
    check(
      "csv: a record wider than the header",
      put(
        "wide.csv",
        at(4, (l) => `${l};extra;more`),
      ),
      [0, 1],
    );
    check(
      "csv: a record narrower than the header",
      put(
        "narrow.csv",
        at(4, (l) => l.split(";").slice(0, 5).join(";")),
      ),
      [0, 1],
    );
    check(
      "csv: quoted separators and doubled quotes",
      put(
        "quoted.csv",
        at(2, (l) => l.replace("Anna", '"An;na ""A"""')),
      ),
      [0, 1],
    );
  }

  // 8. Control characters and over-long cells in values (written with -o: the output must be valid XML).
  const rows = csvRows();
  const nameCol = 2;
  const bad: [string, string][] = [
    ["c0", "Nowak\u0001\u0002\u0007"],
    ["ansi", "\u001b[31mNowak\u001b[0m\u001b]0;pwned\u0007"],
    ["fffe", "Nowak\ufffe\uffff"],
    ["vt-ff", "Now\u000bak\u000c"],
    ["bidi", "Nowak\u202egnp.exe"],
    ["cr", "Nowak\rKowal"],
  ];
  for (const [n, v] of bad) {
    const r = rows.map((x) => x.slice());
    r[1][nameCol] = v;
    const f = put(`ctrl-${n}.csv`, r.map((x) => x.join(";")).join("\n"));
    check(`control characters ${n} (csv)`, f, [0, 1]);
    cases.push({
      id: `control characters ${n} (csv, -o)`,
      file: f,
      args: ["check", f, ...AS_OF, "-o", `out-ctrl-${n}.xlsx`],
      exit: [0, 1],
      output: `out-ctrl-${n}.xlsx`,
    });
    const x = await registerXlsx(
      (rr) => (rr[1][nameCol] = xmlSafe(v)), // ExcelJS would write them raw (not XML)
    );
    const xf = put(`ctrl-${n}.xlsx`, x);
    check(`control characters ${n} (xlsx)`, xf, [0, 1]);
  }
  {
    const c = new Map(regE);
    c.set(
      SHEET,
      Buffer.from(
        c
          .get(SHEET)!
          .toString("utf8")
          .replace("</sheetData>", `${rowXml(40, inl("C40", "A&#1;B&#xFFFE;"))}</sheetData>`),
      ),
    );
    check("character references to forbidden characters", put("ctrl-charref.xlsx", rezip(c)), [0, 1, 2]);
  }
  {
    const r = rows.map((x) => x.slice());
    r[1][nameCol] = "N".repeat(40000);
    const f = put("long-cell.csv", r.map((x) => x.join(";")).join("\n"));
    check("over-long cell (csv)", f, [0, 1]);
    cases.push({
      id: "over-long cell (csv, -o refused)",
      file: f,
      args: ["check", f, ...AS_OF, "-o", "out-long.xlsx"],
      exit: [2],
      names: "32767",
    });
    const x = await registerXlsx((rr) => (rr[1][nameCol] = "N".repeat(40000)));
    const xf = put("long-cell.xlsx", x);
    check("over-long cell (xlsx)", xf, [0, 1]);
    cases.push({
      id: "over-long cell (xlsx, -o refused)",
      file: xf,
      args: ["check", xf, ...AS_OF, "-o", "out-long2.xlsx"],
      exit: [2],
      names: "32767",
    });
  }

  // 9. Devices, pipes, folders, links.
  const fifo = path.join(dir, "pipe.csv");
  require("child_process").execFileSync("mkfifo", [fifo]);
  fs.mkdirSync(path.join(dir, "folder.xlsx"));
  fs.symlinkSync("/dev/zero", path.join(dir, "zero-link.csv"));
  fs.symlinkSync("missing-target.csv", path.join(dir, "dangling.csv"));
  fs.symlinkSync("loop-b.csv", path.join(dir, "loop-a.csv"));
  fs.symlinkSync("loop-a.csv", path.join(dir, "loop-b.csv"));
  for (const [id, f] of [
    ["FIFO", "pipe.csv"],
    ["/dev/zero", "/dev/zero"],
    ["/dev/urandom", "/dev/urandom"],
    ["/dev/null", "/dev/null"],
    ["a directory", "folder.xlsx"],
    ["symlink to /dev/zero", "zero-link.csv"],
    ["dangling symlink", "dangling.csv"],
    ["symlink loop", "loop-a.csv"],
    ["missing file", "missing.xlsx"],
  ])
    cases.push({ id: `device: ${id} (check)`, args: ["check", f, ...AS_OF], exit: [2], names: f });
  for (const f of ["/dev/zero", "pipe.csv", "folder.xlsx"]) {
    cases.push({ id: `device: ${f} (validate)`, args: ["validate", f], exit: [2], names: f });
    cases.push({
      id: `device: ${f} as --applicants`,
      args: ["summarize", "good.csv", ...AS_OF, "--applicants", f],
      exit: [2],
      names: f,
    });
  }
  fs.symlinkSync("/dev/zero", path.join(dir, "zero-card.json"));
  require("child_process").execFileSync("mkfifo", [path.join(dir, "pipe-card.json")]);
  fs.mkdirSync(path.join(dir, "folder-card.json"));
  for (const f of ["zero-card.json", "pipe-card.json", "folder-card.json"])
    cases.push({
      id: `device: ${f} as --card`,
      args: ["check", "good.csv", ...AS_OF, "--card", f],
      exit: [2],
      names: f,
    });

  // 10. Cards: reserved sheet names, bad numbers, bad ids.
  const cardCases: [string, (j: Record<string, unknown>) => void, number[]][] = [
    ["sheetName Uczestnicy", (j) => (j.sheetName = "Uczestnicy"), [2]],
    ["sheetName Słowniki", (j) => (j.sheetName = "Słowniki"), [2]],
    ["sheetName uczestnicy (case)", (j) => (j.sheetName = "uczestnicy"), [2]],
    ["sheetName History", (j) => (j.sheetName = "History"), [2]],
    ["sheetName 32 chars", (j) => (j.sheetName = "K".repeat(32)), [2]],
    ...["[", "]", ":", "*", "?", "/", "\\"].map(
      (ch) =>
        [`sheetName with ${ch}`, (j: Record<string, unknown>) => (j.sheetName = `Kryteria${ch}9`), [2]] as [
          string,
          (j: Record<string, unknown>) => void,
          number[],
        ],
    ),
    ["sheetName with a newline", (j) => (j.sheetName = "Kryteria\n9.1"), [2]],
    ["sheetName with an apostrophe", (j) => (j.sheetName = "'Kryteria"), [2]],
    ["sheetName empty", (j) => (j.sheetName = ""), [2]],
    [
      "window 1e308 days",
      (j) => ((j.parameters as Record<string, unknown>).effectivenessWindowDays = 1e308),
      [2],
    ],
    [
      "window 0.5 days",
      (j) => ((j.parameters as Record<string, unknown>).effectivenessWindowDays = 0.5),
      [2],
    ],
    ["window 0 days", (j) => ((j.parameters as Record<string, unknown>).effectivenessWindowDays = 0), [2]],
    ["window 3651 days", (j) => ((j.parameters as Record<string, unknown>).resultWindowDays = 3651), [2]],
    ["window 5e-324 days", (j) => ((j.parameters as Record<string, unknown>).resultWindowDays = 5e-324), [2]],
    [
      "window 3650 days (allowed)",
      (j) => ((j.parameters as Record<string, unknown>).resultWindowDays = 3650),
      [0, 1],
    ],
    ["ISCED max 1e9", (j) => ((j.parameters as Record<string, unknown>).lowQualificationMaxIsced = 1e9), [2]],
    ["ISCED max 9", (j) => ((j.parameters as Record<string, unknown>).lowQualificationMaxIsced = 9), [2]],
    ["ISCED max -1", (j) => ((j.parameters as Record<string, unknown>).lowQualificationMaxIsced = -1), [2]],
    ["minFte 1e300", (j) => ((j.parameters as Record<string, unknown>).minFte = 1e300), [2]],
    ["olderAge 1e9", (j) => ((j.parameters as Record<string, unknown>).olderAge = 1e9), [2]],
    ["internship min > max", (j) => ((j.parameters as Record<string, unknown>).internshipMinMonths = 7), [2]],
    ["threshold 1e300", (j) => ((j.criteria as Record<string, unknown>[])[0].threshold = 1e300), [2]],
    ["threshold -1e-300", (j) => ((j.criteria as Record<string, unknown>[])[0].threshold = -1e-300), [2]],
    [
      "threshold 5e-324 (allowed)",
      (j) => ((j.criteria as Record<string, unknown>[])[0].threshold = 5e-324),
      [0, 1],
    ],
    [
      "points 1e9",
      (j) => ((j.criteria as Record<string, unknown>[]).find((c) => c.kind === "premium")!.points = 1e9),
      [2],
    ],
    [
      "points -0.1",
      (j) => ((j.criteria as Record<string, unknown>[]).find((c) => c.kind === "premium")!.points = -0.1),
      [2],
    ],
    [
      "target 1e308",
      (j) => ((j.criteria as Record<string, unknown>[]).find((c) => c.kind === "product")!.target = 1e308),
      [2],
    ],
    [
      "id with a newline",
      (j) => ((j.criteria as Record<string, unknown>[])[0].id = "formal\nunemployed"),
      [2],
    ],
    ["id with ANSI", (j) => ((j.criteria as Record<string, unknown>[])[0].id = "\u001b[31mformal"), [2]],
    ["card id with spaces", (j) => (j.id = "my card"), [2]],
    ["id of 1000 chars", (j) => ((j.criteria as Record<string, unknown>[])[0].id = "a".repeat(1000)), [2]],
    ["title with a control character", (j) => ((j.title as Record<string, unknown>).pl = "Karta\u0007"), [2]],
  ];
  cardCases.forEach(([id, mutate, exit], i) => {
    const f = put(`card-${i}.json`, cardJson(mutate));
    cases.push({ id: `card: ${id}`, file: f, args: ["check", "good.csv", ...AS_OF, "--card", f], exit });
  });
  cases.push({
    id: "card: not JSON",
    file: put("card-bad.json", "{nope"),
    args: ["check", "good.csv", ...AS_OF, "--card", "card-bad.json"],
    exit: [2],
  });
  cases.push({
    id: "card: UTF-16",
    file: put(
      "card-utf16.json",
      Buffer.from(
        cardJson(() => undefined),
        "utf16le",
      ),
    ),
    args: ["check", "good.csv", ...AS_OF, "--card", "card-utf16.json"],
    exit: [2],
  });
  cases.push({
    id: "card: huge number literal",
    file: put("card-huge.json", cardJson(() => undefined).replace('"threshold":0.8', '"threshold":1e999')),
    args: ["check", "good.csv", ...AS_OF, "--card", "card-huge.json"],
    exit: [0, 1, 2],
  });

  // 11. The overwrite policy (every pre-existing file must stay byte for byte the same).
  put("existing.xlsx", reg);
  put("existing-out.xlsx", "typed by the user");
  fs.symlinkSync("good.csv", path.join(dir, "link-to-input.csv"));
  fs.linkSync(path.join(dir, "good.xlsx"), path.join(dir, "hardlink-to-input.xlsx"));
  put("applicants.csv", "plik;wnioskodawca\ngood.csv;Fundacja A\n");
  const ow = (id: string, args: string[], exit: number[], extra: Partial<CorpusCase> = {}): void => {
    cases.push({ id: `overwrite: ${id}`, args, exit, ...extra });
  };
  ow("check -o onto an existing file", ["check", "good.csv", ...AS_OF, "-o", "existing-out.xlsx"], [2], {
    names: "existing-out.xlsx",
  });
  ow("check -o onto its input", ["check", "good.xlsx", ...AS_OF, "-o", "good.xlsx", "--force"], [2], {
    names: "good.xlsx",
  });
  ow(
    "check -o onto a symlink to its input",
    ["check", "good.csv", ...AS_OF, "-o", "link-to-input.csv", "--force"],
    [2],
    { names: "link-to-input.csv" },
  );
  ow(
    "check -o onto a hard link of its input",
    ["check", "good.xlsx", ...AS_OF, "-o", "hardlink-to-input.xlsx", "--force"],
    [2],
    { names: "hardlink-to-input.xlsx" },
  );
  ow(
    "check -o onto its --card",
    ["check", "good.csv", ...AS_OF, "--card", "card-0.json", "-o", "card-0.json", "--force"],
    [2],
  );
  ow(
    "check -o onto its --card (valid card)",
    [
      "check",
      "good.csv",
      ...AS_OF,
      "--card",
      "card-" + cardCases.findIndex((c) => c[0].startsWith("window 3650")) + ".json",
      "-o",
      "card-" + cardCases.findIndex((c) => c[0].startsWith("window 3650")) + ".json",
      "--force",
    ],
    [2],
  );
  ow("check -o --force (no file name)", ["check", "good.csv", ...AS_OF, "-o", "--force"], [2], {
    usage: true,
    names: "--output",
  });
  ow("check -o into a missing folder", ["check", "good.csv", ...AS_OF, "-o", "no-such-dir/out.xlsx"], [2], {
    names: "no-such-dir",
  });
  ow("check -o onto a folder", ["check", "good.csv", ...AS_OF, "-o", "folder.xlsx", "--force"], [2], {
    names: "folder.xlsx",
  });
  ow("check -o onto /dev/null", ["check", "good.csv", ...AS_OF, "-o", "/dev/null", "--force"], [2], {
    names: "/dev/null",
  });
  ow("check -o new file", ["check", "good.csv", ...AS_OF, "-o", "fresh-check.xlsx"], [0, 1], {
    output: "fresh-check.xlsx",
  });
  ow(
    "summarize -o onto an existing file",
    ["summarize", "good.csv", ...AS_OF, "-o", "existing-out.xlsx"],
    [2],
    { names: "existing-out.xlsx" },
  );
  ow(
    "summarize -o onto an input",
    ["summarize", "good.csv", "good.xlsx", ...AS_OF, "-o", "good.xlsx", "--force"],
    [2],
    { names: "good.xlsx" },
  );
  ow(
    "summarize -o onto a hard link of an input",
    ["summarize", "good.xlsx", ...AS_OF, "-o", "hardlink-to-input.xlsx", "--force"],
    [2],
  );
  ow(
    "summarize -o onto --applicants",
    ["summarize", "good.csv", ...AS_OF, "--applicants", "applicants.csv", "-o", "applicants.csv", "--force"],
    [2],
    { names: "applicants.csv" },
  );
  ow(
    "summarize -o onto --card",
    ["summarize", "good.csv", ...AS_OF, "--card", "card-0.json", "-o", "card-0.json", "--force"],
    [2],
  );
  ow("summarize -o --force (no file name)", ["summarize", "good.csv", ...AS_OF, "-o", "--force"], [2], {
    usage: true,
    names: "--output",
  });
  ow("layout -o onto an existing file", ["layout", "--year", "2023", "-o", "existing.xlsx"], [2], {
    names: "existing.xlsx",
  });
  ow("layout -o --force (no file name)", ["layout", "--year", "2023", "-o", "--force"], [2], {
    usage: true,
    names: "--output",
  });

  // 12. summarize over the whole corpus: bad files are problems with their reason, the rest summarised.
  cases.push({
    id: "summarize the whole folder",
    args: ["summarize", ".", "good.csv", "link-to-input.csv", ...AS_OF, "--json", "-o", "summary-all.xlsx"],
    exit: [0],
    output: "summary-all.xlsx",
  });
  return cases;
}
