/** A minimal zip writer for building hostile packages in tests (lying sizes, odd methods, many parts). */
import * as zlib from "zlib";
import { crc32 as jsCrc32 } from "../../src/hosts/xlsx/zipWriter";

export interface RawEntry {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Declared uncompressed size (default: the real one) — a lie makes a bomb or a damaged package. */
  declaredSize?: number;
  /** Bytes used as the compressed data instead of deflating `data`. */
  rawCompressed?: Buffer;
  /** CRC-32 of the uncompressed data, when `data` is not given in full. */
  crc?: number;
}

const cache = new WeakMap<Buffer, number>();

/** CRC-32 (zlib's when Node has it), cached per buffer: the corpus reuses large buffers. */
export function crc32(buf: Buffer): number {
  const hit = cache.get(buf);
  if (hit !== undefined) return hit;
  const native = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
  const v = native ? native(buf) >>> 0 : jsCrc32(buf);
  cache.set(buf, v);
  return v;
}

export function makeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const name = Buffer.from(e.name, "utf8");
    const comp = e.rawCompressed ?? (method === 8 ? zlib.deflateRawSync(e.data, { level: 6 }) : e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = e.crc ?? crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
