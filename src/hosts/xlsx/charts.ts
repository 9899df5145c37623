/**
 * Charts (and the print parts ExcelJS cannot write) for the ExcelJS renderer. ExcelJS 4.4 writes no charts,
 * so after it has written the package this module adds, for every ChartPlan of a sheet, the DrawingML parts
 * Excel itself writes for a chart: `xl/charts/chartN.xml` (c:chartSpace with a c:lineChart or c:barChart,
 * series as c:strRef/c:numRef formulas into the sheet plus caches of the plan's values, a c:catAx/c:valAx
 * pair), `xl/drawings/drawingN.xml` (one xdr:twoCellAnchor per chart, anchored at the plan's from/to cells)
 * with its rels, the sheet's `<drawing r:id>` and rels, and the [Content_Types].xml overrides. Elements are
 * written in the schema's order (CT_ChartSpace, CT_Chart, CT_PlotArea, CT_LineSer/CT_BarSer, CT_CatAx,
 * CT_ValAx, CT_Worksheet), which is what Excel checks before it offers to "repair" a file.
 *
 * Column page breaks (PrintPlan.colBreaks) are added here too: ExcelJS writes row breaks only.
 *
 * JSZip is ExcelJS's own dependency (the same copy ExcelJS uses to write the package). Works in Node and
 * in the browser.
 */
import JSZip from "jszip";
import { columnLetters, parseA1, parseRange } from "../../workbook/address";
import { CellValue, ChartPlan, SheetPlan } from "../../workbook/plan";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** `'Sheet name'!$A$1:$A$5` — always quoted (any name is valid quoted; a quote is doubled). */
export function sheetRef(sheet: string, row: number, col: number, rows: number, cols: number): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const tl = cell(row, col);
  const ref = rows === 1 && cols === 1 ? tl : `${tl}:${cell(row + rows - 1, col + cols - 1)}`;
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** One series as the chart part references it: name cell, category range, value range (with the plan's values). */
export interface ChartSeriesRef {
  name: { ref: string; value: string };
  categories: { ref: string; values: string[] };
  values: { ref: string; values: (number | null)[] };
}

/** The literal values the plan writes into a sheet (formulas' cells carry the plan's value as the cache). */
function valueAt(sheet: SheetPlan): (row: number, col: number) => CellValue {
  return (row, col) => {
    let v: CellValue = null;
    for (const b of sheet.blocks) {
      const i = row - b.row;
      const j = col - b.col;
      if (i < 0 || j < 0 || i >= b.values.length) continue;
      const x = b.values[i]?.[j];
      if (x !== undefined && x !== null) v = x;
    }
    return v;
  };
}

/** The number format the plan gives a cell (the last format covering it that sets one), or "General". */
export function numberFormatAt(sheet: SheetPlan, row: number, col: number): string {
  let f = "General";
  for (const x of sheet.formats) {
    if (x.style.numberFormat === undefined) continue;
    const r = parseRange(x.range);
    if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols)
      f = x.style.numberFormat;
  }
  return f;
}

/**
 * The series of a chart plan, the way Excel (and Office.js `charts.add`) reads a data range: with
 * `seriesBy: "columns"` the first row holds the series names and the first column the categories; with
 * `"rows"` the other way round.
 */
export function chartSeries(sheet: SheetPlan, c: ChartPlan): ChartSeriesRef[] {
  const r = parseRange(c.dataRange);
  const at = valueAt(sheet);
  const text = (v: CellValue) => (v === null ? "" : String(v));
  const num = (v: CellValue) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const out: ChartSeriesRef[] = [];
  if (c.seriesBy === "columns") {
    const cats = Array.from({ length: r.rows - 1 }, (_, i) => text(at(r.row + 1 + i, r.col)));
    for (let j = 1; j < r.cols; j++)
      out.push({
        name: { ref: sheetRef(sheet.name, r.row, r.col + j, 1, 1), value: text(at(r.row, r.col + j)) },
        categories: { ref: sheetRef(sheet.name, r.row + 1, r.col, r.rows - 1, 1), values: cats },
        values: {
          ref: sheetRef(sheet.name, r.row + 1, r.col + j, r.rows - 1, 1),
          values: Array.from({ length: r.rows - 1 }, (_, i) => num(at(r.row + 1 + i, r.col + j))),
        },
      });
  } else {
    const cats = Array.from({ length: r.cols - 1 }, (_, j) => text(at(r.row, r.col + 1 + j)));
    for (let i = 1; i < r.rows; i++)
      out.push({
        name: { ref: sheetRef(sheet.name, r.row + i, r.col, 1, 1), value: text(at(r.row + i, r.col)) },
        categories: { ref: sheetRef(sheet.name, r.row, r.col + 1, 1, r.cols - 1), values: cats },
        values: {
          ref: sheetRef(sheet.name, r.row + i, r.col + 1, 1, r.cols - 1),
          values: Array.from({ length: r.cols - 1 }, (_, j) => num(at(r.row + i, r.col + 1 + j))),
        },
      });
  }
  return out;
}

