/**
 * Checks an .xlsx package BEFORE ExcelJS (JSZip) inflates it: the zip's central directory is read here
 * (it lists every entry with its compressed and declared uncompressed size), so a zip bomb, a truncated
 * package, an OpenDocument (.ods) file or a package that is not a workbook is refused with one line,
 * without inflating anything. Then every entry is inflated once as a stream (DecompressionStream, in
 * Node and in browsers) and counted, so an entry that inflates to more than it declares is stopped at
 * its declared size; worksheet XML is scanned on the way for ranges ExcelJS would expand cell by cell
 * (a merge or a data validation over A1:XFD1048576 would cost billions of objects).
 * No I/O, no dependency: works in the CLI and in the pane.
 */

/** Limits of what Miernik reads (README, "Limits"). */
import { APPLE_NUMBERS } from "../../workbook/lockFile";

export const XLSX_LIMITS = {
  /** The whole package, inflated. A 100 000-row register is ~80 MB. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** One entry's inflated size over its compressed size, checked for entries above `ratioFloorBytes`. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10000,
  /** Cells one merge may span; cells all data validations of a sheet may cover. */
  maxMergeCells: 100000,
  maxValidationCells: 5000000,
  /** Rows (`<row>` elements) of one sheet. */
  maxRows: 250000,
};

export type ZipProblem = "not-zip" | "damaged" | "ods" | "not-workbook" | "too-large" | "zip-bomb";

/** An .xlsx refused before it is inflated; `message` (en) and `pl` are one line each. */
export class ZipGuardError extends Error {
  constructor(
    message: string,
    readonly pl: string,
    readonly problem: ZipProblem,
  ) {
    super(message);
    this.name = "ZipGuardError";
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

function damaged(en: string, pl: string): never {
  throw new ZipGuardError(
    `damaged .xlsx file (${en})`,
    `uszkodzony plik .xlsx (${pl}) — otwórz go w Excelu i zapisz ponownie`,
    "damaged",
  );
}

/** The central directory's entries (no inflating). Throws ZipGuardError. */
export function readCentralDirectory(u8: Uint8Array): ZipEntry[] {
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  // End of central directory: 22 bytes + a comment of up to 65 535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = u8.length - 22; i >= Math.max(0, u8.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    damaged("no zip directory: the file is truncated", "brak spisu archiwum zip: plik jest ucięty");
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipGuardError(
      "the .xlsx package is a ZIP64 archive (over 4 GB or 65 535 parts): too large to read",
      "pakiet .xlsx jest archiwum ZIP64 (ponad 4 GB lub 65 535 części): za duży do odczytu",
      "too-large",
    );
  if (count > XLSX_LIMITS.maxEntries)
    throw new ZipGuardError(
      `the .xlsx package has ${count} parts (limit ${XLSX_LIMITS.maxEntries})`,
      `pakiet .xlsx ma ${count} części (limit ${XLSX_LIMITS.maxEntries})`,
      "too-large",
    );
  if (cdOffset + cdSize > eocd) damaged("zip directory out of bounds", "spis archiwum poza plikiem");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== 0x02014b50)
      damaged(`zip directory entry ${i + 1} is broken`, `wpis ${i + 1} spisu archiwum jest uszkodzony`);
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localHeaderOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) damaged("zip directory entry out of bounds", "wpis spisu poza plikiem");
    const name = decoder.decode(u8.subarray(p + 46, p + 46 + nameLen));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff)
      throw new ZipGuardError(
        `the .xlsx part ${name} is a ZIP64 entry (over 4 GB): too large to read`,
        `część ${name} pakietu .xlsx jest wpisem ZIP64 (ponad 4 GB): za duża do odczytu`,
        "too-large",
      );
    if (localHeaderOffset + 30 > cdOffset || dv.getUint32(localHeaderOffset, true) !== 0x04034b50)
      damaged(`part ${name} is missing or truncated`, `brak części ${name} albo jest ucięta`);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Checks the declared sizes and the package's kind. Throws ZipGuardError; no inflating. */
