/**
 * The streaming zip writer (src/hosts/xlsx/zipWriter.ts): what it writes opens with JSZip (what ExcelJS
 * reads with), passes the repo's own bounded reader (central directory, sizes, streaming inflate) and
 * `unzip -t` (when installed), in each compression mode; a package beyond what a zip without ZIP64 holds
 * is refused with a clear message.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { guardXlsx, readCentralDirectory } from "../../src/hosts/xlsx/zipGuard";
import {
  ChunkSink,
  crc32,
  platformCompression,
  ZipTooLargeError,
  ZipWriter,
} from "../../src/hosts/xlsx/zipWriter";

const JSZip = require("jszip") as {
  loadAsync(b: Uint8Array): Promise<{
    files: Record<string, { dir: boolean }>;
    file(n: string): { async(t: "string" | "uint8array"): Promise<string & Uint8Array> } | null;
  }>;
};

const hasUnzip = spawnSync("unzip", ["-v"]).status === 0;

// Over one encoding slice (2^20 characters), with a surrogate pair right at the slice boundary.
// Varied rows (a sheet-like ratio: the bounded reader refuses parts that unpack over 200×).
const rows = Array.from(
  { length: 20000 },
  (_, i) => `<row r="${i + 1}"><c><v>${(i * 2654435761) % 1000003}</v></c></row>`,
);
const big = "ż".repeat((1 << 20) - 1) + "😀" + rows.join("");
const binary = Uint8Array.from({ length: 70000 }, (_, i) => (i * 7919) % 251);
const ENTRIES: [string, string | Uint8Array][] = [
  ["[Content_Types].xml", '<?xml version="1.0"?><Types/>'],
  ["xl/workbook.xml", "<workbook>Zażółć gęślą jaźń</workbook>"],
  ["xl/worksheets/sheet1.xml", big],
  ["xl/media/image1.png", binary],
  ["xl/empty.xml", ""],
];

async function write(compression: "deflate-raw" | "deflate-zlib" | "store"): Promise<Uint8Array> {
  const sink = new ChunkSink();
  const zip = new ZipWriter(sink, { compression });
  for (const [name, data] of ENTRIES) await zip.add(name, data);
  await zip.finish();
  expect(zip.written).toBe(sink.size);
  expect(sink.chunks.length).toBeGreaterThan(ENTRIES.length);
  return sink.bytes();
}

describe("the streaming zip writer", () => {
  test("CRC-32 is the zip one", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const a = new TextEncoder().encode("Zażółć ");
    const b = new TextEncoder().encode("gęślą jaźń");
    const ab = new Uint8Array([...a, ...b]);
    expect(crc32(b, crc32(a))).toBe(crc32(ab));
  });

  test("Node 20 has CompressionStream deflate-raw: auto means deflate-raw here", () => {
    expect(platformCompression()).toBe("deflate-raw");
  });

  test.each(["deflate-raw", "deflate-zlib", "store"] as const)(
    "%s: JSZip, the bounded reader and unzip -t read back every entry",
    async (mode) => {
      const bytes = await write(mode);
      const zip = await JSZip.loadAsync(bytes);
      expect(Object.keys(zip.files).sort()).toEqual(ENTRIES.map((e) => e[0]).sort());
      for (const [name, data] of ENTRIES) {
        if (typeof data === "string") expect(await zip.file(name)!.async("string")).toBe(data);
        else
          expect(Buffer.from(await zip.file(name)!.async("uint8array")).equals(Buffer.from(data))).toBe(true);
      }
      const entries = readCentralDirectory(bytes);
      expect(entries.map((e) => e.method)).toEqual(ENTRIES.map(() => (mode === "store" ? 0 : 8)));
      const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
      expect(sheet.uncompressedSize).toBe(Buffer.byteLength(big, "utf8"));
      if (mode !== "store") expect(sheet.compressedSize).toBeLessThan(sheet.uncompressedSize / 10);
      await expect(guardXlsx(bytes)).resolves.toBeUndefined();
      if (hasUnzip) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-zip-"));
        const file = path.join(dir, "t.zip");
        fs.writeFileSync(file, bytes);
        const r = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
        fs.rmSync(dir, { recursive: true, force: true });
        expect(r.stdout).toContain("No errors detected");
        expect(r.status).toBe(0);
      }
    },
    30_000,
  );

  test("entries can arrive as a stream of pieces; a sink that is slow to accept is awaited", async () => {
    const seen: number[] = [];
    const sink = {
      chunks: [] as Uint8Array[],
      async write(c: Uint8Array) {
        await new Promise((r) => setTimeout(r, 1));
        seen.push(c.length);
        this.chunks.push(c);
      },
    };
    const zip = new ZipWriter(sink);
    async function* parts() {
      for (let i = 0; i < 50; i++) yield new TextEncoder().encode(`<row r="${i + 1}"/>`);
    }
    await zip.add("xl/workbook.xml", "<workbook/>");
    await zip.add("a.xml", parts());
    await zip.finish();
    const all = Buffer.concat(sink.chunks);
    expect(seen.reduce((s, n) => s + n, 0)).toBe(all.length);
    const back = await JSZip.loadAsync(all);
    expect(await back.file("a.xml")!.async("string")).toBe(
      Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"/>`).join(""),
    );
  });

  test("a name added twice, or after finish, is a programming error", async () => {
    const zip = new ZipWriter(new ChunkSink());
    await zip.add("a", "x");
    await expect(zip.add("a", "y")).rejects.toThrow("added twice");
    await zip.finish();
    await expect(zip.add("b", "y")).rejects.toThrow("after the package was finished");
  });

  test("more than 65 535 parts (ZIP64) is refused with a message, in English and Polish", async () => {
    const zip = new ZipWriter(new ChunkSink(), { compression: "store" });
    for (let i = 0; i < 0xffff; i++) await zip.add(`p${i}`, "");
    const e = await zip.add("one-more", "").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZipTooLargeError);
    expect((e as ZipTooLargeError).message).toContain("65535 parts");
    expect((e as ZipTooLargeError).pl).toContain("ZIP64");
  });
});
