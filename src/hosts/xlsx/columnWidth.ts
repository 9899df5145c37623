/**
 * The width ExcelJS writes for a plan's column. ExcelJS leaves out of the file every column whose width is its
 * default (exactly 9) and has no style, so the reading application draws its own default width instead
 * (LibreOffice's is narrower). A width of 9 is written as the nearest width ExcelJS does not drop: the same
 * column to the pixel, and in the file.
 */
export function xlsxColumnWidth(width: number): number {
  return width === 9 ? 9.0001 : width;
}
