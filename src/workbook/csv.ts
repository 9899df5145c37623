import { CellValue } from "./plan";

/**
 * CSV files as users have them (issue 12): bytes in UTF-8 (BOM or not), UTF-16 LE/BE (with a BOM),
 * Windows-1250 (what Polish Excel saves as "CSV (rozdzielany średnikami)") or ISO-8859-2, decoded with the
 * platform's `TextDecoder` (Node 20 and browsers carry these encodings; no tables of our own); separator
 * `;`, `,` or TAB detected from the header line; a strict tokenizer (an unterminated quote is an error
 * naming its line, never a silently swallowed rest of the file). Values stay text: the register reader
 * parses dates and numbers itself.
 */

export type CsvSeparator = ";" | "," | "\t";
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1250" | "iso-8859-2";

/** Encodings tried, in order, with the names messages use. */
export const CSV_ENCODINGS: readonly { encoding: CsvEncoding; label: string }[] = [
  { encoding: "utf-8", label: "UTF-8" },
  { encoding: "utf-16le", label: "UTF-16 LE" },
  { encoding: "utf-16be", label: "UTF-16 BE" },
  { encoding: "windows-1250", label: "Windows-1250" },
  { encoding: "iso-8859-2", label: "ISO-8859-2" },
];
export const encodingLabel = (e: CsvEncoding): string =>
  CSV_ENCODINGS.find((x) => x.encoding === e)?.label ?? e;
export const separatorLabel = (s: CsvSeparator): string => (s === "\t" ? "TAB" : s);

/** A CSV the tokenizer cannot read (an unterminated quote). One line, PL + EN, naming the file line. */
export class CsvError extends Error {
  constructor(
    readonly pl: string,
    readonly en: string,
    /** 1-based line of the file where the problem starts. */
    readonly line: number,
  ) {
    super(`${pl} / ${en}`);
    this.name = "CsvError";
  }
}

const SEPARATORS: readonly CsvSeparator[] = [";", "\t", ","];
/** Lines looked at for the header line (a title block may come first). */
const SEPARATOR_SEARCH_LINES = 20;

/**
 * The separator of a CSV text: on the first line (of the first 20) that has any of `;`, TAB, `,` outside
 * quotes, the one occurring most often (ties: `;`, then TAB, then `,`); `;` when no line has any.
 */
export function detectSeparator(text: string): CsvSeparator {
  let counts = new Map<CsvSeparator, number>();
  let quoted = false;
  let lines = 0;
  const best = (): CsvSeparator | null => {
    let pick: CsvSeparator | null = null;
    for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (pick ? (counts.get(pick) ?? 0) : 0)) pick = s;
    return pick;
  };
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (i === text.length || (!quoted && (c === "\n" || c === "\r"))) {
      const b = best();
      if (b) return b;
      if (++lines >= SEPARATOR_SEARCH_LINES) break;
      counts = new Map();
    } else if (!quoted && (c === ";" || c === "," || c === "\t")) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return ";";
}

/**
 * CSV text → 2-D array of strings (null for empty fields), each row holding exactly the fields of its record
 * (so a caller can compare a row's width with the header's). Quotes with doubled `""`; a leading BOM dropped;
 * CRLF, LF or CR; fully empty trailing rows dropped. An unterminated quote throws CsvError naming the line
 * where the quoted field starts.
 */
export function parseCsv(input: string, separator?: CsvSeparator): CellValue[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let quoteLine = 1;
  const endField = (): void => {
    row.push(field === "" && !wasQuoted ? null : field);
    field = "";
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
      }
    } else if (c === '"' && field === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (c === sep) endField();
    else if (c === "\r") {
      if (text[i + 1] === "\n") i++;
      line++;
      endRow();
    } else if (c === "\n") {
      line++;
      endRow();
    } else field += c;
  }
  if (quoted)
    throw new CsvError(
      `niezamknięty cudzysłów w wierszu ${quoteLine} pliku — pole zaczęte tam cudzysłowem „"” nie kończy się; popraw plik (zamknij cudzysłów albo podwój go: "")`,
      `unterminated quote on line ${quoteLine} of the file — the field that starts there with a quote (") never ends; fix the file (close the quote or double it: "")`,
      quoteLine,
    );
  if (field !== "" || row.length > 0 || wasQuoted) endRow();
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  return rows;
}

