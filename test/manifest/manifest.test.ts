import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const { rewriteManifest, normaliseBaseUrl, DEV_BASE_URL } = require("../../scripts/manifest") as {
  rewriteManifest(xml: string, baseUrl?: string): string;
  normaliseBaseUrl(url: string): string;
  DEV_BASE_URL: string;
};
const webpackConfig = require("../../webpack.config") as {
  PAGES: { filename: string; template: string; chunks: string[] }[];
  staticOutputs(): string[];
};
const icons = require("../../scripts/make-icons") as {
  SIZES: number[];
  drawIcon(size: number): Uint8Array;
  encodePng(w: number, h: number, rgba: Uint8Array): Buffer;
  iconFileName(size: number): string;
};

const ROOT = path.join(__dirname, "..", "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: () => false });

const doc = parser.parse(XML) as any;
const app = doc.OfficeApp;

/** Every https URL named in an attribute or element of the manifest (not in comments). */
function manifestUrls(xml: string): string[] {
  const noComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  return [...noComments.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1]);
}

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

describe("manifest.xml", () => {
  test("is well-formed XML and a TaskPaneApp for Workbook", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(app["@_xsi:type"]).toBe("TaskPaneApp");
    expect(app.Hosts.Host["@_Name"]).toBe("Workbook");
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  test("has a GUID id and a four-part version matching package.json", () => {
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(app.Version).toBe(`${pkg.version}.0`);
  });

  test("Polish is the default locale with English overrides for names, description, labels and tooltips", () => {
    expect(app.DefaultLocale).toBe("pl-PL");
    expect(app.DisplayName.Override["@_Locale"]).toBe("en-US");
    expect(app.Description["@_DefaultValue"]).toMatch(/skoroszytu/);
    expect(app.Description.Override["@_Value"]).toMatch(/workbook/);
    const res = app.VersionOverrides.Resources;
    const strings = [
      ...asArray(res["bt:ShortStrings"]["bt:String"]),
      ...asArray(res["bt:LongStrings"]["bt:String"]),
    ];
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings) {
      expect(s["bt:Override"]["@_Locale"]).toBe("en-US");
      expect(s["bt:Override"]["@_Value"]).toBeTruthy();
    }
    const label = strings.find((s) => s["@_id"] === "TaskpaneButton.Label");
    expect(label["@_DefaultValue"]).toBe("Otwórz Miernik");
    expect(label["bt:Override"]["@_Value"]).toBe("Open Miernik");
    // Office limits: short strings 125 characters, long strings 250.
    for (const s of asArray(res["bt:ShortStrings"]["bt:String"]))
      expect(s["@_DefaultValue"].length).toBeLessThanOrEqual(125);
    for (const s of asArray(res["bt:LongStrings"]["bt:String"]))
      expect(s["@_DefaultValue"].length).toBeLessThanOrEqual(250);
  });

  test("requires ExcelApi 1.9 (page layout) and nothing else", () => {
    const sets = asArray(app.Requirements.Sets.Set);
    expect(sets).toEqual([{ "@_Name": "ExcelApi", "@_MinVersion": "1.9" }]);
  });

  test("has a Home-tab button that shows the task pane, and a function file", () => {
    const host = app.VersionOverrides.Hosts.Host;
    expect(host["@_xsi:type"]).toBe("Workbook");
    const dff = host.DesktopFormFactor;
    expect(dff.FunctionFile["@_resid"]).toBe("Commands.Url");
    const tab = dff.ExtensionPoint.OfficeTab;
    expect(tab["@_id"]).toBe("TabHome");
    const control = tab.Group.Control;
    expect(control.Action["@_xsi:type"]).toBe("ShowTaskpane");
    expect(control.Action.SourceLocation["@_resid"]).toBe("Taskpane.Url");
    // every resid used is defined
    const res = app.VersionOverrides.Resources;
    const ids = new Set<string>(
      [
        ...asArray(res["bt:Images"]["bt:Image"]),
        ...asArray(res["bt:Urls"]["bt:Url"]),
        ...asArray(res["bt:ShortStrings"]["bt:String"]),
        ...asArray(res["bt:LongStrings"]["bt:String"]),
      ].map((r) => r["@_id"]),
    );
    const used = [...XML.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(ids).toContain(r);
  });

  test("names only URLs the build emits (pages from webpack.config, files from assets/)", () => {
    const outputs = new Set(webpackConfig.staticOutputs());
    const urls = manifestUrls(XML);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) {
      expect(u.startsWith(DEV_BASE_URL)).toBe(true);
      const rel = u.slice(DEV_BASE_URL.length);
      expect(outputs).toContain(rel);
    }
    // and the sources of those outputs exist
    for (const p of webpackConfig.PAGES) expect(fs.existsSync(path.join(ROOT, p.template))).toBe(true);
    for (const u of urls) {
      const rel = u.slice(DEV_BASE_URL.length);
      if (rel.startsWith("assets/")) expect(fs.existsSync(path.join(ROOT, rel))).toBe(true);
    }
  });

  test("icons 16/32/64/80/128 are named, with matching sizes in the ribbon", () => {
    const urls = manifestUrls(XML).map((u) => u.slice(DEV_BASE_URL.length));
    expect(app.IconUrl["@_DefaultValue"]).toMatch(/icon-32\.png$/);
    expect(app.HighResolutionIconUrl["@_DefaultValue"]).toMatch(/icon-64\.png$/);
    for (const img of asArray(app.VersionOverrides.Resources["bt:Images"]["bt:Image"])) {
      const size = /Icon\.(\d+)x\1/.exec(img["@_id"])![1];
      expect(img["@_DefaultValue"]).toMatch(new RegExp(`icon-${size}\\.png$`));
    }
    for (const s of [16, 32, 64, 80]) expect(urls).toContain(`assets/icon-${s}.png`);
  });
});

