/**
 * WorkbookHost outside Office (the pane opened in a plain browser): the "workbook" is a file the user
 * opened (.xlsx or .csv), held in memory in this page. Sections read its sheets, write plans into it
 * (other sheets stay as they were) and validate it exactly as in Excel; the result is saved by a
 * browser download. ExcelJS is loaded with a dynamic import() the first time a file is opened or
 * written, so the add-in's first-load bundle does not carry it. Nothing leaves the page. Saving streams
 * the package (./download.ts): into the file the user picks where the browser can write files, else
 * into a Blob offered as a download.
 */
import type { Localized } from "../domain/i18n";
import type { Programme } from "../domain/programme/types";
import type { MemoryWorkbook } from "../hosts/xlsx/memory";
import type { WorkbookCells } from "../workbook/cells";
import { planFixes } from "../workbook/validation/fixes";
import { validateWorkbookCells } from "../workbook/validation/validate";
import { browserDownload, saveInBrowser, WorkbookFile } from "./download";
import type { WorkbookHost } from "./host";
import type { ValidationHost } from "./validation/host";

/** Hands the bytes to the user, collected in one piece (tests; the page streams, see SaveWorkbook). */
export type SaveFile = (bytes: Uint8Array, fileName: string) => void | Promise<void>;

/**
 * Hands the workbook to the user as a stream of chunks; `interactive` when the user pressed Download (the
 * save picker may be shown), not for the automatic download after a layout. False: the user cancelled.
 */
export type SaveWorkbook = (file: WorkbookFile, how: { interactive: boolean }) => Promise<boolean>;

/** The in-memory workbook module (src/hosts/xlsx/memory), loaded on first use. */
export type LoadWorkbookModule = () => Promise<{ MemoryWorkbook: typeof MemoryWorkbook }>;

/**
 * ExcelJS is big: webpack puts it in its own chunk, fetched from the add-in's own origin the first
 * time a file is opened or written. (The ".js" suffix is what TypeScript's nodenext resolution wants
 * for a dynamic import; webpack maps it back to the .ts source through resolve.extensionAlias.)
 */
export const loadWorkbookModule: LoadWorkbookModule = () =>
  import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx/memory.js");

/** What the pane shows of the open file. */
export interface OpenFileInfo {
  fileName: string;
  sheets: string[];
  /** Changed since it was opened or last downloaded. */
  unsaved: boolean;
}

/** The file side of the standalone host: open, download, and listen for changes. */
export interface StandaloneFiles {
  current(): OpenFileInfo | null;
  /**
   * Open a file picked by the user — its bytes, or the picked File itself (read where the workbook is: in
   * the pane's Web Worker, the main thread never holds the bytes); throws a user-facing error (naming the
   * file) when unreadable.
   */
  open(file: { name: string; bytes: Uint8Array | Blob }): Promise<OpenFileInfo>;
  /**
   * Save the workbook (the Download button: where the browser can write files, the user picks where);
   * returns the file name, or null when the user cancelled the save picker (nothing written).
   */
  download(): Promise<string | null>;
  /** Close the open file (start over with none); the caller asks first when changes are unsaved. */
  close(): void;
  subscribe(listener: () => void): () => void;
}

export interface StandaloneHostOptions {
  /** Receives the whole package's bytes (tests); ignored when `saveWorkbook` is given. */
  save?: SaveFile;
  /** Receives the workbook as a stream (default: the browser's save picker or a Blob download). */
  saveWorkbook?: SaveWorkbook;
  loadModule?: LoadWorkbookModule;
  /** Enables validation of monitoring sheets (the pane passes the programme). */
  programme?: Programme;
  /** Download the whole workbook after every writePlans (default true: each layout is a deliberate "produce a file"). */
  downloadOnWrite?: boolean;
}

