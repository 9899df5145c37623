/**
 * Excel's error values: as the file format (and English Excel) writes them → as Polish Excel shows them. One
 * list for the readers (a cached formula result that is an error) and the row checks' messages.
 */
export const EXCEL_ERROR_NAMES: Readonly<Record<string, string>> = {
  "#N/A": "#N/D!",
  "#DIV/0!": "#DZIEL/0!",
  "#VALUE!": "#ARG!",
  "#REF!": "#ADR!",
  "#NAME?": "#NAZWA?",
  "#NUM!": "#LICZBA!",
  "#NULL!": "#ZERO!",
  "#SPILL!": "#ROZLANIE!",
  "#CALC!": "#OBL!",
  "#GETTING_DATA": "#POBIERANIE_DANYCH",
};