export function checkDeclaredSizes(entries: ZipEntry[]): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("mimetype") && names.has("content.xml") && !names.has("[Content_Types].xml"))
    throw new ZipGuardError(
      "an OpenDocument spreadsheet (.ods), not an .xlsx: save it as .xlsx (LibreOffice: File → Save As → Excel 2007–365)",
      "arkusz OpenDocument (.ods), nie .xlsx: zapisz go jako .xlsx (LibreOffice: Plik → Zapisz jako → Excel 2007–365)",
      "ods",
    );
  if (names.has("Index/Document.iwa") && !names.has("xl/workbook.xml"))
    throw new ZipGuardError(APPLE_NUMBERS.en, APPLE_NUMBERS.pl, "not-workbook");
  if (names.has("xl/workbook.bin") && !names.has("xl/workbook.xml"))
    throw new ZipGuardError(
      "an Excel binary workbook (.xlsb), not an .xlsx: save it as .xlsx in Excel (File → Save As → Excel Workbook (*.xlsx))",
      "skoroszyt binarny Excela (.xlsb), nie .xlsx: zapisz go jako .xlsx w Excelu (Plik → Zapisz jako → Skoroszyt programu Excel (*.xlsx))",
      "not-workbook",
    );
  if (!names.has("xl/workbook.xml") && ![...names].some((n) => /^xl\/workbook\d*\.xml$/i.test(n)))
    throw new ZipGuardError(
      "a zip archive, but not an Excel workbook (no xl/workbook.xml): save the sheet as .xlsx",
      "archiwum zip, ale nie skoroszyt Excela (brak xl/workbook.xml): zapisz arkusz jako .xlsx",
      "not-workbook",
    );
  let total = 0;
  for (const e of entries) total += e.uncompressedSize;
  if (total > XLSX_LIMITS.maxUncompressedBytes)
    throw new ZipGuardError(
      `the workbook is too large to read: ${mb(total)} of XML unpacked (limit ${mb(XLSX_LIMITS.maxUncompressedBytes)}, about 250 000 register rows) — split it into smaller files or save it as .csv`,
      `skoroszyt jest za duży do odczytu: ${mb(total)} XML po rozpakowaniu (limit ${mb(XLSX_LIMITS.maxUncompressedBytes)}, ok. 250 000 wierszy rejestru) — podziel go na mniejsze pliki albo zapisz jako .csv`,
      "too-large",
    );
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8)
      damaged(`part ${e.name} uses zip method ${e.method}`, `część ${e.name} używa metody zip ${e.method}`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize)
      damaged(`part ${e.name} has inconsistent sizes`, `część ${e.name} ma niespójne rozmiary`);
    if (
      e.uncompressedSize > XLSX_LIMITS.ratioFloorBytes &&
      e.uncompressedSize > XLSX_LIMITS.maxRatio * Math.max(1, e.compressedSize)
    )
      throw new ZipGuardError(
        `refused as a zip bomb: part ${e.name} would unpack ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}× (${mb(e.uncompressedSize)}; limit ${XLSX_LIMITS.maxRatio}×)`,
        `odrzucony jako bomba zip: część ${e.name} rozpakowałaby się ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}× (${mb(e.uncompressedSize)}; limit ${XLSX_LIMITS.maxRatio}×)`,
        "zip-bomb",
      );
  }
}

const COL_RE = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Cells covered by a space-separated list of A1 references (whole rows/columns count as such). */
export function rangeArea(sqref: string): number {
  let total = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    if (!part) continue;
    const [a, b = a] = part.toUpperCase().split(":");
    const ma = COL_RE.exec(a);
    const mb2 = COL_RE.exec(b);
    if (!ma || !mb2) {
      // "A:A" or "1:1" — whole columns / rows: ExcelJS expands those too.
      total += 1048576 * 16384;
      continue;
    }
    const rows = Math.abs(Number(mb2[2]) - Number(ma[2])) + 1;
    const cols = Math.abs(colNumber(mb2[1]) - colNumber(ma[1])) + 1;
    total += rows * cols;
  }
  return total;
}

/** Scans worksheet XML text (in chunks) for ranges ExcelJS would expand cell by cell. */
class SheetScanner {
  private tail = "";
  private validation = 0;
  private rows = 0;
  constructor(private readonly part: string) {}

