/**
 * The participant register's columns (card 9.1 applicants), headers exactly as the users' PEFS data names them.
 * Order here is the canonical order of the register sheet / the `Uczestnicy` table.
 */

export type ColumnKind = "int" | "text" | "pesel" | "yesNo" | "enum" | "date" | "education" | "number";

export interface RegisterColumn {
  key: ColumnKey;
  header: string;
  kind: ColumnKind;
  /** Allowed values for enum / yesNo columns, exactly as written in the workbook. */
  allowed?: readonly string[];
  required: boolean;
  /**
   * A required column that system exports (SL2014, SM EFS "Uczestnicy projektu") do not carry: the project
   * keeps it itself. A file without it is still read — its cells are empty, so each row reports the missing
   * value as usual — with one warning naming the column; every other required column must be in the file.
   */
  projectKept?: true;
}

export const YES = "Tak";
export const NO = "Nie";
export const YES_NO = [YES, NO] as const;

export const SEX = { female: "Kobieta", male: "Mężczyzna" } as const;
export const STATUS = {
  unemployedRegistered: "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy",
  unemployedUnregistered: "osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy",
  inactive: "osoba bierna zawodowo",
  employed: "osoba pracująca",
} as const;
export const SUBSTATUS = { longTerm: "osoba długotrwale bezrobotna", other: "inne" } as const;
export const DISABILITY = [YES, NO, "Odmowa podania informacji"] as const;
export const DROPOUT = { job: "podjęcie zatrudnienia", school: "podjęcie nauki", other: "inna" } as const;
export const CONTRACT = {
  employment: "umowa o pracę",
  civil: "umowa cywilnoprawna",
  business: "działalność gospodarcza",
} as const;
/** Suggested education labels (any label carrying an ISCED level is accepted). */
export const EDUCATION_LABELS = [
  "niższe niż podstawowe (ISCED 0)",
  "podstawowe (ISCED 1)",
  "gimnazjalne (ISCED 2)",
  "ponadgimnazjalne (ISCED 3)",
  "policealne (ISCED 4)",
  "wyższe (ISCED 5-8)",
] as const;

export type ColumnKey =
  | "lp"
  | "firstName"
  | "lastName"
  | "pesel"
  | "noPesel"
  | "sex"
  | "birthDate"
  | "ageAtStart"
  | "education"
  | "status"
  | "subStatus"
  | "monthsWithoutWork"
  | "leavingAgriculture"
  | "disabled"
  | "startDate"
  | "endDate"
  | "pathCompleted"
  | "dropoutReason"
  | "ipd"
  | "training"
  | "trainingWhiteGreen"
  | "qualification"
  | "internshipMonths"
  | "internshipLinked"
  | "jobStartDate"
  | "contractType"
  | "employmentMonths"
  | "fte"
  | "contractValue3x"
  | "nonAgriculturalJob"
  | "startupFunds";

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: "lp", header: "Lp.", kind: "int", required: false },
  { key: "firstName", header: "Imię", kind: "text", required: true },
  { key: "lastName", header: "Nazwisko", kind: "text", required: true },
  { key: "pesel", header: "PESEL", kind: "pesel", required: true },
  { key: "noPesel", header: "Brak PESEL", kind: "yesNo", allowed: YES_NO, required: false },
  { key: "sex", header: "Płeć", kind: "enum", allowed: [SEX.female, SEX.male], required: true },
  { key: "birthDate", header: "Data urodzenia", kind: "date", required: false },
  { key: "ageAtStart", header: "Wiek w chwili przystąpienia do projektu", kind: "int", required: false },
  { key: "education", header: "Wykształcenie", kind: "education", allowed: EDUCATION_LABELS, required: true },
  {
    key: "status",
    header: "Status osoby na rynku pracy w chwili przystąpienia do projektu",
    kind: "enum",
    allowed: [STATUS.unemployedRegistered, STATUS.unemployedUnregistered, STATUS.inactive, STATUS.employed],
    required: true,
  },
  {
    key: "subStatus",
    header: "W tym",
    kind: "enum",
    allowed: [SUBSTATUS.longTerm, SUBSTATUS.other],
    required: false,
  },
  { key: "monthsWithoutWork", header: "Okres bez pracy (mies.)", kind: "number", required: false },
  {
    key: "leavingAgriculture",
    header: "Osoba odchodząca z rolnictwa",
    kind: "yesNo",
    allowed: YES_NO,
    required: true,
    projectKept: true,
  },
  {
    key: "disabled",
    header: "Osoba z niepełnosprawnościami",
    kind: "enum",
    allowed: DISABILITY,
    required: true,
  },
  { key: "startDate", header: "Data rozpoczęcia udziału w projekcie", kind: "date", required: true },
  { key: "endDate", header: "Data zakończenia udziału w projekcie", kind: "date", required: false },
  {
    key: "pathCompleted",
    header: "Zakończenie udziału osoby w projekcie zgodnie z zaplanowaną dla niej ścieżką uczestnictwa",
    kind: "yesNo",
    allowed: YES_NO,
    required: false,
  },
  {
    key: "dropoutReason",
    header: "Przyczyna przerwania udziału",
    kind: "enum",
    allowed: [DROPOUT.job, DROPOUT.school, DROPOUT.other],
    required: false,
  },
  { key: "ipd", header: "IPD", kind: "yesNo", allowed: YES_NO, required: true, projectKept: true },
  { key: "training", header: "Szkolenie", kind: "yesNo", allowed: YES_NO, required: true, projectKept: true },
  {
    key: "trainingWhiteGreen",
    header: "Szkolenie w sektorze białej lub zielonej gospodarki",
    kind: "yesNo",
    allowed: YES_NO,
    required: false,
  },
  { key: "qualification", header: "Uzyskanie kwalifikacji", kind: "yesNo", allowed: YES_NO, required: false },
  { key: "internshipMonths", header: "Staż (mies.)", kind: "number", required: false },
  {
    key: "internshipLinked",
    header: "Staż powiązany ze szkoleniem lub kwalifikacjami",
    kind: "yesNo",
    allowed: YES_NO,
    required: false,
  },
  { key: "jobStartDate", header: "Data podjęcia zatrudnienia", kind: "date", required: false },
  {
    key: "contractType",
    header: "Forma zatrudnienia",
    kind: "enum",
    allowed: [CONTRACT.employment, CONTRACT.civil, CONTRACT.business],
    required: false,
  },
  { key: "employmentMonths", header: "Okres zatrudnienia (mies.)", kind: "number", required: false },
  { key: "fte", header: "Wymiar etatu", kind: "number", required: false },
  {
    key: "contractValue3x",
    header: "Wartość umowy co najmniej 3-krotność minimalnego wynagrodzenia",
    kind: "yesNo",
    allowed: YES_NO,
    required: false,
  },
  {
    key: "nonAgriculturalJob",
    header: "Zatrudnienie w sektorze pozarolniczym",
    kind: "yesNo",
    allowed: YES_NO,
    required: false,
  },
  {
    key: "startupFunds",
    header: "Środki na podjęcie działalności z EFS",
    kind: "yesNo",
    allowed: YES_NO,
    required: false,
  },
];

export const COLUMN_BY_KEY: ReadonlyMap<ColumnKey, RegisterColumn> = new Map(
  REGISTER_COLUMNS.map((c) => [c.key, c]),
);
