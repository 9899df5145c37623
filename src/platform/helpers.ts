/**
 * The ONLY module that imports `@microsoft/office-js-helpers`. That package is unmaintained (rxjs 5,
 * core-js 2), so Miernik uses it behind two small interfaces — host detection and settings
 * storage — that can be reimplemented here without touching the rest of the pane.
 */
import type { Storage } from "@microsoft/office-js-helpers";

type Helpers = typeof import("@microsoft/office-js-helpers");
let loading: Promise<Helpers> | null = null;

/**
 * The package, fetched on first use — a chunk of its own, requested at start-up in parallel with
 * office.js; the first screen does not wait for it (it renders with the default preferences).
 */
function helpers(): Promise<Helpers> {
  return (loading ??= import(/* webpackChunkName: "office-js-helpers" */ "@microsoft/office-js-helpers"));
}

/** Small string settings remembered between sessions (language, last year). */
export interface SettingsStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** "local" = persisted in the browser's local storage; "memory" = lost when the pane closes. */
  readonly persistence: "local" | "memory";
}

/** Where the code runs, as office-js-helpers sees it: host "EXCEL", "WEB" (no Office host), … */
export interface HostInfo {
  host: string;
  /** "PC", "OFFICE_ONLINE", "MAC", "IOS", or null outside Office. */
  platform: string | null;
}

/** Host and platform by office-js-helpers; `{ host: "WEB", platform: null }` when it cannot tell. */
export async function detectHostInfo(): Promise<HostInfo> {
  try {
    const { Utilities } = await helpers();
    const host = Utilities.host;
    let platform: string | null = null;
    try {
      platform = Utilities.platform ?? null;
    } catch {
      platform = null;
    }
    return { host: typeof host === "string" ? host : "WEB", platform };
  } catch {
    return { host: "WEB", platform: null };
  }
}

const CONTAINER = "miernik";

function wrap(storage: Storage<string>, persistence: "local" | "memory"): SettingsStore {
  return {
    persistence,
    get(key) {
      try {
        const v: unknown = storage.get(key);
        return typeof v === "string" ? v : v === null || v === undefined ? undefined : String(v);
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        storage.set(key, value);
      } catch {
        // Storage full or blocked: a preference is not worth an error message.
      }
    },
  };
}

/** A plain in-memory store (tests, or when the browser refuses local storage). */
export function memorySettingsStore(initial: Record<string, string> = {}): SettingsStore {
  const m = new Map(Object.entries(initial));
  return {
    persistence: "memory",
    get: (k) => m.get(k),
    set: (k, v) => void m.set(k, v),
  };
}

/**
 * Settings kept in local storage under the "miernik" container (office-js-helpers `Storage`);
 * falls back to memory when local storage is unavailable (e.g. blocked in a sandboxed frame, Node).
 */
export async function createSettingsStore(): Promise<SettingsStore> {
  try {
    if (typeof window === "undefined" || !window.localStorage) return memorySettingsStore();
    const { Storage, StorageType } = await helpers();
    return wrap(new Storage<string>(CONTAINER, StorageType.LocalStorage), "local");
  } catch {
    return memorySettingsStore();
  }
}
