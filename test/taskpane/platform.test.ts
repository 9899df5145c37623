import { createSettingsStore, detectHostInfo, memorySettingsStore } from "../../src/platform/helpers";
import {
  inOfficeContainer,
  REQUIRED_EXCEL_API,
  startPlatform,
  themeFromOffice,
} from "../../src/platform/office";
import { loadPreferences, saveLang, saveYear } from "../../src/taskpane/preferences";

const fakeExcel = { run: () => Promise.reject(new Error("not called")) };

function office(host: unknown, sets: string[] = ["1.1", "1.9"]) {
  return {
    onReady: () => Promise.resolve({ host, platform: "OfficeOnline" }),
    context: {
      requirements: {
        isSetSupported: (name: string, v?: string) => name === "ExcelApi" && sets.includes(v ?? ""),
      },
    },
  };
}

describe("theme and container", () => {
  test("Office's theme: dark by isDarkTheme or a dark body background, high contrast when colours are forced", () => {
    expect(themeFromOffice({ isDarkTheme: true }, false)).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" }, false)).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" }, false)).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("highContrast");
    expect(themeFromOffice(undefined, false)).toBeNull();
    expect(themeFromOffice({ bodyBackgroundColor: "not a colour" }, false)).toBeNull();
  });

  test("inside Excel: the theme Office reports reaches the platform", async () => {
    const o = {
      ...office("Excel"),
      context: { ...office("Excel").context, officeTheme: { bodyBackgroundColor: "#1f1f1f" } },
    };
    const p = await startPlatform({ scope: { Office: o, Excel: fakeExcel }, forcedColors: false });
    expect(p.theme).toBe("dark");
    expect((await startPlatform({ scope: {} })).theme).toBeNull();
  });

  test("an Office container is recognised by the signs office.js looks for", () => {
    const top = { location: { search: "", hash: "" } } as Record<string, unknown>;
    top.top = top;
    top.self = top;
    expect(inOfficeContainer(top)).toBe(false);
    expect(inOfficeContainer({ ...top, top: {}, self: top })).toBe(true); // an iframe (Excel on the web)
    expect(
      inOfficeContainer({
        ...top,
        top: undefined,
        self: undefined,
        location: { search: "?_host_Info=Excel$Win32$16.01$pl-PL", hash: "" },
      }),
    ).toBe(true);
    expect(inOfficeContainer({ ...top, top: undefined, self: undefined, chrome: { webview: {} } })).toBe(
      true,
    );
    expect(inOfficeContainer(undefined)).toBe(false);
  });

  test("outside a container Office.onReady is not waited for", async () => {
    const never = { onReady: () => new Promise<never>(() => undefined) };
    const p = await startPlatform({
      scope: { Office: never },
      embedded: false,
      graceMs: 5,
      readyTimeoutMs: 60_000,
    });
    expect(p.host).toBe("standalone");
    expect(p.reason).toMatch(/no Office host/);
  });
});

describe("startPlatform", () => {
  test("inside Excel: host excel, the Excel namespace, requirement sets asked from Office", async () => {
    const p = await startPlatform({ scope: { Office: office("Excel"), Excel: fakeExcel } });
    expect(p.host).toBe("excel");
    expect(p.excel).toBe(fakeExcel);
    expect(p.platform).toBe("OfficeOnline");
    expect(p.excelApi(REQUIRED_EXCEL_API)).toBe(true);
    expect(p.excelApi("1.19")).toBe(false);
  });

  test("office.js not loaded: standalone", async () => {
    const p = await startPlatform({ scope: {} });
    expect(p.host).toBe("standalone");
    expect(p.excelApi("1.1")).toBe(false);
    expect(p.reason).toMatch(/not loaded/);
  });

  test("Office ready with no host (a plain browser): standalone", async () => {
    const p = await startPlatform({ scope: { Office: office(null) } });
    expect(p.host).toBe("standalone");
    expect(p.reason).toMatch(/host is null/);
  });

  test("another Office application: standalone", async () => {
    const p = await startPlatform({ scope: { Office: office("Word"), Excel: fakeExcel } });
    expect(p.host).toBe("standalone");
  });

  test("Excel host but no Excel API: standalone, not a crash", async () => {
    const p = await startPlatform({ scope: { Office: office("Excel") } });
    expect(p.host).toBe("standalone");
    expect(p.reason).toMatch(/Excel API is missing/);
  });

  test("Office never ready: standalone after the wait", async () => {
    const never = { onReady: () => new Promise<never>(() => undefined) };
    const p = await startPlatform({ scope: { Office: never }, readyTimeoutMs: 5 });
    expect(p.host).toBe("standalone");
    expect(p.reason).toMatch(/did not become ready/);
  });

  test("Office.onReady failing: standalone with the reason", async () => {
    const failing = { onReady: () => Promise.reject(new Error("blocked")) };
    const p = await startPlatform({ scope: { Office: failing } });
    expect(p).toMatchObject({ host: "standalone", reason: expect.stringMatching(/blocked/) });
  });

  test("isSetSupported throwing counts as unsupported", async () => {
    const o = {
      ...office("Excel"),
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("x");
          },
        },
      },
    };
    const p = await startPlatform({ scope: { Office: o, Excel: fakeExcel } });
    expect(p.excelApi("1.9")).toBe(false);
  });
});

describe("office-js-helpers wrapper", () => {
  test("outside a browser: host WEB, settings kept in memory", async () => {
    expect(await detectHostInfo()).toEqual({ host: "WEB", platform: null });
    const s = await createSettingsStore();
    expect(s.persistence).toBe("memory");
    s.set("lang", "en");
    expect(s.get("lang")).toBe("en");
    expect(s.get("missing")).toBeUndefined();
  });
});

describe("preferences", () => {
  test("Polish and no year by default", () => {
    expect(loadPreferences(memorySettingsStore())).toEqual({ lang: "pl", year: undefined });
  });

  test("remembered language and year round-trip", () => {
    const s = memorySettingsStore();
    saveLang(s, "en");
    saveYear(s, 2025);
    expect(loadPreferences(s, { first: 2021, last: 2027 })).toEqual({ lang: "en", year: 2025 });
  });

  test("garbage or out-of-range values fall back to the defaults", () => {
    const s = memorySettingsStore({ lang: "de", year: "20x5" });
    expect(loadPreferences(s)).toEqual({ lang: "pl", year: undefined });
    saveYear(s, 2030);
    expect(loadPreferences(s, { first: 2021, last: 2027 }).year).toBeUndefined();
  });
});
