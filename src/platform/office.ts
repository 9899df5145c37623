/**
 * Start-up: waits for Office.js and tells the pane where it runs.
 * - "excel": inside Excel (desktop, web or Mac), with the `Excel` API available;
 * - "standalone": opened in a plain browser, office.js missing or not loaded, or Office reporting
 *   no host (`Office.onReady` → `{ host: null }`), or not ready at once outside an Office container
 *   (no iframe, WebView or `_host_Info`: no host can come), or never ready inside one (8 s).
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
  /**
   * The theme Office reports (Office.context.officeTheme: dark when its body background is dark;
   * high contrast when the system forces colours), or null where Office reports none (standalone:
   * the pane follows prefers-color-scheme).
   */
  theme: PaneTheme | null;
}

export type PaneTheme = "light" | "dark" | "highContrast";

/** The colours Office.context.officeTheme reports (hex strings such as "#1f1f1f"). */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance (0 black … 1 white) of "#rrggbb" / "rrggbb", or null when it is not a colour. */
function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The pane's theme from what Office reports: high contrast when the system forces colours (Windows
 * high-contrast themes), dark when Office says so or its body background is dark, else light; null
 * when Office reports no theme at all.
 */
export function themeFromOffice(theme: OfficeThemeLike | undefined, forcedColors: boolean): PaneTheme | null {
  if (forcedColors) return "highContrast";
  if (!theme) return null;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = luminance(theme.bodyBackgroundColor);
  if (l === null) return null;
  return l < 0.2 ? "dark" : "light";
}

/** The parts of the Office global start-up touches. */
interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    officeTheme?: OfficeThemeLike;
  };
}

export interface StartOptions {
  /** Where to look for `Office` and `Excel` (default globalThis). */
  scope?: { Office?: unknown; Excel?: unknown };
  /** Inside an Office container: give up waiting for Office.onReady after this many milliseconds (default 8000). */
  readyTimeoutMs?: number;
  /**
   * Whether the page runs inside an Office container (an iframe of Excel on the web, the WebView of
   * desktop Excel, a `_host_Info` in the address). Default: looked up in `window`. Outside one, Office
   * cannot become ready with a host, so the pane does not wait: Office.onReady gets `graceMs`.
   */
  embedded?: boolean;
  /** Outside an Office container: how long Office.onReady may take (default 250 ms). */
  graceMs?: number;
  /** The system forces colours (high contrast); default: matchMedia("(forced-colors: active)"). */
  forcedColors?: boolean;
}

function standalone(reason: string): Platform {
  return { host: "standalone", excelApi: () => false, platform: null, reason, theme: null };
}

/** Whether this page runs inside an Office container (the signs office.js itself looks for). */
export function inOfficeContainer(w: unknown = typeof window !== "undefined" ? window : undefined): boolean {
  if (!w) return false;
  const win = w as {
    top?: unknown;
    self?: unknown;
    location?: { search?: string; hash?: string };
    external?: { GetContext?: unknown };
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: { Agave?: unknown } };
    sessionStorage?: Storage;
  };
  try {
    if (win.top !== win.self) return true; // Excel on the web hosts the pane in an iframe
  } catch {
    return true; // a cross-origin parent: an iframe
  }
  const where = `${win.location?.search ?? ""}${win.location?.hash ?? ""}`;
  if (/_host_Info=/i.test(where)) return true;
  if (win.external && typeof win.external.GetContext !== "undefined") return true; // desktop (IE/Edge WebView)
  if (win.chrome?.webview) return true; // desktop WebView2
  if (win.webkit?.messageHandlers?.Agave) return true; // Excel for Mac / iPad
  try {
    const ss = win.sessionStorage;
    if (ss) for (let i = 0; i < ss.length; i++) if (/hostInfoValue/i.test(ss.key(i) ?? "")) return true;
  } catch {
    // storage blocked: no sign either way
  }
  return false;
}

function forcedColorsActive(): boolean {
  try {
    return typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;
  } catch {
    return false;
  }
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
    const embedded = opts.embedded ?? (scope === globalThis ? inOfficeContainer() : true);
    info = await withTimeout(
      office.onReady(),
      embedded ? (opts.readyTimeoutMs ?? 8000) : (opts.graceMs ?? 250),
    );
  } catch (e) {
    return standalone(`Office.onReady failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (info === "timeout") return standalone("Office did not become ready (no Office host around the page)");
  if (info.host !== "Excel") return standalone(`Office host is ${String(info.host)}`);
  const excel = scope.Excel as ExcelRunner | undefined;
  if (!excel || typeof excel.run !== "function") return standalone("the Excel API is missing");
  const platform =
    typeof info.platform === "string"
      ? info.platform
      : scope === globalThis
        ? (await detectHostInfo()).platform
        : null;
  let officeTheme: OfficeThemeLike | undefined;
  try {
    officeTheme = office.context?.officeTheme;
  } catch {
    officeTheme = undefined; // not supported by this Office: follow the system
  }
  return {
    host: "excel",
    excel,
    platform,
    theme: themeFromOffice(officeTheme, opts.forcedColors ?? forcedColorsActive()),
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
