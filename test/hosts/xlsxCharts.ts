/**
 * The charts of an .xlsx package read back as chart plans (type, title, data range, series orientation,
 * anchors), per sheet: what src/hosts/xlsx/charts.ts wrote, for comparing the two renderers with the plan.
 */
import JSZip from "jszip";
import { a1, parseRange, rangeA1 } from "../../src/workbook/address";
import { sheetParts } from "../../src/hosts/xlsx/charts";

export interface ReadChart {
  type: string;
  title: string;
  dataRange: string;
  seriesBy: string;
  from: string;
  to: string;
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
/** The A1 range of `'Sheet'!$A$1:$B$2` (sheet part dropped). */
const local = (f: string) => unescape(f).replace(/^.*!/, "").replace(/\$/g, "");

export async function chartsFromXlsx(bytes: Uint8Array): Promise<Map<string, ReadChart[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const out = new Map<string, ReadChart[]>();
  for (const [sheet, part] of await sheetParts(zip)) {
    const xml = await read(part);
    const d = /<drawing r:id="([^"]+)"\/>/.exec(xml);
    if (!d) continue;
    const rels = await read(part.replace(/([^/]+)$/, "_rels/$1.rels"));
    const drawingFile = new RegExp(`Id="${d[1]}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(rels)?.[1];
    if (!drawingFile) continue;
    const drawing = await read(`xl/drawings/${drawingFile}`);
    const drels = await read(`xl/drawings/_rels/${drawingFile}.rels`);
    const charts: ReadChart[] = [];
    for (const anchor of drawing.matchAll(/<xdr:twoCellAnchor\b.*?<\/xdr:twoCellAnchor>/g)) {
      const pos = (tag: string) => {
        const m = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col>.*?<xdr:row>(\\d+)</xdr:row>`).exec(
          anchor[0],
        )!;
        return a1(Number(m[2]), Number(m[1]));
      };
      const rid = /<c:chart [^>]*r:id="([^"]+)"/.exec(anchor[0])![1];
      const file = new RegExp(`Id="${rid}"[^>]*Target="\\.\\./charts/([^"]+)"`).exec(drels)![1];
      const c = await read(`xl/charts/${file}`);
      const series = [...c.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((s) => ({
        name: parseRange(local(/<c:tx><c:strRef><c:f>([^<]*)</.exec(s[1])![1])),
        cat: parseRange(local(/<c:cat>.*?<c:f>([^<]*)</.exec(s[1])![1])),
        val: parseRange(local(/<c:val>.*?<c:f>([^<]*)</.exec(s[1])![1])),
      }));
      const first = series[0];
      const last = series[series.length - 1];
      const byColumns = first.cat.cols === 1 && (first.cat.rows > 1 || first.name.row < first.cat.row);
      const dataRange = byColumns
        ? rangeA1(first.name.row, first.cat.col, first.cat.rows + 1, last.val.col - first.cat.col + 1)
        : rangeA1(first.cat.row, first.name.col, last.val.row - first.cat.row + 1, first.cat.cols + 1);
      charts.push({
        type: /<c:lineChart>/.test(c) ? "line" : "columnClustered",
        title: unescape(/<c:title>.*?<a:t>([^<]*)<\/a:t>/.exec(c)![1]),
        dataRange,
        seriesBy: byColumns ? "columns" : "rows",
        from: pos("from"),
        to: pos("to"),
      });
    }
    out.set(sheet, charts);
  }
  return out;
}
