/**
 * Rows of a streamed sheet written as XML directly, byte for byte what ExcelJS's own row and cell xforms
 * (`RowXform`/`CellXform`) write for the same cells, without ExcelJS's `Row`/`Cell` objects, per-cell
 * style serialisation or XML stream machinery (they made the streamed criteria workbook ×4 the bare
 * ExcelJS write of its values). Used by ./stream.ts for sheets without merges;
 * test/hosts/xlsxStream.test.ts checks that the package parts are identical to ExcelJS's.
 *
 * What ExcelJS does and this module repeats: style ids through the workbook's `StylesXform`
 * (`addStyleModel`, in cell order, so ids are numbered the same; an unstyled cell has id 0), strings as
 * shared strings (added in cell order), shared-formula ids (`si`) numbered from the sheet's counter,
 * the row's `spans` over the cells that exist (empty unstyled ones too, though they are not written),
 * `ht`/`customHeight`, `hidden` and `x14ac:dyDescent="0.25"`.
 */
const xmlUtils = require("exceljs/lib/utils/utils.js") as { xmlEncode(text: string): string };
const colCache = require("exceljs/lib/utils/col-cache.js") as { n2l(n: number): string };

const xmlEncode = xmlUtils.xmlEncode;

/** What a cell slot of the row being built holds. */
export const enum Slot {
  None = 0,
  /** A literal value (null = an existing empty cell). */
  Value = 1,
  /** A formula of its own. */
  Formula = 2,
  /** The first cell of a shared formula (with its range). */
  Master = 3,
  /** A cell of a shared formula after its first (the master's address). */
  Follower = 4,
}

interface StylesXformLike {
  addStyleModel(model: object, cellType?: number): number;
}
interface SharedStringsLike {
  add(value: string): number;
}

/** A row being built: cells by 0-based column, then written with `write`. */
export class RowXml {
  readonly kind: Uint8Array;
  /** Value (Slot.Value), formula without "=" (Formula, Master) or the master's address (Follower). */
  readonly data: unknown[];
  /** The shared range of a Master. */
  readonly ref: (string | undefined)[];
  /** The cell's style object (ExcelJS style model), or undefined for none. */
  readonly style: (object | undefined)[];
  height: number | undefined = undefined;
  /** The height is an estimate of the content's: written without `customHeight` (Excel fits the row). */
  fit = false;
  hidden = false;

  private readonly letters: string[];
  private readonly styleIds = new Map<object, number>();
  /** Shared-formula ids by master address. */
  private readonly sharedIds = new Map<string, number>();
  private touched = false;

  constructor(
    readonly width: number,
    private readonly styles: StylesXformLike,
    private readonly sharedStrings: SharedStringsLike | undefined,
    /** The sheet's next shared-formula id (read and advanced through these callbacks). */
    private readonly si: { next(): number },
  ) {
    this.kind = new Uint8Array(width);
    this.data = new Array<unknown>(width).fill(null);
    this.ref = new Array<string | undefined>(width).fill(undefined);
    this.style = new Array<object | undefined>(width).fill(undefined);
    this.letters = Array.from({ length: width }, (_, c) => colCache.n2l(c + 1));
  }

  /** Empties the row for the next one. */
  clear(): void {
    this.height = undefined;
    this.fit = false;
    this.hidden = false;
    if (!this.touched) return;
    this.kind.fill(0);
    this.data.fill(null);
    this.ref.fill(undefined);
    this.style.fill(undefined);
    this.touched = false;
  }

  set(c: number, kind: Slot, data: unknown, ref?: string): void {
    this.kind[c] = kind;
    this.data[c] = data;
    this.ref[c] = ref;
    this.touched = true;
  }

  /** A style on cell `c` (the cell exists from now on, empty if nothing else is set). */
  setStyle(c: number, style: object): void {
    if (this.kind[c] === Slot.None) this.kind[c] = Slot.Value;
    this.style[c] = style;
    this.touched = true;
  }

  /** The value ExcelJS's `cell.value` would give (table headers read it). */
  valueAt(c: number): unknown {
    switch (this.kind[c]) {
      case Slot.None:
        return undefined;
      case Slot.Value:
        return this.data[c];
      case Slot.Formula:
        return { formula: this.data[c] };
      case Slot.Master:
        return { formula: this.data[c], ref: this.ref[c], shareType: "shared" };
      default:
        return { sharedFormula: this.data[c] };
    }
  }

  private styleId(style: object | undefined): number {
    if (style === undefined) return 0;
    let id = this.styleIds.get(style);
    if (id === undefined) {
      // ExcelJS caches the id per style object at its first use whatever the cell's type (no dates here).
      id = this.styles.addStyleModel(style);
      this.styleIds.set(style, id);
    }
    return id;
  }

  /** The row's XML (1-based row `n`), or "" when ExcelJS would write nothing. */
  write(n: number): string {
    const { kind, data, letters } = this;
    let min = 0;
    let max = 0;
    let cells = "";
    for (let c = 0; c < this.width; c++) {
      const k = kind[c];
      if (k === Slot.None) continue;
      if (min === 0) min = c + 1;
      max = c + 1;
      const s = this.styleId(this.style[c]);
      const v = data[c];
      if (k === Slot.Value && (v === null || v === undefined)) {
        if (s) cells += `<c r="${letters[c]}${n}" s="${s}"/>`;
        continue;
      }
      let cell = `<c r="${letters[c]}${n}"`;
      if (s) cell += ` s="${s}"`;
      if (k === Slot.Value) {
        if (typeof v === "string") {
          if (this.sharedStrings) cell += ` t="s"><v>${this.sharedStrings.add(v)}</v></c>`;
          else cell += ` t="str"><v>${xmlEncode(v)}</v></c>`;
        } else if (typeof v === "boolean") cell += ` t="b"><v>${v ? "1" : "0"}</v></c>`;
        else cell += `><v>${xmlEncode(String(v))}</v></c>`;
      } else if (k === Slot.Formula) cell += `><f>${xmlEncode(String(v))}</f></c>`;
      else if (k === Slot.Master) {
        const si = this.si.next();
        this.sharedIds.set(`${letters[c]}${n}`, si);
        cell += `><f t="shared" ref="${xmlEncode(this.ref[c]!)}" si="${si}">${xmlEncode(String(v))}</f></c>`;
      } else {
        const si = this.sharedIds.get(v as string);
        if (si === undefined)
          throw new Error(
            `Shared Formula master must exist above and or left of clone for cell ${letters[c]}${n}`,
          );
        cell += `><f t="shared" si="${si}"/></c>`;
      }
      cells += cell;
    }
    if (max === 0 && !this.height) return "";
    let row = `<row r="${n}"`;
    if (this.height) row += ` ht="${xmlEncode(String(this.height))}"${this.fit ? "" : ` customHeight="1"`}`;
    if (this.hidden) row += ` hidden="1"`;
    if (min > 0 && max > 0) row += ` spans="${min}:${max}"`;
    row += ` x14ac:dyDescent="0.25"`;
    return cells === "" ? `${row}/>` : `${row}>${cells}</row>`;
  }
}
