/**
 * A streaming zip writer: entries are added one at a time, each compressed as it is added, and the
 * package leaves as chunks handed to a sink (a file being written, Blob parts, a list in tests) — the
 * whole package is never held in one piece. The central directory follows the last entry.
 *
 * Compression is the platform's own `CompressionStream("deflate-raw")` (every current browser, Node 20
 * here); where only `"deflate"` (zlib) exists its two-byte header and Adler-32 trailer are cut off, which
 * leaves the same raw deflate data; with neither the entries are stored uncompressed (a valid package,
 * only larger). Each entry's compressed data is collected (a list of chunks, about a tenth of the part)
 * so its local header carries the real CRC-32 and sizes: no data descriptors, which some readers
 * mishandle. ZIP64 is not written: a package that would need it (a part or the package over 4 GB, over
 * 65 535 parts) is refused with ZipTooLargeError before anything of that part is written.
 *
 * No Node APIs: works in the browser, in a Web Worker and in Node.
 */

/** Where the package's bytes go, in order. A chunk handed over is not touched again by the writer. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** How entries are compressed: "auto" picks the best the platform has. */
export type ZipCompression = "auto" | "deflate-raw" | "deflate-zlib" | "store";

export interface ZipWriterOptions {
  compression?: ZipCompression;
  /** The entries' modification time (default: now). */
  date?: Date;
}

/**
 * A package that would need ZIP64 (over 4 GB or over 65 535 parts); one line, English and Polish (`info`
 * is the shape the pane shows as it is).
 */
export class ZipTooLargeError extends Error {
  readonly info: { message: { pl: string; en: string } };
  constructor(
    message: string,
    readonly pl: string,
  ) {
    super(message);
    this.name = "ZipTooLargeError";
    this.info = { message: { pl, en: message } };
  }
}

const MAX32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (the zip one) of `data`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = (crc ^ MAX32) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ MAX32) >>> 0;
}

function supports(format: "deflate-raw" | "deflate"): boolean {
  if (typeof CompressionStream === "undefined") return false;
  try {
    new CompressionStream(format as CompressionFormat);
    return true;
  } catch {
    return false;
  }
}

/** The compression "auto" means on this platform. */
export function platformCompression(): Exclude<ZipCompression, "auto"> {
  if (supports("deflate-raw")) return "deflate-raw";
  if (supports("deflate")) return "deflate-zlib";
  return "store";
}

/** Characters of a string encoded at a time (a long sheet is never encoded in one piece). */
const TEXT_SLICE = 1 << 20;

/** The data of an entry as byte pieces: a string is encoded slice by slice (no surrogate pair split). */
async function* pieces(data: string | Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (typeof data === "string") {
    const enc = new TextEncoder();
    for (let i = 0; i < data.length;) {
      let end = Math.min(data.length, i + TEXT_SLICE);
      const last = data.charCodeAt(end - 1);
      if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
      yield enc.encode(data.slice(i, end));
      i = end;
    }
  } else if (data instanceof Uint8Array) {
    yield data;
  } else {
    for await (const p of data) yield p;
  }
}

interface Compressed {
  chunks: Uint8Array[];
  size: number;
  crc: number;
  compressedSize: number;
}

/** Drops a zlib stream's 2-byte header and 4-byte Adler-32 trailer, leaving the raw deflate data. */
function zlibToRaw(): TransformStream<Uint8Array, Uint8Array> {
  let head = 2;
  let tail = new Uint8Array(0);
  return new TransformStream({
    transform(chunk, ctl) {
      let c = chunk;
      if (head > 0) {
        const cut = Math.min(head, c.length);
        head -= cut;
        c = c.subarray(cut);
      }
      const all = new Uint8Array(tail.length + c.length);
      all.set(tail);
      all.set(c, tail.length);
      const keep = Math.min(4, all.length);
      if (all.length > keep) ctl.enqueue(all.subarray(0, all.length - keep));
      tail = all.slice(all.length - keep);
    },
  });
}

