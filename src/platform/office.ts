/**
 * Start-up: waits for Office.js and tells the pane where it runs.
 * - "excel": inside Excel (desktop, web or Mac), with the `Excel` API available;
 * - "standalone": opened in a plain browser, office.js missing or not loaded, or Office reporting
 *   no host (`Office.onReady` → `{ host: null }`), or never becoming ready.
 * A simulated Excel (end-to-end tests) is just globals `Office` and `Excel` defined before the
 * bundle runs, with `Office.onReady` reporting host "Excel": no special test path.
 */
import type { ExcelRunner } from "../hosts/excel/run";
import { detectHostInfo } from "./helpers";

export type HostKind = "excel" | "standalone";

export interface Platform {
  host: HostKind;
  /** Whether the ExcelApi requirement set `version` ("1.9") is available; always false standalone. */
  excelApi(version: string): boolean;
  /** The `Excel` namespace to run batches with (host "excel" only). */
  excel?: ExcelRunner;
  /** Informational: "PC", "OFFICE_ONLINE", "MAC", … or null. */
  platform: string | null;
  /** Why the pane runs standalone (for the about text / diagnostics), in English. */
  reason?: string;
}

/** The parts of the Office global start-up touches. */
interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
}

export interface StartOptions {
  /** Where to look for `Office` and `Excel` (default globalThis). */
  scope?: { Office?: unknown; Excel?: unknown };
  /** Give up waiting for Office.onReady after this many milliseconds (default 8000). */
  readyTimeoutMs?: number;
}

function standalone(reason: string): Platform {
  return { host: "standalone", excelApi: () => false, platform: null, reason };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | "timeout"> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve("timeout"), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Wait for Office (if present) and describe the platform. Never throws. */
export async function startPlatform(opts: StartOptions = {}): Promise<Platform> {
  const scope = opts.scope ?? (globalThis as { Office?: unknown; Excel?: unknown });
  const office = scope.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== "function") return standalone("office.js is not loaded");
  let info: { host: unknown; platform?: unknown } | "timeout";
  try {
    info = await withTimeout(office.onReady(), opts.readyTimeoutMs ?? 8000);
  } catch (e) {
    return standalone(`Office.onReady failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (info === "timeout") return standalone("Office did not become ready");
  if (info.host !== "Excel") return standalone(`Office host is ${String(info.host)}`);
  const excel = scope.Excel as ExcelRunner | undefined;
  if (!excel || typeof excel.run !== "function") return standalone("the Excel API is missing");
  const platform =
    typeof info.platform === "string"
      ? info.platform
      : scope === globalThis
        ? detectHostInfo().platform
        : null;
  return {
    host: "excel",
    excel,
    platform,
    excelApi: (version: string) => {
      try {
        return office.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
      } catch {
        return false;
      }
    },
  };
}

/** The requirement set the manifest declares (manifest.xml <Requirements>). */
export const REQUIRED_EXCEL_API = "1.9";
