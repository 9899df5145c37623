import { CellValue } from "./plan";

/**
 * CSV text → 2-D array of strings (null for empty fields). Separator `;` or `,` detected from the first
 * line outside quotes (more `;` than `,` → `;`); quotes with doubled `""`; UTF-8 BOM dropped; CRLF, LF or CR.
 * Values stay text: the register reader parses dates and numbers itself.
 */
export function detectSeparator(text: string): ";" | "," {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === ";") semi++;
    else if (!quoted && c === ",") comma++;
  }
  return semi >= comma && semi > 0 ? ";" : comma > 0 ? "," : ";";
}

export function parseCsv(input: string, separator?: ";" | ","): CellValue[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
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
      } else field += c;
    } else if (c === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
    } else if (c === sep) endField();
    else if (c === "\r") {
      if (text[i + 1] === "\n") i++;
      endRow();
    } else if (c === "\n") endRow();
    else field += c;
  }
  if (field !== "" || row.length > 0 || wasQuoted) endRow();
  // Drop fully empty trailing rows.
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  return rows;
}

/** Bytes (UTF-8, BOM optional) → rows. */
export function parseCsvBytes(bytes: Uint8Array): CellValue[][] {
  return parseCsv(new TextDecoder("utf-8").decode(bytes));
}
