import { emptySheet, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";

/** A synthetic plan using every feature of the plan types, for renderer tests. */
export function richPlan(): WorkbookPlan {
  const main: SheetPlan = {
    ...emptySheet("Monitoring 2023"),
    columns: [{ width: 30 }, { width: 12 }, { width: 14 }, { width: 8, hidden: true }, { width: 20 }],
    rows: [
      { index: 0, height: 30 },
      { index: 7, hidden: true },
    ],
    blocks: [
      { row: 0, col: 0, values: [["Tytuł & podtytuł — Łódź"]] },
      {
        row: 2,
        col: 0,
        values: [
          ["Miernik", "Wartość", "Udział", "Ukryta", "Uwagi"],
          ["Liczba osób", 1796, 0.762, true, "=not a formula"],
          ["Druga", 12.5, null, false, "+48 123"],
          ["Suma", null, null, null, "-5"],
          ["Data", 45292, null, null, "@home"],
        ],
        formulas: [
          [null, null, null, null, null],
          [null, null, null, null, null],
          [null, null, "=B4/B5", null, null],
          [null, "=SUM(B4:B5)", '=IF(B6>0,"TAK","NIE")', null, null],
          [null, null, null, null, null],
        ],
      },
      { row: 8, col: 0, values: [["0123"], ["TRUE"], ["1/2"]] },
    ],
    merges: ["A1:E1", "A12:B13"],
    formats: [
      { range: "A1", style: { bold: true, fontSize: 14, hAlign: "center", vAlign: "center" } },
      {
        range: "A3:E3",
        style: { bold: true, fill: "#DDEBF7", wrap: true, border: "medium", fontColor: "#1F4E78" },
      },
      { range: "B4:B6", style: { numberFormat: "#,##0", border: "thin", locked: false } },
      { range: "C4:C5", style: { numberFormat: "0.0%", italic: true, hAlign: "right", vAlign: "top" } },
      { range: "B7", style: { numberFormat: "yyyy-mm-dd", vAlign: "bottom", hAlign: "left" } },
    ],
    validations: [
      {
        range: "B4:B6",
        rule: { type: "wholeNumber", operator: "between", min: 0, max: 1000000 },
        allowBlank: true,
        prompt: { title: "Liczba", message: "Wpisz liczbę całkowitą" },
        error: { title: "Błąd", message: "Tylko liczby całkowite", style: "stop" },
      },
      {
        range: "C4:C5",
        rule: { type: "decimal", operator: "lessThanOrEqual", value: 1 },
        allowBlank: true,
        error: { title: "Udział", message: "Najwyżej 100%", style: "warning" },
      },
      { range: "E4:E7", rule: { type: "list", source: "=Słowniki!$A$2:$A$4" }, allowBlank: true },
      {
        range: "B7",
        rule: { type: "date", operator: "between", min: "2021-01-01", max: "2027-12-31" },
        allowBlank: false,
        error: { title: "Data", message: "Data z lat 2021–2027", style: "information" },
      },
      {
        range: "A9:A11",
        rule: { type: "textLength", operator: "lessThanOrEqual", value: 50 },
        allowBlank: true,
      },
      { range: "D4:D5", rule: { type: "custom", formula: "=OR(D4=TRUE,D4=FALSE)" }, allowBlank: true },
      {
        range: "B15",
        rule: { type: "wholeNumber", operator: "greaterThanOrEqual", value: 0 },
        allowBlank: true,
      },
    ],
    conditionalFormats: [
      {
        range: "C4:C5",
        formula: "=C4>=0.5",
        style: { fill: "#C6EFCE", fontColor: "#006100" },
        stopIfTrue: true,
      },
      { range: "C4:C5", formula: "=C4<0.5", style: { fill: "#FFC7CE", bold: true } },
    ],
    tables: [],
    charts: [
      {
        type: "columnClustered",
        title: "Wartości",
        dataRange: "A3:B5",
        seriesBy: "columns",
        from: "G2",
        to: "M15",
      },
    ],
    freeze: { rows: 3, columns: 1 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: "$3:$3",
      printTitleColumns: "$A:$A",
      printArea: "$A$1:$F$20",
      centerHeader: "Monitoring 2023 & więcej",
      centerFooter: "Strona &P z &N",
      leftFooter: "Wydruk: &D",
      firstPageHeader: "",
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    tabColor: "#2E75B6",
  };

  const dict: SheetPlan = {
    ...emptySheet("Słowniki"),
    columns: [{ width: 20 }],
    blocks: [{ row: 0, col: 0, values: [["Lista"], ["TAK"], ["NIE"], ["nie dotyczy"]] }],
    visibility: "hidden",
  };

  const reg: SheetPlan = {
    ...emptySheet("Uczestnicy"),
    columns: [{ width: 12 }, { width: 12 }, { width: 12 }],
    blocks: [
      {
        row: 0,
        col: 0,
        values: [
          ["PESEL", "Wiek", "50+"],
          ["44051401359", 61, null],
          ["02070803628", 21, null],
        ],
        formulas: [
          [null, null, null],
          [null, null, "=IF(B2>=50,1,0)"],
          [null, null, "=IF(B3>=50,1,0)"],
        ],
      },
      { row: 0, col: 5, values: [["Kod", "Opis"]] },
    ],
    formats: [{ range: "A2:A3", style: { numberFormat: "@" } }],
    tables: [
      { name: "Uczestnicy", range: "A1:C3", style: "TableStyleMedium2" },
      { name: "Puste", range: "F1:G1", style: "TableStyleLight9" },
    ],
    freeze: { rows: 1, columns: 0 },
  };

  return {
    sheets: [main, dict, reg],
    names: [
      { name: "ListaTak", refersTo: "=Słowniki!$A$2:$A$4", comment: "Lista wartości" },
      { name: "Prog", refersTo: "='Monitoring 2023'!$B$4" },
      { name: "PeselKol", refersTo: "=Uczestnicy!$A$2:$A$100000" },
    ],
  };
}