/** Excel's default series colours (Office theme accents 1–6). */
const COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr sz="${size * 100}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function seriesXml(s: ChartSeriesRef, i: number, type: ChartPlan["type"], format: string): string {
  const colour = COLOURS[i % COLOURS.length];
  const spPr =
    type === "line"
      ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  const strPts = s.categories.values
    .map((v, k) => `<c:pt idx="${k}"><c:v>${xmlEscape(v)}</c:v></c:pt>`)
    .join("");
  const numPts = s.values.values
    .map((v, k) => (v === null ? "" : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${xmlEscape(s.name.ref)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlEscape(s.name.value)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    spPr +
    `<c:cat><c:strRef><c:f>${xmlEscape(s.categories.ref)}</c:f><c:strCache><c:ptCount val="${s.categories.values.length}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(s.values.ref)}</c:f><c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${s.values.values.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    (type === "line" ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** The chart part (xl/charts/chartN.xml) of one chart plan. */
export function chartXml(sheet: SheetPlan, c: ChartPlan): string {
  const series = chartSeries(sheet, c);
  // The value axis shows the numbers as the sheet does (a percent as 56,2%): the first value cell's format.
  const r = parseRange(c.dataRange);
  const format = xmlEscape(numberFormatAt(sheet, r.row + 1, r.col + 1));
  const ser = series.map((s, i) => seriesXml(s, i, c.type, format)).join("");
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const chart =
    c.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}` +
        `<c:gapWidth val="150"/>${axIds}</c:barChart>`;
  const axisText = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr></a:p></c:txPr>`;
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    `<c:date1904 val="0"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(c.title, 14, true)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${chart}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/>` +
    `<c:pageSetup/></c:printSettings></c:chartSpace>`
  );
}

/** The drawing part of a sheet: one two-cell anchor per chart, chart k related as rId<k+1>. */
export function drawingXml(charts: ChartPlan[]): string {
  const anchors = charts
    .map((c, k) => {
      const from = parseA1(c.from);
      const to = parseA1(c.to);
      const mark = (tag: string, p: { row: number; col: number }) =>
        `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${mark("from", from)}${mark("to", to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="Miernik${k + 1}" title="${xmlEscape(c.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${k + 1}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`
  );
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

function parseRels(xml: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? "";
    out.push({ id: attr("Id"), type: attr("Type"), target: xmlUnescape(attr("Target")) });
  }
  return out;
}

/** Sheet name → its part path ("xl/worksheets/sheet2.xml"), from xl/workbook.xml and its rels. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  const out = new Map<string, string>();
  if (!wb || !rels) return out;
  const byId = new Map(parseRels(rels).map((r) => [r.id, r.target]));
  for (const m of wb.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const target = rid ? byId.get(rid) : undefined;
    if (name === undefined || !target) continue;
    out.set(xmlUnescape(name), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Elements of CT_Worksheet after headerFooter/rowBreaks, in schema order. */
const AFTER_COL_BREAKS = [
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Insert `fragment` before the first of `tags` present (else before </worksheet>). */
function insertBefore(xml: string, tags: string[], fragment: string): string {
  let at = -1;
  for (const t of tags) {
    const m = new RegExp(`<${t}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  return xml.slice(0, at) + fragment + xml.slice(at);
}

/** True when a plan needs anything this module adds. */
export function needsPackageParts(sheets: SheetPlan[]): boolean {
  return sheets.some((s) => (s.charts?.length ?? 0) > 0 || (s.print?.colBreaks?.length ?? 0) > 0);
}

/** A relationship of a part's rels file. */
export interface Rel {
  id: string;
  type: string;
  target: string;
}

/** What the edits need to know of a package before its parts pass by. */
export interface PackageFacts {
  /** Sheet name → its part path ("xl/worksheets/sheet2.xml"). */
  sheetParts: Map<string, string>;
  /** The parts the package has (at least its drawings, charts and sheets' rels). */
  parts: Set<string>;
  /** The relationships of a rels part (none when it is absent). */
  rels(relsPart: string): Rel[];
  /** True when the sheet part already has a `<drawing>` (its charts are then left out). */
  hasDrawing(sheetPart: string): boolean;
}

/** How a package is changed: parts edited as they pass (name → edit of the text), and parts to add. */
export interface PackageEdits {
  edits: Map<string, (xml: string) => string>;
  added: { name: string; text: string }[];
}

/** `<part dir>/_rels/<part name>.rels`. */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The charts and column breaks of `sheets` as edits of a package ExcelJS writes: the sheet parts get
 * `<colBreaks>` and `<drawing r:id>`, the sheets' rels the drawing relationship, [Content_Types].xml the
 * overrides, and the chart and drawing parts are added. The same edits serve a package being streamed
 * (MemoryWorkbook.writeTo: parts edited as they pass) and a written one (addPackageParts). Sheets are
 * found by name; a plan whose sheet is not in the package is skipped.
 */
export function packageEdits(sheets: SheetPlan[], facts: PackageFacts): PackageEdits {
  const taken = new Set(facts.parts);
  const edits = new Map<string, (xml: string) => string>();
  const added: { name: string; text: string }[] = [];
  const overrides: string[] = [];
  const nextFree = (prefix: string) => {
    let n = 1;
    while (taken.has(`${prefix}${n}.xml`)) n++;
    return n;
  };
  const add = (name: string, text: string) => {
    taken.add(name);
    added.push({ name, text });
  };
  const override = (part: string, ct: string) =>
    overrides.push(`<Override PartName="/${part}" ContentType="${ct}"/>`);
  for (const plan of sheets) {
    const part = facts.sheetParts.get(plan.name);
    if (!part) continue;
    const steps: ((xml: string) => string)[] = [];
    const breaks = plan.print?.colBreaks ?? [];
    if (breaks.length > 0) {
      const brk = breaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("");
      const fragment = `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brk}</colBreaks>`;
      steps.push((xml) =>
        /<colBreaks[\s>]/.test(xml) ? xml : insertBefore(xml, AFTER_COL_BREAKS, fragment),
      );
    }
    const charts = plan.charts ?? [];
    if (charts.length > 0 && !facts.hasDrawing(part)) {
      const d = nextFree("xl/drawings/drawing");
      const drawingPart = `xl/drawings/drawing${d}.xml`;
      taken.add(drawingPart);
      const chartRels: Rel[] = [];
      charts.forEach((c, k) => {
        const n = nextFree("xl/charts/chart");
        add(`xl/charts/chart${n}.xml`, chartXml(plan, c));
        override(`xl/charts/chart${n}.xml`, CT_CHART);
        chartRels.push({ id: `rId${k + 1}`, type: REL_CHART, target: `../charts/chart${n}.xml` });
      });
      add(drawingPart, drawingXml(charts));
      add(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(chartRels));
      override(drawingPart, CT_DRAWING);
      const relsPart = relsPartOf(part);
      const rels = facts.rels(relsPart);
      let k = rels.length + 1;
      while (rels.some((r) => r.id === `rId${k}`)) k++;
      const rel: Rel = { id: `rId${k}`, type: REL_DRAWING, target: `../drawings/drawing${d}.xml` };
      if (facts.parts.has(relsPart))
        edits.set(relsPart, (xml) =>
          xml.includes("</Relationships>")
            ? xml.replace(
                "</Relationships>",
                `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${rel.target}"/></Relationships>`,
              )
            : relsXml([...parseRels(xml), rel]),
        );
      else add(relsPart, relsXml([rel]));
      steps.push((xml) => {
        let x = xml;
        if (!/xmlns:r="/.test(x.slice(0, x.indexOf(">", x.indexOf("<worksheet")))))
          x = x.replace("<worksheet ", `<worksheet xmlns:r="${NS_R}" `);
        return insertBefore(
          x,
          AFTER_COL_BREAKS.slice(AFTER_COL_BREAKS.indexOf("legacyDrawing")),
          `<drawing r:id="rId${k}"/>`,
        );
      });
    }
    if (steps.length > 0) edits.set(part, (xml) => steps.reduce((x, f) => f(x), xml));
  }
  if (overrides.length > 0)
    edits.set("[Content_Types].xml", (xml) => xml.replace("</Types>", `${overrides.join("")}</Types>`));
  return { edits, added };
}

/**
 * Adds the charts and column breaks of `sheets` to a package ExcelJS wrote (packageEdits, applied to the
 * unpacked package). Returns the new bytes (the input when nothing is to add).
 */
export async function addPackageParts(bytes: Uint8Array, sheets: SheetPlan[]): Promise<Uint8Array> {
  if (!needsPackageParts(sheets)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const sheetPartsByName = await sheetParts(zip);
  const parts = new Set(Object.keys(zip.files).filter((n) => !zip.files[n].dir));
  const rels = new Map<string, Rel[]>();
  const drawn = new Set<string>();
  for (const plan of sheets) {
    const part = sheetPartsByName.get(plan.name);
    if (!part) continue;
    const relsPart = relsPartOf(part);
    rels.set(relsPart, parseRels((await zip.file(relsPart)?.async("string")) ?? ""));
    if (/<drawing[\s/>]/.test((await zip.file(part)?.async("string")) ?? "")) drawn.add(part);
  }
  const { edits, added } = packageEdits(sheets, {
    sheetParts: sheetPartsByName,
    parts,
    rels: (p) => rels.get(p) ?? [],
    hasDrawing: (p) => drawn.has(p),
  });
  for (const [name, edit] of edits) {
    const file = zip.file(name);
    if (file) zip.file(name, edit(await file.async("string")));
  }
  for (const a of added) zip.file(a.name, a.text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
