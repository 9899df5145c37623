import { Finding } from "../../../src/domain/validation";
import { ValidationController, Timers } from "../../../src/taskpane/validation/controller";
import type { ExcelValidationResult, FixResult } from "../../../src/taskpane/validation/host";
import type { ValidationHost } from "../../../src/taskpane/validation/host";
import { touches } from "../../../src/workbook/validation/touches";

function finding(cell: string, fix?: number): Finding {
  return {
    rule: fix === undefined ? "not-a-number" : "number-as-text",
    severity: "error",
    sheet: "Monitoring 2023",
    cell,
    indicatorId: "1.1.3-1",
    value: "x",
    message: { pl: "p", en: "e" },
    ...(fix === undefined ? {} : { fix: { value: fix, description: { pl: "d", en: "d" } } }),
  };
}

function result(findings: Finding[]): ExcelValidationResult {
  return {
    unreadable: null,
    syncs: 1,
    findings,
    sheets: [
      { sheet: "Monitoring 2023", year: 2023, previous: null, indicators: 60, valueCells: ["E5", "E6"] },
    ],
  };
}

class FakeHost implements ValidationHost {
  validations = 0;
  fixes: Finding[][] = [];
  selected: string[] = [];
  watchers: (() => void)[] = [];
  unwatched = 0;
  release: (() => void) | null = null;
  gate = false;
  next: Finding[] = [];
  async validate(): Promise<ExcelValidationResult> {
    this.validations++;
    if (this.gate) await new Promise<void>((r) => (this.release = r));
    return result(this.next);
  }
  async applyFixes(findings: readonly Finding[]): Promise<FixResult> {
    this.fixes.push([...findings]);
    return { applied: [...findings], skipped: [], syncs: 2 };
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push(`${sheet}!${cell}`);
  }
  async watchCells(_cells: unknown, onChange: () => void): Promise<() => Promise<void>> {
    this.watchers.push(onChange);
    return async () => {
      this.unwatched++;
    };
  }
}

/** Manual timers: nothing runs until `flush`. */
function manualTimers(): Timers & { flush(): void; pending(): number } {
  const q = new Map<number, () => void>();
  let id = 0;
  return {
    set: (fn) => (q.set(++id, fn), id),
    clear: (h) => void q.delete(h as number),
    flush: () => {
      const fns = [...q.values()];
      q.clear();
      fns.forEach((f) => f());
    },
    pending: () => q.size,
  };
}

describe("ValidationController", () => {
  test("validate, then watch the value cells once", async () => {
    const host = new FakeHost();
    host.next = [finding("E5", 1796)];
    const c = new ValidationController(host, 2023);
    const seen: string[] = [];
    c.subscribe((s) => seen.push(s.status));
    await c.validate();
    expect(seen).toEqual(["running", "done"]);
    expect(c.current.result?.findings).toHaveLength(1);
    await c.validate();
    expect(host.watchers).toHaveLength(1); // same cells: not re-registered
  });

  test("edits are debounced: many edits → one validation after the quiet period", async () => {
    const host = new FakeHost();
    const timers = manualTimers();
    const c = new ValidationController(host, 2023, { timers });
    await c.validate();
    const edit = host.watchers[0];
    edit();
    edit();
    edit();
    expect(host.validations).toBe(1);
    expect(timers.pending()).toBe(1);
    timers.flush();
    await c.idle();
    expect(host.validations).toBe(2);
  });

  test("an edit during a run schedules exactly one more run", async () => {
    const host = new FakeHost();
    host.gate = true;
    const c = new ValidationController(host, 2023);
    void c.validate();
    void c.validate(); // during the run
    void c.validate(); // during the run: still one more, not two
    host.release!();
    await new Promise((r) => setImmediate(r));
    host.release!();
    await c.idle();
    expect(host.validations).toBe(2);
  });

  test("fix one / fix all go to the host in one call each, then re-validate", async () => {
    const host = new FakeHost();
    const c = new ValidationController(host, 2023);
    const a = finding("E5", 1796);
    const b = finding("E6", 2);
    await c.fix([a]);
    await c.fix([a, b]);
    expect(host.fixes).toEqual([[a], [a, b]]);
    expect(host.validations).toBe(2);
  });

  test("select goes to the finding's cell; a finding without a cell selects nothing", async () => {
    const host = new FakeHost();
    const c = new ValidationController(host, 2023);
    await c.select(finding("E7"));
    await c.select({ ...finding("E7"), cell: null });
    expect(host.selected).toEqual(["Monitoring 2023!E7"]);
  });

  test("a host failure becomes a notice, not a crash", async () => {
    const host = new FakeHost();
    host.validate = async () => {
      throw Object.assign(new Error("x"), {
        info: { message: { pl: "Excel odmówił", en: "Excel refused" } },
      });
    };
    const c = new ValidationController(host, 2023);
    await c.validate();
    expect(c.current.status).toBe("error");
    expect(c.current.notice?.pl).toBe("Excel odmówił");
  });

  test("dispose stops watching", async () => {
    const host = new FakeHost();
    const c = new ValidationController(host, 2023);
    await c.validate();
    await c.dispose();
    expect(host.unwatched).toBe(1);
  });
});

describe("touches", () => {
  test.each<[string, boolean]>([
    ["E5", true],
    ["E4", false],
    ["D5:F5", true],
    ["A1:C100", false],
    ["5:5", true],
    ["7:9", false],
    ["E:E", true],
    ["F:G", false],
  ])("%s → %s", (changed, expected) => {
    expect(touches(changed, ["E5", "E6"])).toBe(expected);
  });
});
