/**
 * The Validate panel's logic, without React: runs validation, applies fixes, re-validates (debounced) when
 * value cells are edited, and never runs two validations at once (an edit during a run schedules one more).
 */
import { Localized } from "../../domain/i18n";
import { Finding } from "../../domain/validation";
import type { ExcelValidationResult } from "./host";
import type { ValidationHost } from "./host";

export interface ValidationState {
  status: "idle" | "running" | "done" | "error";
  result: ExcelValidationResult | null;
  /** A message for the user (an Excel refusal, fixes skipped because cells changed). */
  notice: Localized | null;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function messageOf(e: unknown): Localized {
  const info = (e as { info?: { message?: Localized } })?.info;
  if (info?.message) return info.message;
  const m = e instanceof Error ? e.message : String(e);
  return { pl: `Nie udało się: ${m}`, en: `Failed: ${m}` };
}

export class ValidationController {
  private state: ValidationState = { status: "idle", result: null, notice: null };
  private listeners = new Set<(s: ValidationState) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private unwatch: (() => Promise<void>) | null = null;
  private watchedKey = "";

  constructor(
    private readonly host: ValidationHost,
    private year: number,
    private readonly opts: { debounceMs?: number; timers?: Timers; yoyFactor?: number } = {},
  ) {}

  get current(): ValidationState {
    return this.state;
  }

  subscribe(fn: (s: ValidationState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(s: Partial<ValidationState>): void {
    this.state = { ...this.state, ...s };
    for (const l of this.listeners) l(this.state);
  }

  setYear(year: number): void {
    if (year === this.year) return;
    this.year = year;
    void this.validate();
  }

  /** Validate now; if a run is under way, one more run follows it. */
  validate(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        this.set({ status: "running" });
        try {
          const result = await this.host.validate(this.year, this.opts.yoyFactor);
          this.set({ status: "done", result });
          await this.rewatch(result);
        } catch (e) {
          this.set({ status: "error", notice: messageOf(e) });
        }
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  /** Resolves when no validation is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** An edit of a value cell: re-validate after a quiet period (typing is never waited on). */
  edited(): void {
    const t = this.opts.timers ?? realTimers;
    if (this.timer !== null) t.clear(this.timer);
    this.timer = t.set(() => {
      this.timer = null;
      void this.validate();
    }, this.opts.debounceMs ?? 800);
  }

  async fix(findings: readonly Finding[]): Promise<void> {
    try {
      const res = await this.host.applyFixes(findings);
      this.set({
        notice:
          res.skipped.length > 0
            ? {
                pl: `Pominięto ${res.skipped.length} poprawek: komórki zmieniły się od sprawdzenia. Sprawdź ponownie.`,
                en: `Skipped ${res.skipped.length} fixes: the cells changed since validation. Validate again.`,
              }
            : null,
      });
    } catch (e) {
      this.set({ notice: messageOf(e) });
    }
    await this.validate();
  }

  select(f: Finding): Promise<void> {
    if (!f.cell) return Promise.resolve();
    return this.host.selectCell(f.sheet, f.cell).catch((e) => this.set({ notice: messageOf(e) }));
  }

  private async rewatch(result: ExcelValidationResult): Promise<void> {
    const cells = result.sheets.map((s) => ({ sheet: s.sheet, addresses: s.valueCells }));
    const key = JSON.stringify(cells);
    if (key === this.watchedKey) return;
    await this.stopWatching();
    this.watchedKey = key;
    if (cells.length === 0) return;
    try {
      this.unwatch = await this.host.watchCells(cells, () => this.edited());
    } catch {
      // Events unavailable (older Excel): validation still works on demand.
      this.unwatch = null;
    }
  }

  private async stopWatching(): Promise<void> {
    const u = this.unwatch;
    this.unwatch = null;
    this.watchedKey = "";
    if (u) await u().catch(() => undefined);
  }

  async dispose(): Promise<void> {
    const t = this.opts.timers ?? realTimers;
    if (this.timer !== null) t.clear(this.timer);
    this.timer = null;
    this.listeners.clear();
    await this.stopWatching();
  }
}