/** One way of reading the bytes: the encoding and whether the bytes themselves say it (BOM, valid UTF-8). */
export interface CsvDecoding {
  encoding: CsvEncoding;
  /** A byte-order mark was present. */
  bom: boolean;
  /** The bytes decide the encoding (a BOM, or valid UTF-8 with non-ASCII letters / pure ASCII). */
  certain: boolean;
  text: string;
}

const POLISH = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/g;
/** Characters that a wrong single-byte guess produces in Polish text (C1 controls, ˇ ¦ ¬ ± ¶ Ľ ľ ˘ Ą as 0xA1 …). */
const SUSPICIOUS = /[\u0080-\u009f\u02c7\u02d8\u00a6\u00ac\u00b1\u00b6\u013d\u013e\u00a4\u00a5\u00b9\u00bc]/g;

/** How Polish a text looks: Polish letters count for it, characters a wrong code page produces against it. */
export function polishScore(text: string): number {
  return (text.match(POLISH)?.length ?? 0) - 3 * (text.match(SUSPICIOUS)?.length ?? 0);
}

/**
 * The candidate decodings of CSV bytes, the most likely first: a BOM decides (UTF-8, UTF-16 LE/BE); zero bytes
 * in every other position mean UTF-16 without a BOM (LE and BE, the likelier first); bytes that are valid UTF-8
 * are UTF-8; otherwise Windows-1250 and ISO-8859-2, ordered by `polishScore` (ties:
 * Windows-1250, what Polish Excel writes). Callers that know what the text must contain (the register's
 * headers) choose among them (src/workbook/register/reader.ts `csvSheetFromBytes`).
 */
export function csvDecodings(bytes: Uint8Array): CsvDecoding[] {
  const dec = (encoding: CsvEncoding, from = 0, fatal = false): string =>
    new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes.subarray(from));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return [{ encoding: "utf-8", bom: true, certain: true, text: dec("utf-8", 3) }];
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return [{ encoding: "utf-16le", bom: true, certain: true, text: dec("utf-16le", 2) }];
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return [{ encoding: "utf-16be", bom: true, certain: true, text: dec("utf-16be", 2) }];
  // UTF-16 without a BOM: ASCII text then has a zero byte in every other position.
  const head = bytes.subarray(0, 2000);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  if (evenZeros + oddZeros > head.length / 4) {
    const le = oddZeros > evenZeros;
    return (le ? (["utf-16le", "utf-16be"] as const) : (["utf-16be", "utf-16le"] as const)).map(
      (encoding) => ({
        encoding,
        bom: false,
        certain: false,
        text: dec(encoding),
      }),
    );
  }
  try {
    return [{ encoding: "utf-8", bom: false, certain: true, text: dec("utf-8", 0, true) }];
  } catch {
    // not UTF-8: a single-byte Polish code page
  }
  const single = (["windows-1250", "iso-8859-2"] as const).map((encoding) => ({
    encoding,
    bom: false,
    certain: false,
    text: dec(encoding),
  }));
  return single.sort((a, b) => polishScore(b.text) - polishScore(a.text));
}

/** Bytes (any encoding above, the most likely decoding) → rows. For CSVs without known headers. */
export function parseCsvBytes(bytes: Uint8Array): CellValue[][] {
  return parseCsv(csvDecodings(bytes)[0].text);
}

/**
 * A file name of delimited text: `.csv`, `.tsv`, and `.txt` — what Excel's "Tekst Unicode" / "Tekst
 * (rozdzielany znakami tabulacji)" save (UTF-16 or Windows-1250, TAB-separated). Read by content as any CSV.
 */
export function isDelimitedTextName(name: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(name);
}