/** "Monitoring 2023" → "monitoring-2023.xlsx"; Polish letters folded, anything else dropped. */
export function fileNameFor(sheetName: string): string {
  const folded = sheetName
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${folded || "miernik"}.xlsx`;
}

export { browserDownload };

/** The workbook's chunks in one Uint8Array (tests' `save`). */
export async function collectBytes(file: WorkbookFile): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await file.writeTo({ write: (c) => void chunks.push(c) });
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** A problem with the user's file, with a message naming it and saying what to do. */
export class FileOpenError extends Error {
  constructor(readonly info: { message: Localized }) {
    super(info.message.en);
  }
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/**
 * Why a file could not be opened, in both languages: the readers' errors carry a kind
 * (XlsxReadError.reason); their one-line English text is kept only in the English message.
 */
export function openFailureReason(e: unknown): Localized {
  const en = oneLine(e);
  // Readers that explain themselves (the bounded xlsx reader's limits) carry their own Polish text.
  const own = (e as { pl?: unknown } | null)?.pl;
  if (typeof own === "string") return { pl: own, en };
  const kind = (e as { reason?: unknown } | null)?.reason;
  const pl =
    kind === "encrypted"
      ? "plik jest zaszyfrowany (chroniony hasłem) albo to stary format .xls"
      : kind === "legacy-xls"
        ? "to stary plik .xls — zapisz go jako .xlsx w Excelu lub LibreOffice"
        : kind === "not-zip"
          ? "to nie jest plik .xlsx (nie jest archiwum ZIP — może to inny format albo plik jest uszkodzony)"
          : kind === "empty"
            ? "plik jest pusty (0 bajtów)"
            : kind === "damaged"
              ? "plik .xlsx jest uszkodzony albo ma nieobsługiwaną budowę"
              : "nie udało się odczytać jego zawartości";
  return { pl, en };
}

export interface StandaloneHost extends WorkbookHost {
  readonly kind: "standalone";
  readonly files: StandaloneFiles;
}

export function createStandaloneHost(opts: StandaloneHostOptions = {}): StandaloneHost {
  const given = opts.save;
  const saveWorkbook: SaveWorkbook =
    opts.saveWorkbook ??
    (given
      ? async (file) => {
          await given(await collectBytes(file), file.fileName);
          return true;
        }
      : (file, how) => saveInBrowser(file, how.interactive));
  const loadModule = opts.loadModule ?? loadWorkbookModule;
  const downloadOnWrite = opts.downloadOnWrite ?? true;
  let wb: MemoryWorkbook | null = null;
  let unsaved = false;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());

  const info = (): OpenFileInfo | null =>
    wb ? { fileName: wb.fileName, sheets: wb.sheetNames(), unsaved } : null;

  const download = async (interactive: boolean): Promise<string | null> => {
    if (!wb)
      throw new FileOpenError({
        message: {
          pl: "Nie ma otwartego skoroszytu: otwórz plik .xlsx lub .csv albo utwórz arkusz.",
          en: "No workbook is open: open an .xlsx or .csv file or create a sheet.",
        },
      });
    const open = wb;
    const saved = await saveWorkbook(
      { fileName: open.fileName, writeTo: (sink) => open.writeTo(sink) },
      { interactive },
    );
    if (!saved) return null;
    unsaved = false;
    changed();
    return open.fileName;
  };

  const files: StandaloneFiles = {
    current: info,
    open: async (file) => {
      const { MemoryWorkbook } = await loadModule();
      try {
        const bytes =
          file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(await file.bytes.arrayBuffer());
        wb = await MemoryWorkbook.open(file.name, bytes);
      } catch (e) {
        const why = openFailureReason(e);
        throw new FileOpenError({
          message: {
            pl: `Nie można otworzyć pliku „${file.name}”: ${why.pl}. Wybierz plik .xlsx (zapisany w Excelu lub LibreOffice, bez hasła) albo .csv.`,
            en: `Cannot open “${file.name}”: ${why.en}. Pick an .xlsx file (saved by Excel or LibreOffice, without a password) or a .csv.`,
          },
        });
      }
      unsaved = false;
      changed();
      return info()!;
    },
    download: () => download(true),
    close: () => {
      wb = null;
      unsaved = false;
      changed();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };

  const readAll = (): WorkbookCells => ({
    sheets: (wb?.sheetNames() ?? []).map((n) => wb!.readSheet(n)!),
  });

  const validation: ValidationHost | undefined = opts.programme
    ? {
        validate: (year, yoyFactor) => {
          const programme = opts.programme!;
          return Promise.resolve({
            ...validateWorkbookCells(readAll(), programme, { year, yoyFactor }),
            syncs: 0,
          });
        },
        applyFixes: (findings) => {
          if (!wb) return Promise.resolve({ applied: [], skipped: [...findings], syncs: 0 });
          const plan = planFixes(findings, (w) => wb!.cellValue(w.sheet, w.address));
          for (const g of plan.bySheet) wb.writeCells(g.sheet, g.cells);
          if (plan.bySheet.length > 0) {
            unsaved = true;
            changed();
          }
          return Promise.resolve({ applied: plan.applied, skipped: plan.skipped, syncs: 0 });
        },
        // A file in memory has no cursor to move and nobody edits it but Miernik.
        selectCell: () => Promise.resolve(),
        watchCells: () => Promise.resolve(() => Promise.resolve()),
      }
    : undefined;

  return {
    kind: "standalone",
    excelApi: () => false,
    files,
    listSheets: () => Promise.resolve(wb?.sheetNames() ?? []),
    readSheet: (name) => Promise.resolve(wb?.readSheet(name) ?? null),
    writePlans: async (plans, names, onProgress) => {
      const { MemoryWorkbook } = await loadModule();
      wb ??= MemoryWorkbook.empty(fileNameFor(plans[0]?.name ?? "miernik"));
      wb.writePlans(plans, names);
      unsaved = true;
      onProgress?.(1);
      changed();
      if (!downloadOnWrite) return {};
      return { downloaded: (await download(false)) ?? undefined };
    },
    showSheet: () => Promise.resolve(),
    validation,
  };
}
