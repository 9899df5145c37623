import { detectSeparator, parseCsv, parseCsvBytes } from "../../src/workbook/csv";

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
