/** The warning about stray cells left out: Polish plural forms in the accusative ("pominięto 2 komórki"). */
import { ignoredWarning } from "../../src/cli/inputFiles";
import type { SheetCells } from "../../src/workbook/cells";

const sheet = (count: number): SheetCells => ({
  name: "Uczestnicy",
  top: 0,
  left: 0,
  values: [],
  ignored: { count, first: "XFD1048576" },
});

test.each([
  [1, "pominięto 1 komórkę daleko", "1 cell far"],
  [2, "pominięto 2 komórki daleko", "2 cells far"],
  [5, "pominięto 5 komórek daleko", "5 cells far"],
  [22, "pominięto 22 komórki daleko", "22 cells far"],
  [1796, "pominięto 1\u00a0796 komórek daleko", "1,796 cells far"],
])("%d stray cells", (n, pl, en) => {
  expect(ignoredWarning("a.xlsx", sheet(n), "pl")).toContain(pl);
  expect(ignoredWarning("a.xlsx", sheet(n), "en")).toContain(en);
});

test("no stray cells, no warning", () => {
  expect(ignoredWarning("a.xlsx", { ...sheet(0), ignored: undefined }, "pl")).toBeNull();
});
