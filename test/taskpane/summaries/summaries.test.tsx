/**
 * The Summaries section over a fake WorkbookHost: the monitoring summary writes the plan built from the
 * workbook's sheets; the call summary over picked files equals the CLI's figures for the same bytes, lists
 * unreadable files and still summarises the rest; asking before replacing; cancel; pl/en rendering.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderToString } from "react-dom/server";
import { summarizeFiles } from "../../../src/cli/commands/summarize";
import { builtinCard, DEFAULT_CARD_ID } from "../../../src/domain/card/load";
import { Card } from "../../../src/domain/card/types";
import { isoToSerial } from "../../../src/domain/dates";
import { PROGRAMME, sampleValues2023 } from "../../../src/domain/programme/programme";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { writeXlsx } from "../../../src/hosts/xlsx/render";
import type { WorkbookHost } from "../../../src/taskpane/host";
import { PickedFile, runCallSummary, runMonitoringSummary } from "../../../src/taskpane/summaries/flows";
import { SummariesSection } from "../../../src/taskpane/summaries/SummariesSection";
import type { SheetCells } from "../../../src/workbook/cells";
import { buildMonitoringSheetPlan } from "../../../src/workbook/monitoring/layout";
import type { NamePlan, SheetPlan } from "../../../src/workbook/plan";
import { CALL_SUMMARY_SHEET } from "../../../src/workbook/summary/callSummary";
import { buildWorkbookMonitoringSummary } from "../../../src/workbook/summary/monitoringInputs";
import { csvBytes, participants } from "../../fixtures/summary/projects";

const card = builtinCard(DEFAULT_CARD_ID) as Card;
const AS_OF = isoToSerial("2025-06-30") as number;
const BUILT_AT = new Date(2025, 5, 30, 12, 0, 0);

class FakeHost implements WorkbookHost {
  readonly kind = "excel" as const;
  written: { plans: SheetPlan[]; names: NamePlan[] }[] = [];
  reads: string[] = [];
  constructor(public sheets: SheetCells[]) {}
  excelApi = () => true;
  listSheets = () => Promise.resolve(this.sheets.map((s) => s.name));
  readSheet = (name: string) => {
    this.reads.push(name);
    return Promise.resolve(this.sheets.find((s) => s.name === name) ?? null);
  };
  writePlans = (plans: SheetPlan[], names: NamePlan[]) => {
    this.written.push({ plans, names });
    return Promise.resolve({ syncs: 2 });
  };
  showSheet = () => Promise.resolve();
}

async function monitoringSheets(): Promise<SheetCells[]> {
  const values2023 = sampleValues2023();
  const values2022 = new Map(
    [...values2023].map(([k, v]) => [k, typeof v === "number" ? Math.round(v / 2) : v]),
  );
  const plan = {
    sheets: [
      buildMonitoringSheetPlan(PROGRAMME, 2022, { values: values2022 }),
      buildMonitoringSheetPlan(PROGRAMME, 2023, { values: values2023 }),
    ],
    names: [],
  };
  return (await readXlsx(await writeXlsx(plan))).sheets;
}

describe("monitoring summary", () => {
  test("writes the plan built from the workbook's monitoring sheets, and skips Miernik's large sheets", async () => {
    const sheets = await monitoringSheets();
    const big: SheetCells = { name: "Uczestnicy", top: 0, left: 0, values: [["Lp."]] };
    const host = new FakeHost([...sheets, big]);
    const out = await runMonitoringSummary({
      host,
      lang: "pl",
      confirmReplace: () => Promise.reject(new Error("nothing to replace")),
      now: () => BUILT_AT,
    });
    expect(out.status).toBe("done");
    expect(host.reads).not.toContain("Uczestnicy");
    const expected = buildWorkbookMonitoringSummary({ sheets }, { lang: "pl", builtAt: BUILT_AT });
    if ("unreadable" in expected) throw new Error("fixture unreadable");
    expect(host.written).toHaveLength(1);
    expect(host.written[0].plans).toEqual([expected.sheet]);
    if (out.status !== "done") throw new Error();
    expect(out.summary.years).toEqual([2022, 2023]);
    expect(out.summary.total.indicators).toBe(60);
  });

  test("an existing Podsumowanie is replaced only when the user says so", async () => {
    const sheets = await monitoringSheets();
    const host = new FakeHost([...sheets, { name: "Podsumowanie", top: 0, left: 0, values: [["typed"]] }]);
    const asked: string[] = [];
    const keep = await runMonitoringSummary({
      host,
      lang: "en",
      confirmReplace: (s) => (asked.push(s), Promise.resolve(false)),
    });
    expect(keep.status).toBe("kept");
    expect(asked).toEqual(["Podsumowanie"]);
    expect(host.written).toHaveLength(0);
    const replace = await runMonitoringSummary({
      host,
      lang: "en",
      confirmReplace: () => Promise.resolve(true),
    });
    expect(replace.status).toBe("done");
    expect(host.written).toHaveLength(1);
  });

  test("a workbook with no monitoring sheet gets a message and nothing is written", async () => {
    const host = new FakeHost([{ name: "Arkusz1", top: 0, left: 0, values: [["x"]] }]);
    const out = await runMonitoringSummary({ host, lang: "pl", confirmReplace: () => Promise.resolve(true) });
    expect(out.status).toBe("none");
    expect(host.written).toHaveLength(0);
  });
});

describe("call summary over picked files", () => {
  let dir: string;
  let files: { path: string; name: string }[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-pane-summary-"));
    const put = (name: string, bytes: Uint8Array) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return { path: path.join(dir, name), name };
    };
    files = [
      put("a.csv", csvBytes(participants(60, 1, 100), "Fundacja A")),
      put("b.csv", csvBytes(participants(75, 2, 300), "Fundacja B")),
      put("c.csv", csvBytes(participants(55, 3, 500), "Fundacja A")),
      put("corrupt.xlsx", new Uint8Array(Buffer.from("PK\u0003\u0004 this is not a workbook"))),
      put("empty.csv", new Uint8Array(0)),
    ];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const picked = (): PickedFile[] =>
    files.map((f) => ({
      name: f.name,
      bytes: () => Promise.resolve(new Uint8Array(fs.readFileSync(f.path))),
    }));

  test("same figures as `miernik summarize` for the same bytes; unreadable files listed, the rest summarised", async () => {
    const host = new FakeHost([]);
    const progress: number[] = [];
    const out = await runCallSummary(
      { host, lang: "pl", confirmReplace: () => Promise.resolve(true), now: () => BUILT_AT },
      picked(),
      card,
      AS_OF,
      { parseXlsx: readXlsx, onProgress: (d) => progress.push(d) },
    );
    const cli = await summarizeFiles(files, card, AS_OF);
    if (out.status !== "done") throw new Error(`not done: ${out.status}`);
    expect(out.call.projects.map((p) => [p.file, p.participants, p.requiredMet, p.premiumPoints])).toEqual(
      cli.call!.projects.map((p) => [p.file, p.participants, p.requiredMet, p.premiumPoints]),
    );
    expect(out.call.projects.map((p) => p.participants)).toEqual([60, 75, 55]);
    expect(out.call.totals).toEqual(cli.call!.totals);
    expect(out.result.problems.map((p) => p.file)).toEqual(["corrupt.xlsx", "empty.csv"]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(host.written).toHaveLength(1);
    expect(host.written[0].plans[0].name).toBe(CALL_SUMMARY_SHEET);
  });

  test("cancel stops between files and writes nothing", async () => {
    const host = new FakeHost([]);
    const controller = new AbortController();
    const run = runCallSummary(
      { host, lang: "pl", confirmReplace: () => Promise.resolve(true) },
      picked(),
      card,
      AS_OF,
      {
        parseXlsx: readXlsx,
        signal: controller.signal,
        onProgress: (d) => d === 1 && controller.abort(),
      },
    );
    await expect(run).rejects.toBeDefined();
    expect(host.written).toHaveLength(0);
  });

  test("only unreadable files: a message, nothing written", async () => {
    const host = new FakeHost([]);
    const out = await runCallSummary(
      { host, lang: "en", confirmReplace: () => Promise.resolve(true) },
      picked().slice(3),
      card,
      AS_OF,
      { parseXlsx: readXlsx },
    );
    expect(out.status).toBe("none");
    expect(host.written).toHaveLength(0);
  });
});

describe("section rendering", () => {
  test.each([
    ["pl", "Utwórz podsumowanie monitoringu", "Utwórz podsumowanie naboru"],
    ["en", "Build the monitoring summary", "Build the call summary"],
  ] as const)("%s", (lang, a, b) => {
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <SummariesSection host={new FakeHost([])} lang={lang} />
      </FluentProvider>,
    );
    expect(html).toContain(a);
    expect(html).toContain(b);
  });
});