  feed(text: string): void {
    const s = this.tail + text;
    for (const m of s.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g)) {
      if (m.index !== undefined && m.index + m[0].length <= this.tail.length) continue;
      const area = rangeArea(m[1]);
      if (area > XLSX_LIMITS.maxMergeCells) this.refuse(`a merged range ${m[1]}`, `scalony zakres ${m[1]}`);
    }
    for (const m of s.matchAll(/<(?:\w+:)?dataValidation\b[^>]*?\bsqref="([^"]*)"/g)) {
      if (m.index !== undefined && m.index + m[0].length <= this.tail.length) continue;
      this.validation += rangeArea(m[1]);
      if (this.validation > XLSX_LIMITS.maxValidationCells)
        this.refuse(`data validation over ${m[1]}`, `sprawdzanie poprawności danych w zakresie ${m[1]}`);
    }
    for (const m of s.matchAll(/<(?:\w+:)?row[\s>]/g)) {
      if (m.index !== undefined && m.index + m[0].length <= this.tail.length) continue;
      if (++this.rows > XLSX_LIMITS.maxRows)
        throw new ZipGuardError(
          `the sheet ${this.part} has more than ${XLSX_LIMITS.maxRows} rows, more than Miernik reads — split the register into smaller files`,
          `arkusz ${this.part} ma ponad ${XLSX_LIMITS.maxRows} wierszy, więcej niż Miernik czyta — podziel rejestr na mniejsze pliki`,
          "too-large",
        );
    }
    for (const m of s.matchAll(/<(?:\w+:)?col\b[^>]*?\bmax="(\d+)"/g)) {
      if (Number(m[1]) > 16384) this.refuse(`a column number ${m[1]}`, `numer kolumny ${m[1]}`);
    }
    this.tail = s.slice(-2048);
  }

  private refuse(en: string, pl: string): never {
    throw new ZipGuardError(
      `the sheet ${this.part} declares ${en}, beyond what Miernik reads (merges up to ${XLSX_LIMITS.maxMergeCells} cells, validation up to ${XLSX_LIMITS.maxValidationCells} cells)`,
      `arkusz ${this.part} deklaruje ${pl}, ponad to, co Miernik czyta (scalenia do ${XLSX_LIMITS.maxMergeCells} komórek, sprawdzanie poprawności do ${XLSX_LIMITS.maxValidationCells} komórek)`,
      "too-large",
    );
  }
}

const hasStreams = (): boolean =>
  typeof DecompressionStream !== "undefined" && typeof ReadableStream !== "undefined";

/** Inflates one entry as a stream, counting bytes; stops at the declared size. */
async function inflateCounted(u8: Uint8Array, e: ZipEntry, scan: SheetScanner | null): Promise<void> {
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const h = e.localHeaderOffset;
  const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
  if (start + e.compressedSize > u8.length)
    damaged(`part ${e.name} is truncated`, `część ${e.name} jest ucięta`);
  const data = u8.subarray(start, start + e.compressedSize);
  const decoder = new TextDecoder("utf-8");
  if (e.method === 0) {
    scan?.feed(decoder.decode(data));
    return;
  }
  const source = new ReadableStream<BufferSource>({
    start(c) {
      // A copy: the stream may transfer its chunks.
      c.enqueue(data.slice());
      c.close();
    },
  });
  const reader = source.pipeThrough<Uint8Array>(new DecompressionStream("deflate-raw")).getReader();
  let seen = 0;
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch {
        damaged(`part ${e.name} does not unpack`, `część ${e.name} nie daje się rozpakować`);
      }
      if (r.done) break;
      seen += r.value.byteLength;
      if (seen > e.uncompressedSize)
        throw new ZipGuardError(
          `refused as a zip bomb: part ${e.name} unpacks to more than the ${e.uncompressedSize} bytes it declares`,
          `odrzucony jako bomba zip: część ${e.name} rozpakowuje się do więcej niż deklarowane ${e.uncompressedSize} bajtów`,
          "zip-bomb",
        );
      scan?.feed(decoder.decode(r.value, { stream: true }));
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  if (seen !== e.uncompressedSize)
    damaged(
      `part ${e.name} unpacks to ${seen} bytes, not the ${e.uncompressedSize} it declares`,
      `część ${e.name} rozpakowuje się do ${seen} bajtów, a deklaruje ${e.uncompressedSize}`,
    );
}

/**
 * Every check, before ExcelJS sees the bytes. Throws ZipGuardError. The streaming pass needs
 * DecompressionStream (Node 18+, every current browser); without it only the declared sizes are checked.
 */
export async function guardXlsx(u8: Uint8Array): Promise<void> {
  const entries = readCentralDirectory(u8);
  checkDeclaredSizes(entries);
  if (!hasStreams()) return;
  for (const e of entries) {
    if (e.uncompressedSize === 0 && e.compressedSize <= 2) continue;
    const scan = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) ? new SheetScanner(e.name) : null;
    await inflateCounted(u8, e, scan);
  }
}
