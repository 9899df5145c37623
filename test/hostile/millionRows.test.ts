/**
 * Issue 13 acceptance: a valid register .xlsx of 1 048 576 rows (Excel's maximum: the header and
 * 1 048 575 participants) is refused with a message about its size — by the CLI at Node's default heap
 * without crashing (peak RSS < 500 MB), and by the pane's reader — before anything is inflated.
 * The file is generated cheaply: the sheet XML is deflated as a stream (shared strings, five participants
 * repeated), never held whole. This is the one expensive test of the folder (a few seconds of deflating).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { readCentralDirectory } from "../../src/hosts/xlsx/zipGuard";
import { CANONICAL_CSV } from "./corpus";
import { crc32, makeZip } from "./zipWriter";

const ROOT = path.join(__dirname, "../..");
const ROWS = 1048576;

function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const esc = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function millionRowWorkbook(): Buffer {
  const lines = CANONICAL_CSV.trim()
    .split(/\r?\n/)
    .map((l) => l.split(";"));
  const header = lines[0];
  const people = lines.slice(1);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (t: string): number => {
    let i = index.get(t);
    if (i === undefined) index.set(t, (i = strings.push(t) - 1));
    return i;
  };
  // A header row with references, then rows whose cells carry no reference (allowed by OOXML): the
  // participants' cells are spelled out once and repeated.
  const headerXml =
    `<row r="1">` +
    header.map((v, c) => `<c r="${colName(c)}1" t="s"><v>${sst(v)}</v></c>`).join("") +
    "</row>";
  const bodies = people.map((p) =>
    p
      .slice(1)
      .map((v) => (v === "" ? "<c/>" : `<c t="s"><v>${sst(v)}</v></c>`))
      .join(""),
  );
  const crcOf = (zlib as unknown as { crc32: (b: Buffer, v?: number) => number }).crc32;
  const chunks: Buffer[] = [];
  let crc = 0;
  let size = 0;
  let pending: string[] = [];
  // Deflated in chunks of rows, each ended by a sync flush (so the chunks concatenate).
  const flush = (): void => {
    const b = Buffer.from(pending.join(""), "utf8");
    pending = [];
    crc = crcOf(b, crc);
    size += b.length;
    chunks.push(zlib.deflateRawSync(b, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  };
  pending.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
    headerXml,
  );
  for (let r = 2; r <= ROWS; r++) {
    pending.push(`<row r="${r}"><c><v>${r - 1}</v></c>${bodies[(r - 2) % bodies.length]}</row>`);
    if (pending.length >= 20000) flush();
  }
  pending.push(`</sheetData></worksheet>`);
  flush();
  chunks.push(Buffer.from([0x03, 0x00])); // an empty final block ends the stream
  const sheetCompressed = Buffer.concat(chunks);

  const sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join("")}</sst>`;
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Uczestnicy" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  return makeZip([
    { name: "[Content_Types].xml", data: Buffer.from(ct) },
    { name: "_rels/.rels", data: Buffer.from(rels) },
    { name: "xl/workbook.xml", data: Buffer.from(wb) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(wbRels) },
    { name: "xl/sharedStrings.xml", data: Buffer.from(sstXml) },
    {
      name: "xl/worksheets/sheet1.xml",
      data: Buffer.alloc(0),
      rawCompressed: sheetCompressed,
      declaredSize: size,
      crc: crc >>> 0,
    },
  ]);
}

describe("a register of 1 048 576 rows", () => {
  let dir: string;
  let file: string;
  let bytes: Buffer;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-million-"));
    bytes = millionRowWorkbook();
    file = path.join(dir, "million.xlsx");
    fs.writeFileSync(file, bytes);
  }, 300000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the generated package is a zip whose sheet inflates to what it declares", () => {
    // The fixture's own check: the sheet's real size and CRC (inflated here once, natively).
    const entries = readCentralDirectory(new Uint8Array(bytes));
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const h = sheet.localHeaderOffset;
    const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
    const inflated = zlib.inflateRawSync(bytes.subarray(start, start + sheet.compressedSize));
    expect(inflated.length).toBe(sheet.uncompressedSize);
    expect(crc32(inflated)).toBe(bytes.readUInt32LE(h + 14));
    expect(inflated.subarray(inflated.length - 2000).toString("utf8")).toContain(`<row r="${ROWS}">`);
  }, 120000);

  test("the CLI refuses it with a message about its size, at the default heap, RSS < 500 MB", () => {
    expect(fs.existsSync(path.join(ROOT, "lib/cli/main.js"))).toBe(true);
    const rss = path.join(dir, "rss.txt");
    const r = spawnSync(
      "/usr/bin/time",
      [
        "-v",
        "-o",
        rss,
        process.execPath,
        path.join(ROOT, "bin/miernik.js"),
        "check",
        "million.xlsx",
        "--as-of",
        "2024-06-01",
      ],
      { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" }, timeout: 120000 },
    );
    expect(r.status).toBe(2);
    // Refused by the row limit while the package is checked (or by its unpacked size), never read.
    expect(r.stderr).toMatch(/million\.xlsx: (arkusz \S+ ma ponad 250000 wierszy|skoroszyt jest za duży)/);
    expect(r.stderr).not.toMatch(/\n\s+at |FATAL|heap/);
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(rss, "utf8"))![1]);
    expect(kb).toBeLessThan(500 * 1024);
  }, 120000);

  test("the pane's reader refuses it the same way", async () => {
    await expect(readXlsx(new Uint8Array(bytes))).rejects.toMatchObject({ reason: "too-large" });
  });
});
