import { csvDecodings, CsvError, detectSeparator, parseCsv, parseCsvBytes } from "../../src/workbook/csv";

describe("CSV", () => {
  it("detects ; and , outside quotes", () => {
    expect(detectSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectSeparator('"x;y",b,c\n')).toBe(",");
  });
  it("quotes, doubled quotes, separators and newlines inside quotes, empty fields → null", () => {
    expect(parseCsv('a;"b;c";"say ""hi""";\r\n"multi\nline";;x')).toEqual([
      ["a", "b;c", 'say "hi"', null],
      ["multi\nline", null, "x"],
    ]);
  });
  it("UTF-8 with BOM, CRLF, trailing blank lines", () => {
    const bytes = new TextEncoder().encode("\uFEFFImię,Płeć\r\nŁucja,Kobieta\r\n\r\n");
    expect(parseCsvBytes(bytes)).toEqual([
      ["Imię", "Płeć"],
      ["Łucja", "Kobieta"],
    ]);
    expect(parseCsv("\uFEFFa;b\nc;d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });
  it("a quoted empty field is an empty string, text like a formula stays text", () => {
    expect(parseCsv('"";=SUM(A1);+48')).toEqual([["", "=SUM(A1)", "+48"]]);
  });
});

describe("CSV as users have it (issue 12)", () => {
  it("detects TAB, and the header line below a title line decides", () => {
    expect(detectSeparator("Imię\tNazwisko\tPłeć, wiek\n")).toBe("\t");
    expect(detectSeparator("Rejestr uczestników\nImię,Nazwisko;x,y\n")).toBe(",");
    expect(parseCsv("a\tb\t\n1\t2\t3")).toEqual([
      ["a", "b", null],
      ["1", "2", "3"],
    ]);
  });
  it("an unterminated quote is an error naming the line where the field starts, not a swallowed file", () => {
    const text = 'a;b\n1;2\n3;"four\n5;6\n7;8\n';
    expect(() => parseCsv(text)).toThrow(CsvError);
    try {
      parseCsv(text);
    } catch (e) {
      expect((e as CsvError).line).toBe(3);
      expect((e as CsvError).pl).toContain("wierszu 3");
    }
    // A quoted field spanning lines counts its lines.
    expect(() => parseCsv('a;b\n"x\ny";1\n2;"open\n')).toThrow(/wierszu 4/);
  });
  it("each row keeps exactly its record's fields (a short or long record is visible)", () => {
    expect(parseCsv("a;b;c\n1;2\n1;2;3;4\n").map((r) => r.length)).toEqual([3, 2, 4]);
  });
  it("decodes UTF-8 (BOM or not), UTF-16 LE/BE with a BOM, Windows-1250 and ISO-8859-2", () => {
    const text = "Imię;Płeć;Źródło;Świętość;Ąę\nŁucja;Kobieta;ź;ś;ą\n";
    const utf16 = (le: boolean) => {
      const out = [le ? 0xff : 0xfe, le ? 0xfe : 0xff];
      for (const ch of text) {
        const c = ch.charCodeAt(0);
        out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
      }
      return Uint8Array.from(out);
    };
    const single = (enc: string) => {
      const map = new Map<string, number>();
      const dec = new TextDecoder(enc);
      for (let b = 0; b < 256; b++) map.set(dec.decode(Uint8Array.of(b)), b);
      return Uint8Array.from([...text].map((c) => map.get(c) as number));
    };
    const cases: [Uint8Array, string][] = [
      [new TextEncoder().encode(text), "utf-8"],
      [new TextEncoder().encode("\ufeff" + text), "utf-8"],
      [utf16(true), "utf-16le"],
      [utf16(false), "utf-16be"],
      [utf16(true).subarray(2), "utf-16le"],
      [utf16(false).subarray(2), "utf-16be"],
      [single("windows-1250"), "windows-1250"],
      [single("iso-8859-2"), "iso-8859-2"],
    ];
    for (const [bytes, enc] of cases) {
      const d = csvDecodings(bytes)[0];
      expect([enc, d.text.replace(/^\ufeff/, "")]).toEqual([enc, text]);
      expect(parseCsvBytes(bytes)[1]).toEqual(["Łucja", "Kobieta", "ź", "ś", "ą"]);
    }
  });
});