describe("rewriteManifest (production build)", () => {
  test("rewrites every localhost URL to the base URL and leaves no localhost", () => {
    const out = rewriteManifest(XML, "https://addins.example.gov.pl/miernik");
    expect(out).not.toMatch(/localhost/i);
    const urls = manifestUrls(out);
    expect(urls.length).toBe(manifestUrls(XML).length);
    for (const u of urls) expect(u.startsWith("https://addins.example.gov.pl/miernik/")).toBe(true);
    expect(out).toContain('"https://addins.example.gov.pl/miernik/taskpane.html"');
    expect(XMLValidator.validate(out)).toBe(true);
  });

  test("uses the default base URL when none is given", () => {
    expect(rewriteManifest(XML)).toContain("https://miernik.example.org/assets/icon-32.png");
  });

  test("refuses base URLs Office cannot load or that still point here", () => {
    expect(() => normaliseBaseUrl("http://example.org/")).toThrow(/https/);
    expect(() => normaliseBaseUrl("https://localhost:8443/")).toThrow(/this machine/);
    expect(() => normaliseBaseUrl("not a url")).toThrow(/not a URL/);
    expect(normaliseBaseUrl("https://example.org/a")).toBe("https://example.org/a/");
  });

  test("fails loudly if a localhost reference survives", () => {
    expect(() => rewriteManifest(`${XML}<!-- http://localhost:3000/x -->`, "https://example.org/")).toThrow(
      /localhost/,
    );
  });
});

/* ---------------- icons ---------------- */

interface Png {
  width: number;
  height: number;
  colourType: number;
  pixels: Buffer;
}

/** Minimal PNG reader for the icons: IHDR + IDAT (8-bit RGBA, filter types 0–4). */
function readPng(buf: Buffer): Png {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let off = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("ascii", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colourType = data[9];
    } else if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      let pred = 0;
      if (f === 1) pred = a;
      else if (f === 2) pred = b;
      else if (f === 3) pred = (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = (cur + pred) & 0xff;
    }
  }
  return { width, height, colourType, pixels };
}

describe("icons in assets/", () => {
  test.each(icons.SIZES)("icon-%i.png has its size, is RGBA, and is not blank", (size) => {
    const png = readPng(fs.readFileSync(path.join(ROOT, "assets", icons.iconFileName(size))));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.colourType).toBe(6);
    const colours = new Set<number>();
    let opaque = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      colours.add(png.pixels.readUInt32BE(i));
      if (png.pixels[i + 3] === 255) opaque++;
    }
    expect(colours.size).toBeGreaterThanOrEqual(8); // background, dial, scale, needle + antialiasing
    expect(opaque / (size * size)).toBeGreaterThan(0.7);
    // the needle's amber is present
    let amber = 0;
    for (let i = 0; i < png.pixels.length; i += 4)
      if (png.pixels[i] > 200 && png.pixels[i + 1] > 130 && png.pixels[i + 1] < 200 && png.pixels[i + 2] < 80)
        amber++;
    expect(amber).toBeGreaterThan(0);
  });

  test.each(icons.SIZES)(
    "icon-%i.png is what scripts/make-icons.js draws (committed files are current)",
    (size) => {
      const png = readPng(fs.readFileSync(path.join(ROOT, "assets", icons.iconFileName(size))));
      expect(Buffer.from(icons.drawIcon(size)).equals(png.pixels)).toBe(true);
    },
  );

  test("the PNG encoder round-trips arbitrary pixels", () => {
    const w = 7;
    const h = 3;
    const px = new Uint8Array(w * h * 4).map((_, i) => (i * 37) & 0xff);
    const png = readPng(icons.encodePng(w, h, px));
    expect([png.width, png.height]).toEqual([w, h]);
    expect(Buffer.from(px).equals(png.pixels)).toBe(true);
  });
});
