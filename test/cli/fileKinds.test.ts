/**
 * Files that are not a register .xlsx/.csv but look like one to a user: Excel's `~$` lock file of a register
 * open in Excel, a password-protected .xlsx, an old .xls saved under an .xlsx name, a binary .xlsb. Each gets
 * a message saying what it is and what to do — not "not a zip archive" / "no xl/workbook.xml".
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readRegisterFile } from "../../src/cli/commands/check";
import { checkXlsxPackage, XlsxReadError } from "../../src/hosts/xlsx/preflight";
import { MemoryWorkbook } from "../../src/hosts/xlsx/memory";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { readInputFile } from "../../src/workbook/summary/inputs";
import { makeZip } from "../hostile/zipWriter";

/**
 * An OLE2 compound file with the given stream names in its directory (sector 0 after the 512-byte header):
 * only as much of the format as tells an encrypted .xlsx (EncryptionInfo + EncryptedPackage) from an .xls.
 */
function ole(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(0, 48); // first directory sector
  const dir = Buffer.alloc(512);
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = i * 128;
    dir.write(name, at, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir[at + 66] = i === 0 ? 5 : 2; // root storage, stream
  });
  return Buffer.concat([header, dir, Buffer.alloc(1024)]);
}

async function reasonOf(bytes: Uint8Array): Promise<XlsxReadError> {
  try {
    await checkXlsxPackage(bytes);
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error("accepted");
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-kinds-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("files that are not a register", () => {
  it("a password-protected .xlsx says it is encrypted and how to remove the password", async () => {
    const e = await reasonOf(ole(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]));
    expect(e.reason).toBe("encrypted");
    expect(e.pl).toContain("zaszyfrowany");
    expect(e.pl).toContain("usuń hasło");
    expect(e.pl).not.toContain(".xls ");
    expect(e.message).toContain("remove the password");
  });
  it("an old .xls under an .xlsx name says it is an .xls, not maybe encrypted", async () => {
    for (const stream of ["Workbook", "Book"]) {
      const e = await reasonOf(ole([stream, "\u0005SummaryInformation"]));
      expect(e.reason).toBe("legacy-xls");
      expect(e.pl).toContain("stary plik .xls");
      expect(e.pl).not.toContain("zaszyfrowany");
    }
  });
  it("an OLE2 file that is neither keeps the message naming both", async () => {
    expect((await reasonOf(ole(["Something"]))).pl).toContain("albo skoroszyt zaszyfrowany");
  });
  it("a binary .xlsb (under any name) says it is .xlsb and to save it as .xlsx", async () => {
    const xlsb = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.bin", data: Buffer.from([0x83, 0x01, 0x00]) },
      { name: "xl/worksheets/sheet1.bin", data: Buffer.from([0x81, 0x01, 0x00]) },
    ]);
    const e = await reasonOf(xlsb);
    expect(e.pl).toContain("skoroszyt binarny Excela (.xlsb)");
    expect(e.pl).toContain("zapisz go jako .xlsx");
    await expect(readXlsx(xlsb)).rejects.toThrow(/\.xlsb/);
  });

  describe("Excel's lock file of a register open in Excel", () => {
    const lock = Buffer.concat([Buffer.from([3]), Buffer.from("reg"), Buffer.alloc(161, 0x20)]);
    it.each(["~$rejestr.xlsx", "~$rejestr.csv"])(
      "miernik check %s names the file to give instead",
      async (n) => {
        const f = path.join(dir, n);
        fs.writeFileSync(f, lock);
        await expect(readRegisterFile(f, n)).rejects.toThrow(
          `${n}: to plik blokady Excela (powstaje, gdy „${n.slice(2)}” jest otwarty w Excelu)`,
        );
        await expect(readRegisterFile(f, n, "en")).rejects.toThrow(`${n}: Excel's lock file`);
      },
    );
    it("a summary of a folder lists it as a lock file, and the pane's open says so too", async () => {
      const got = await readInputFile("~$rejestr.xlsx", lock, readXlsx);
      expect(got.ok).toBe(false);
      expect(!got.ok && got.reason.pl).toContain("plik blokady Excela");
      await expect(MemoryWorkbook.open("~$rejestr.xlsx", lock)).rejects.toMatchObject({
        pl: expect.stringContaining("plik blokady Excela"),
      });
    });
  });

  it("a zero-byte .xlsx says what usually made it and what to do", async () => {
    const e = await reasonOf(new Uint8Array(0));
    expect(e.reason).toBe("empty");
    expect(e.pl).toMatch(/^pusty plik \(0 bajtów\): .*zapisz skoroszyt ponownie w Excelu jako \.xlsx/);
    const f = path.join(dir, "pusty.xlsx");
    fs.writeFileSync(f, "");
    await expect(readRegisterFile(f, "pusty.xlsx")).rejects.toThrow("pusty.xlsx: pusty plik (0 bajtów): ");
  });
});
