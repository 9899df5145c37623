/**
 * The standalone page's downloads (a small module: no zip or ExcelJS code here — the workbook writes
 * itself into a sink, see MemoryWorkbook.writeTo in the lazily loaded xlsx chunk).
 *
 * Where the browser has the File System Access API (Chromium, Edge / WebView2: `showSaveFilePicker`), the
 * explicit Download button asks where to save and the package's chunks are written straight into the
 * user's file as they are made; the file is committed only when the whole package is written (the
 * browser writes a temporary file until `close()`), and a failure aborts it, leaving any file of that
 * name as it was. Cancelling the picker writes nothing and says nothing. Elsewhere, and for the
 * automatic download after a layout (no fresh user gesture: the picker needs one, and a save dialog
 * popping up after the work would surprise), the chunks become the parts of a Blob (never one contiguous
 * copy in the page) offered through a temporary object URL. No network involved.
 */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Where a workbook's bytes go, chunk by chunk (the same shape as src/hosts/xlsx/zipWriter's ByteSink). */
export interface ChunkSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** A workbook ready to be saved: its file name and a writer of its .xlsx into a sink. */
export interface WorkbookFile {
  fileName: string;
  writeTo(sink: ChunkSink): Promise<void>;
}

/** The parts of FileSystemWritableFileStream used here. */
export interface WritableFile {
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

/** `window.showSaveFilePicker` as used here (File System Access API; Chromium and Edge only). */
export type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{ createWritable(): Promise<WritableFile> }>;

/** The browser's save picker, or null where there is none (Firefox, Safari, old webviews, workers). */
export function browserSavePicker(): SavePicker | null {
  const w = globalThis as unknown as { showSaveFilePicker?: SavePicker; window?: unknown };
  return typeof w.window !== "undefined" && typeof w.showSaveFilePicker === "function"
    ? w.showSaveFilePicker.bind(globalThis)
    : null;
}

/** Where a save goes: a file the user picked, a browser download, or nowhere (the user cancelled). */
export type SaveTarget = { kind: "file"; file: WritableFile } | { kind: "download" } | { kind: "cancelled" };

/**
 * Asks the user where to save `fileName` when the browser can write files (call it directly from the
 * click, before any other waiting: the picker needs the user's gesture). Cancel → "cancelled"; no picker,
 * or a picker the page may not use (a cross-origin frame, no gesture) → "download".
 */
export async function pickSaveTarget(fileName: string, picker: SavePicker | null): Promise<SaveTarget> {
  if (!picker) return { kind: "download" };
  let handle: Awaited<ReturnType<SavePicker>>;
  try {
    handle = await picker({
      suggestedName: fileName,
      types: [{ description: "Excel (.xlsx)", accept: { [XLSX_MIME]: [".xlsx"] } }],
    });
  } catch (e) {
    if ((e as { name?: unknown } | null)?.name === "AbortError") return { kind: "cancelled" };
    return { kind: "download" };
  }
  return { kind: "file", file: await handle.createWritable() };
}

/** Writes the workbook into a picked file; on failure the file is aborted (not committed) and the error rethrown. */
export async function writeToFile(
  file: WritableFile,
  write: (sink: ChunkSink) => Promise<void>,
): Promise<void> {
  try {
    await write({ write: (chunk) => file.write(chunk as Uint8Array<ArrayBuffer>) });
  } catch (e) {
    await file.abort(e).catch(() => undefined);
    throw e;
  }
  await file.close();
}

/** The workbook's chunks as the parts of one Blob. */
export async function workbookBlob(write: (sink: ChunkSink) => Promise<void>): Promise<Blob> {
  const parts: BlobPart[] = [];
  await write({ write: (chunk) => void parts.push(chunk as Uint8Array<ArrayBuffer>) });
  return new Blob(parts, { type: XLSX_MIME });
}

/** Offer bytes (or a Blob) as a download through a temporary object URL (no network involved). */
export function browserDownload(data: Uint8Array | Blob, fileName: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves a workbook in this page: `interactive` (the Download button) → the picker where there is one,
 * streaming into the picked file; otherwise a Blob download. Returns false when the user cancelled.
 */
export async function saveInBrowser(
  wb: WorkbookFile,
  interactive: boolean,
  picker: SavePicker | null = browserSavePicker(),
): Promise<boolean> {
  const target = interactive ? await pickSaveTarget(wb.fileName, picker) : ({ kind: "download" } as const);
  if (target.kind === "cancelled") return false;
  if (target.kind === "file") await writeToFile(target.file, (sink) => wb.writeTo(sink));
  else browserDownload(await workbookBlob((sink) => wb.writeTo(sink)), wb.fileName);
  return true;
}
