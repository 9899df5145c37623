/**
 * WorkbookHost outside Office (the pane opened in a plain browser): plans become an .xlsx file
 * the browser downloads. ExcelJS is loaded with a dynamic import() only when a file is written,
 * so the add-in's first-load bundle does not carry it. Nothing leaves the page.
 */
import type { WorkbookPlan } from "../workbook/plan";
import type { WorkbookHost } from "./host";

/** Hands the bytes to the user (default: a browser download). */
export type SaveFile = (bytes: Uint8Array, fileName: string) => void | Promise<void>;

/** The .xlsx writer (src/hosts/xlsx/render), loaded on first use. */
export type LoadWriter = () => Promise<{ writeXlsx(plan: WorkbookPlan): Promise<Uint8Array> }>;

/**
 * ExcelJS is big: webpack puts it in its own chunk, fetched from the add-in's own origin the first
 * time a file is written. (The ".js" suffix is what TypeScript's nodenext resolution wants for a
 * dynamic import; webpack maps it back to the .ts source through resolve.extensionAlias.)
 */
export const loadXlsxWriter: LoadWriter = () =>
  import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx/render.js");

export interface StandaloneHostOptions {
  save?: SaveFile;
  loadWriter?: LoadWriter;
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

/** Offer bytes as a download through a temporary object URL (no network involved). */
export function browserDownload(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
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

export function createStandaloneHost(opts: StandaloneHostOptions = {}): WorkbookHost {
  const save = opts.save ?? browserDownload;
  const loadWriter = opts.loadWriter ?? loadXlsxWriter;
  return {
    kind: "standalone",
    excelApi: () => false,
    // No workbook is open in the page: every layout starts from an empty sheet.
    listSheets: () => Promise.resolve([]),
    readSheet: () => Promise.resolve(null),
    writePlans: async (plans, names, onProgress) => {
      const { writeXlsx } = await loadWriter();
      const bytes = await writeXlsx({ sheets: plans, names });
      onProgress?.(1);
      const fileName = fileNameFor(plans[0]?.name ?? "miernik");
      await save(bytes, fileName);
      return { downloaded: fileName };
    },
    showSheet: () => Promise.resolve(),
  };
}