async function compress(
  data: string | Uint8Array | AsyncIterable<Uint8Array>,
  mode: Exclude<ZipCompression, "auto">,
): Promise<Compressed> {
  const out: Compressed = { chunks: [], size: 0, crc: 0, compressedSize: 0 };
  if (mode === "store") {
    for await (const p of pieces(data)) {
      out.crc = crc32(p, out.crc);
      out.size += p.length;
      out.chunks.push(p);
    }
    out.compressedSize = out.size;
    return out;
  }
  const cs = new CompressionStream(mode === "deflate-raw" ? "deflate-raw" : "deflate");
  const readable: ReadableStream<Uint8Array> =
    mode === "deflate-raw" ? cs.readable : cs.readable.pipeThrough(zlibToRaw());
  const reader = readable.getReader();
  const reading = (async () => {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      out.chunks.push(r.value);
      out.compressedSize += r.value.length;
    }
  })();
  const writer = cs.writable.getWriter();
  try {
    for await (const p of pieces(data)) {
      out.crc = crc32(p, out.crc);
      out.size += p.length;
      // A copy when the piece is a view of a larger (or shared) buffer: the stream may hold on to it.
      const own =
        p.buffer instanceof ArrayBuffer && p.byteOffset === 0 && p.byteLength === p.buffer.byteLength;
      await writer.write((own ? p : p.slice()) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  } catch (e) {
    await writer.abort(e).catch(() => undefined);
    throw e;
  } finally {
    await reading;
  }
  return out;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface CentralEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export class ZipWriter {
  private readonly mode: Exclude<ZipCompression, "auto">;
  private readonly stamp: { time: number; date: number };
  private readonly entries: CentralEntry[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private finished = false;

  constructor(
    private readonly sink: ByteSink,
    opts: ZipWriterOptions = {},
  ) {
    this.mode = !opts.compression || opts.compression === "auto" ? platformCompression() : opts.compression;
    this.stamp = dosDateTime(opts.date ?? new Date());
  }

  /** How entries are compressed here (after "auto" is resolved). */
  get compression(): Exclude<ZipCompression, "auto"> {
    return this.mode;
  }

  /** Bytes handed to the sink so far. */
  get written(): number {
    return this.offset;
  }

  /** Adds one entry (a string is written as UTF-8); resolves when its bytes are in the sink. */
  async add(name: string, data: string | Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    if (this.finished) throw new Error(`zip: ${name} added after the package was finished`);
    if (this.names.has(name)) throw new Error(`zip: ${name} added twice`);
    if (this.entries.length >= MAX_ENTRIES)
      throw new ZipTooLargeError(
        `the workbook has more than ${MAX_ENTRIES} parts, more than a zip without ZIP64 holds`,
        `skoroszyt ma ponad ${MAX_ENTRIES} części, więcej niż mieści archiwum zip bez ZIP64`,
      );
    this.names.add(name);
    const c = await compress(data, this.mode);
    const method = this.mode === "store" ? 0 : 8;
    const nameBytes = new TextEncoder().encode(name);
    const end = this.offset + 30 + nameBytes.length + c.compressedSize;
    if (c.size > MAX32 || end > MAX32)
      throw new ZipTooLargeError(
        `the workbook is too large to save: the part ${name} takes it over 4 GB (${mb(Math.max(c.size, end))}), more than a zip without ZIP64 holds — split the data into smaller workbooks`,
        `skoroszyt jest za duży do zapisania: część ${name} przekracza 4 GB (${mb(Math.max(c.size, end))}), więcej niż mieści archiwum zip bez ZIP64 — podziel dane na mniejsze skoroszyty`,
      );
    const h = new Uint8Array(30 + nameBytes.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    v.setUint16(6, 0x0800, true); // UTF-8 names
    v.setUint16(8, method, true);
    v.setUint16(10, this.stamp.time, true);
    v.setUint16(12, this.stamp.date, true);
    v.setUint32(14, c.crc, true);
    v.setUint32(18, c.compressedSize, true);
    v.setUint32(22, c.size, true);
    v.setUint16(26, nameBytes.length, true);
    v.setUint16(28, 0, true);
    h.set(nameBytes, 30);
    this.entries.push({
      name: nameBytes,
      method,
      crc: c.crc,
      compressedSize: c.compressedSize,
      size: c.size,
      offset: this.offset,
    });
    await this.emit(h);
    for (const chunk of c.chunks) await this.emit(chunk);
  }

  /** Writes the central directory; the package is complete when this resolves. */
  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const start = this.offset;
    const size = this.entries.reduce((s, e) => s + 46 + e.name.length, 0);
    if (start + size + 22 > MAX32)
      throw new ZipTooLargeError(
        `the workbook is too large to save: over 4 GB, more than a zip without ZIP64 holds — split the data into smaller workbooks`,
        `skoroszyt jest za duży do zapisania: ponad 4 GB, więcej niż mieści archiwum zip bez ZIP64 — podziel dane na mniejsze skoroszyty`,
      );
    const cd = new Uint8Array(size + 22);
    const v = new DataView(cd.buffer);
    let p = 0;
    for (const e of this.entries) {
      v.setUint32(p, 0x02014b50, true);
      v.setUint16(p + 4, 20, true); // version made by: 2.0, MS-DOS attributes
      v.setUint16(p + 6, 20, true);
      v.setUint16(p + 8, 0x0800, true);
      v.setUint16(p + 10, e.method, true);
      v.setUint16(p + 12, this.stamp.time, true);
      v.setUint16(p + 14, this.stamp.date, true);
      v.setUint32(p + 16, e.crc, true);
      v.setUint32(p + 20, e.compressedSize, true);
      v.setUint32(p + 24, e.size, true);
      v.setUint16(p + 28, e.name.length, true);
      // extra, comment, disk number, internal and external attributes: 0
      v.setUint32(p + 42, e.offset, true);
      cd.set(e.name, p + 46);
      p += 46 + e.name.length;
    }
    v.setUint32(p, 0x06054b50, true);
    v.setUint16(p + 8, this.entries.length, true);
    v.setUint16(p + 10, this.entries.length, true);
    v.setUint32(p + 12, size, true);
    v.setUint32(p + 16, start, true);
    await this.emit(cd);
  }

  private async emit(chunk: Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    this.offset += chunk.length;
    await this.sink.write(chunk);
  }
}

/** A sink collecting the chunks (and, on request, one Uint8Array of them all). */
export class ChunkSink implements ByteSink {
  readonly chunks: Uint8Array[] = [];
  size = 0;
  write(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let p = 0;
    for (const c of this.chunks) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}
