/**
 * The `Plan projektu` sheet, built from the card: one labelled, validated input cell per plan field
 * (src/domain/plan/fields.ts), a check column naming what is inconsistent, then per criterion the planned
 * numerator / denominator, share, threshold, met (TAK / NIE / nie dotyczy; YES / NO / n/a in English), points, how many more the plan
 * needs, the minimum "przy N uczestnikach", the call's target and the share of it; premium points; and the
 * minimums in words. Native formulas only (Excel 2016+, Excel on the web, LibreOffice; no LET / LAMBDA /
 * dynamic arrays), mirroring `evaluatePlan()` exactly — tests evaluate them in HyperFormula and LibreOffice.
 *
 * With `withRegister`, each field also gets the actual figure from the register's names (`U_*` / `D_*`,
 * ../register/layout.ts; COUNTIFS as the criteria sheet), the share of the plan reached and how many are
 * still to recruit.
 */
import { GROUPS } from "../../domain/card/groups";
import type { Card, Criterion, GroupId } from "../../domain/card/types";
import type { Lang } from "../../domain/i18n";
import { criterionFieldKeys, evaluatePlan, minimumBase, type PlanInput } from "../../domain/plan/evaluate";
import {
  EXCLUSIVE_STATUSES,
  fieldConditions,
  OTHER_COMPLEMENT,
  parentOf,
  type PlanField,
  planFields,
} from "../../domain/plan/fields";
import { type Forms, groupForms } from "../../domain/plan/words";
import { columnLetters } from "../address";
import { countIfs, KIND_LABELS, metWords, quote, shareFormat } from "../criteria/plan";
import type { CellValue, ConditionalFormatPlan, FormatPlan, NamePlan, RowPlan, SheetPlan } from "../plan";
import { emptySheet } from "../plan";
import { fittedLines, fittedRowHeight } from "../textFit";
import { withFormatLanguage } from "../numberLocale";

export const PLAN_SHEET = "Plan projektu";

/**
 * Field table columns (0-based): code, label, planned input, actual, % of plan, still to go, check; and, in
 * hidden columns O–P, the value the formulas use (whole number ≥ 0, else 0) and a 1/0 check flag.
 */
const FC = { key: 0, label: 1, plan: 2, actual: 3, pct: 4, left: 5, check: 6, used: 14, flag: 15 } as const;
/** Criteria table columns. */
export const PLAN_CRITERIA_COLUMNS = [
  "id",
  "label",
  "kind",
  "numerator",
  "denominator",
  "share",
  "threshold",
  "met",
  "points",
  "shortfall",
  "minimum",
  "target",
  "reached",
] as const;
export type PlanCriteriaColumn = (typeof PLAN_CRITERIA_COLUMNS)[number];
const CC = (k: PlanCriteriaColumn) => PLAN_CRITERIA_COLUMNS.indexOf(k);
const WIDTH = PLAN_CRITERIA_COLUMNS.length;

export function planFieldName(key: string): string {
  return `PL_${key}`;
}

const SECTION: Record<PlanField["section"], { pl: string; en: string }> = {
  groups: { pl: "Grupa docelowa i formy wsparcia", en: "Target group and forms of support" },
  effectiveness: { pl: "Efektywność zatrudnieniowa", en: "Employment effectiveness" },
  results: { pl: "Wskaźniki rezultatu (po opuszczeniu programu)", en: "Result indicators (after leaving)" },
};

/** A1 addresses of everything tests and readers look up. */
export interface PlanCellMap {
  /** Field key → its input cell ("C6"), and the other cells of its row. */
  fields: Record<
    string,
    { plan: string; actual: string; pct: string; left: string; check: string; used: string }
  >;
  criteria: Record<string, Record<PlanCriteriaColumn, string>>;
  flagsTotal: string;
  premiumPoints: string;
  premiumPossible: string;
  allRequiredMet: string;
  /** One cell per minimums sentence, in order. */
  minimums: string[];
  /** 0-based rows: field header, criteria header. */
  fieldHeaderRow: number;
  criteriaHeaderRow: number;
}

interface Layout {
  fields: PlanField[];
  /** 0-based row of each field; section rows before them. */
  fieldRow: Map<string, number>;
  sectionRows: { row: number; section: PlanField["section"] }[];
  fieldHeaderRow: number;
  firstFieldRow: number;
  lastFieldRow: number;
  flagsRow: number;
  criteriaHeaderRow: number;
  firstCriterionRow: number;
  premiumRow: number;
  possibleRow: number;
  requiredRow: number;
  minimumsHeaderRow: number;
  firstMinimumRow: number;
  minimumCount: number;
}

function layout(card: Card): Layout {
  const fields = planFields(card);
  const fieldHeaderRow = 3;
  let r = fieldHeaderRow + 1;
  const fieldRow = new Map<string, number>();
  const sectionRows: Layout["sectionRows"] = [];
  let section: PlanField["section"] | null = null;
  for (const f of fields) {
    if (f.section !== section) {
      section = f.section;
      sectionRows.push({ row: r++, section });
    }
    fieldRow.set(f.key, r++);
  }
  const lastFieldRow = r - 1;
  const flagsRow = r + 1;
  const criteriaHeaderRow = flagsRow + 2;
  const firstCriterionRow = criteriaHeaderRow + 1;
  const premiumRow = firstCriterionRow + card.criteria.length;
  const minimumCount = evaluatePlan(card, {}).minimums.length;
  return {
    fields,
    fieldRow,
    sectionRows,
    fieldHeaderRow,
    firstFieldRow: fieldHeaderRow + 1,
    lastFieldRow,
    flagsRow,
    criteriaHeaderRow,
    firstCriterionRow,
    premiumRow,
    possibleRow: premiumRow + 1,
    requiredRow: premiumRow + 2,
    minimumsHeaderRow: premiumRow + 4,
    firstMinimumRow: premiumRow + 5,
    minimumCount,
  };
}

const A = (col: number, row0: number) => `${columnLetters(col)}${row0 + 1}`;

export function planCellMap(card: Card): PlanCellMap {
  const L = layout(card);
  const fields: PlanCellMap["fields"] = {};
  for (const f of L.fields) {
    const r = L.fieldRow.get(f.key) as number;
    fields[f.key] = {
      plan: A(FC.plan, r),
      actual: A(FC.actual, r),
      pct: A(FC.pct, r),
      left: A(FC.left, r),
      check: A(FC.check, r),
      used: A(FC.used, r),
    };
  }
  const criteria: PlanCellMap["criteria"] = {};
  card.criteria.forEach((c, i) => {
    const cells = {} as Record<PlanCriteriaColumn, string>;
    PLAN_CRITERIA_COLUMNS.forEach((k, j) => (cells[k] = A(j, L.firstCriterionRow + i)));
    criteria[c.id] = cells;
  });
  return {
    fields,
    criteria,
    flagsTotal: A(FC.plan, L.flagsRow),
    premiumPoints: A(CC("points"), L.premiumRow),
    premiumPossible: A(CC("points"), L.possibleRow),
    allRequiredMet: A(CC("met"), L.requiredRow),
    minimums: Array.from({ length: L.minimumCount }, (_, i) => A(CC("label"), L.firstMinimumRow + i)),
    fieldHeaderRow: L.fieldHeaderRow,
    criteriaHeaderRow: L.criteriaHeaderRow,
  };
}

// ---- text pieces of formulas -------------------------------------------------------------------

/** "1 875" as the domain's numText: regular spaces between thousands (x a whole number ≥ 0). */
function numText(x: string): string {
  return (
    `IF(${x}>=1000000,INT(${x}/1000000)&" "&TEXT(INT(MOD(${x},1000000)/1000),"000")&" "&TEXT(MOD(${x},1000),"000"),` +
    `IF(${x}>=1000,INT(${x}/1000)&" "&TEXT(MOD(${x},1000),"000"),${x}&""))`
  );
}
/** The form after the number x: one / few (2–4, 22–24, not 12–14) / many. */
function plural(x: string, f: Pick<Forms, "one" | "few" | "many">): string {
  if (f.one === f.few && f.few === f.many) return quote(f.one);
  const fewOrMany =
    f.few === f.many
      ? quote(f.many)
      : `IF(AND(MOD(${x},10)>=2,MOD(${x},10)<=4,OR(MOD(${x},100)<12,MOD(${x},100)>14)),${quote(f.few)},${quote(f.many)})`;
  return `IF(${x}=1,${quote(f.one)},${fewOrMany})`;
}
function loc(x: string, f: Forms): string {
  return f.locOne === f.locMany ? quote(f.locOne) : `IF(${x}=1,${quote(f.locOne)},${quote(f.locMany)})`;
}
const cat = (...parts: string[]) => parts.filter((p) => p !== "").join("&");

function baseGroupOf(card: Card, c: Criterion): GroupId {
  if (c.base) return c.base;
  return c.subQuota ? card.parameters.subQuotaBase : "all";
}

// ---- the check column ------------------------------------------------------------------------------

function checkFormula(f: PlanField, byKey: Map<string, PlanField>, lang: Lang, row: number): string {
  const c = A(FC.plan, row);
  const used = A(FC.used, row);
  const pl = lang === "pl";
  const msg = {
    notNumber: pl ? "Nie liczba: wpisz liczbę całkowitą ≥ 0" : "Not a number: type a whole number ≥ 0",
    negative: pl ? "Liczba ujemna: wpisz liczbę całkowitą ≥ 0" : "Negative: type a whole number ≥ 0",
    fraction: pl ? "Ułamek: wpisz liczbę całkowitą" : "A fraction: type a whole number",
  };
  const tail: string[] = [];
  for (const w of f.within) {
    const wl = byKey.get(w)?.label[lang] ?? w;
    const ref = planFieldName(w);
    const text = pl
      ? cat(quote(`Więcej niż „${wl}” (`), numText(ref), quote(")"))
      : cat(quote(`More than “${wl}” (`), `${ref}&""`, quote(")"));
    tail.push(`IF(${used}>${ref},${text},`);
  }
  let last = '""';
  if (f.kind === "count" && f.group === "other") {
    const others = OTHER_COMPLEMENT.filter((g) => byKey.has(g));
    if (others.length > 0) {
      const left = `MAX(0,${planFieldName("all")}-MAX(${others.map(planFieldName).join(",")}))`;
      const text = pl
        ? cat(quote("Więcej niż zostawiają pozostałe grupy ("), numText(left), quote(")"))
        : cat(quote("More than the other groups leave ("), `${left}&""`, quote(")"));
      last = `IF(${used}>${left},${text},"")`;
    }
  }
  if (f.kind === "count" && f.group === "all") {
    const statuses = EXCLUSIVE_STATUSES.filter((g) => byKey.has(g) && parentOf(g) === "all");
    if (statuses.length > 1) {
      const sum = `(${statuses.map(planFieldName).join("+")})`;
      const text = pl
        ? cat(quote("Mniej niż suma grup statusu na rynku pracy ("), numText(sum), quote(")"))
        : cat(quote("Less than the labour-market status groups together ("), `${sum}&""`, quote(")"));
      last = `IF(${sum}>${used},${text},"")`;
    }
  }
  return (
    `=IF(AND(NOT(ISBLANK(${c})),OR(NOT(ISNUMBER(${c})),ISLOGICAL(${c}))),${quote(msg.notNumber)},` +
    `IF(${c}<0,${quote(msg.negative)},IF(${c}<>INT(${c}),${quote(msg.fraction)},` +
    tail.join("") +
    last +
    ")".repeat(tail.length) +
    ")))"
  );
}

// ---- criteria rows ---------------------------------------------------------------------------------

function criterionFormulas(
  card: Card,
  c: Criterion,
  i: number,
  L: Layout,
  lang: Lang,
): Partial<Record<PlanCriteriaColumn, string>> {
  const MET = metWords(lang);
  const r = L.firstCriterionRow + i;
  const at = (k: PlanCriteriaColumn) => A(CC(k), r);
  const n = at("numerator");
  const d = at("denominator");
  const t = at("threshold");
  const keys = criterionFieldKeys(card, c);
  const f: Partial<Record<PlanCriteriaColumn, string>> = { numerator: `=${planFieldName(keys.n)}` };
  if (keys.d !== null) f.denominator = `=${planFieldName(keys.d)}`;
  const hasT = c.threshold !== undefined && c.threshold !== null;
  if (c.measure === "count") {
    if (hasT) {
      f.met = `=IF(${n}>=${t},${quote(MET.yes)},${quote(MET.no)})`;
      f.shortfall = `=MAX(0,${t}-${n})`;
      f.minimum = `=${t}`;
    }
  } else if (c.measure === "productCount") {
    if (c.target !== undefined) f.reached = `=IF(${at("target")}>0,${n}/${at("target")},"")`;
  } else {
    f.share = `=IF(${d}>0,${n}/${d},"")`;
    if (hasT) {
      f.met = `=IF(${d}=0,${quote(MET.na)},IF(${n}/${d}>=${t},${quote(MET.yes)},${quote(MET.no)}))`;
      f.shortfall = `=IF(${d}=0,"",IF(${n}/${d}>=${t},0,MAX(0,CEILING(ROUND(${t}*${d}-${n},9),1))))`;
      let base = d;
      if (c.measure === "share") {
        const mb = minimumBase(card, c);
        base =
          mb.from === "N"
            ? planFieldName("all")
            : mb.from === "criterion"
              ? A(CC("minimum"), L.firstCriterionRow + mb.index)
              : d;
      }
      f.minimum = `=CEILING(ROUND(${t}*${base},9),1)`;
      if (c.measure === "resultShare") f.reached = `=IF(AND(${d}>0,${t}>0),${at("share")}/${t},"")`;
    }
  }
  if (c.kind === "premium" && c.points !== null && c.points !== undefined)
    f.points = `=IF(${at("met")}=${quote(MET.yes)},${c.points},0)`;
  return f;
}

// ---- the minimums sentences --------------------------------------------------------------------------

function minimumFormulas(card: Card, L: Layout, lang: Lang): string[] {
  const p = card.parameters;
  const pl = lang === "pl";
  const min = (i: number) => A(CC("minimum"), L.firstCriterionRow + i);
  const N = planFieldName("all");
  const en = (g: GroupId) => (g === "all" ? "participants" : GROUPS[g].label.en);
  const phrase = (x: string, g: GroupId) =>
    pl ? cat(numText(x), quote(" "), plural(x, groupForms(g, p))) : cat(`${x}&""`, quote(` ${en(g)}`));
  const premiumSuffix = (c: Criterion): string =>
    c.kind !== "premium"
      ? ""
      : c.points === null || c.points === undefined
        ? quote(pl ? " (kryterium premiujące)" : " (premium criterion)")
        : quote(pl ? ` (premia ${c.points} pkt)` : ` (premium ${c.points} points)`);
  const out: string[] = [];
  card.criteria.forEach((c, i) => {
    if (c.kind !== "formal" && c.kind !== "premium" && c.kind !== "effectiveness") return;
    if (c.measure === "share") {
      const mb = minimumBase(card, c);
      if (mb.from === "criterion") return;
      const b = baseGroupOf(card, c);
      const subs = card.criteria
        .map((s, j) => ({ s, j }))
        .filter(({ s }) => s.measure === "share" && (s.kind === "formal" || s.kind === "premium"))
        .filter(({ s }) => {
          const m = minimumBase(card, s);
          return m.from === "criterion" && m.index === i;
        });
      const head =
        mb.from === "N"
          ? pl
            ? cat(quote("Przy "), numText(N), quote(" "), loc(N, groupForms("all", p)))
            : cat(quote("With "), `${N}&""`, quote(" participants"))
          : pl
            ? cat(
                quote("Przy "),
                numText(planFieldName(b)),
                quote(" "),
                loc(planFieldName(b), groupForms(b, p)),
              )
            : cat(quote("With "), `${planFieldName(b)}&""`, quote(` ${en(b)}`));
      const parts = subs.map(({ s, j }) => cat(phrase(min(j), s.group), premiumSuffix(s)));
      const and = quote(pl ? " i " : " and ");
      let subText = "";
      if (parts.length > 0) {
        const joined: string[] = [];
        parts.forEach((x, k) => {
          if (k > 0) joined.push(k === parts.length - 1 ? and : quote(", "));
          joined.push(x);
        });
        subText = cat(quote(pl ? ", w tym " : ", of which "), ...joined);
      }
      out.push(
        "=" +
          cat(
            head,
            quote(pl ? ": co najmniej " : ": at least "),
            phrase(min(i), c.group === "all" ? b : c.group),
            premiumSuffix(c),
            subText,
          ),
      );
    } else if (c.measure === "count") {
      const n = A(CC("numerator"), L.firstCriterionRow + i);
      const short = `MAX(0,${min(i)}-${n})`;
      const shortText = pl
        ? `IF(${short}>0,${cat(quote(" (w planie brakuje "), numText(short), quote(")"))},"")`
        : `IF(${short}>0,${cat(quote(" (the plan is "), `${short}&""`, quote(" short)"))},"")`;
      out.push("=" + cat(quote(pl ? "Co najmniej " : "At least "), phrase(min(i), c.group), shortText));
    } else if (c.measure === "effectiveness") {
      const E = A(CC("denominator"), L.firstCriterionRow + i);
      out.push(
        "=" +
          (pl
            ? cat(
                quote(`${c.label.pl} — przy `),
                numText(E),
                quote(" "),
                loc(E, groupForms("ended", p)),
                quote(" co najmniej "),
                numText(min(i)),
                quote(" "),
                plural(min(i), groupForms("employed", p)),
              )
            : cat(
                quote(`${c.label.en} — with `),
                `${E}&""`,
                quote(" ending the project at least "),
                `${min(i)}&""`,
                quote(" employed"),
              )),
      );
    }
  });
  return out;
}

// ---- the sheet ------------------------------------------------------------------------------------

export interface PlanSheetOptions {
  /** Typed values by field key (kept from an existing sheet, or pre-filled minimums). */
  values?: PlanInput;
  /** The workbook holds the register (`Uczestnicy` + names U_* / D_*): add actual figures. */
  withRegister?: boolean;
  lang?: Lang;
  /** The sheet's name: `Plan projektu`, or the name the applicant gave it (the plan is rewritten in place). */
  sheetName?: string;
}

export function buildPlanSheetPlan(card: Card, opts: PlanSheetOptions = {}): SheetPlan {
  const lang = opts.lang ?? "pl";
  const MET = metWords(lang);
  const pl = lang === "pl";
  const L = layout(card);
  const byKey = new Map(L.fields.map((f) => [f.key, f]));
  const sheet = emptySheet(opts.sheetName ?? PLAN_SHEET);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const put = (r: number, c: number, v: CellValue, f: string | null = null) => {
    while (values.length <= r) {
      values.push(new Array<CellValue>(FC.flag + 1).fill(null));
      formulas.push(new Array<string | null>(FC.flag + 1).fill(null));
    }
    values[r][c] = v;
    formulas[r][c] = f;
  };
  // Title and instruction in column B: column A (the codes the reader finds fields by) does not print.
  const title = `${pl ? PLAN_SHEET : "Project plan"} — ${card.title[lang]}`;
  put(0, FC.label, title);
  put(
    1,
    FC.label,
    pl
      ? "Wpisz planowane liczby osób w żółte komórki (liczby całkowite ≥ 0). Kryteria, minima i uwagi przeliczą się same."
      : "Type the planned numbers of persons into the yellow cells (whole numbers ≥ 0). Criteria, minimums and checks recalculate.",
  );
  const fh = L.fieldHeaderRow;
  const fieldHeaders = pl
    ? [
        "Kod",
        "Pozycja planu",
        "Plan (wpisz)",
        "Wykonanie",
        "% planu",
        "Pozostało",
        "Uwagi",
        "Wartość użyta",
        "Uwaga (1/0)",
      ]
    : [
        "Code",
        "Plan item",
        "Plan (type)",
        "Actual",
        "% of plan",
        "Still to go",
        "Check",
        "Value used",
        "Flag (1/0)",
      ];
  // The last two head the hidden helper columns (the value the formulas use, the check flag).
  const fieldHeaderCols = [FC.key, FC.label, FC.plan, FC.actual, FC.pct, FC.left, FC.check, FC.used, FC.flag];
  // Without the register the actual-figure columns stay empty: no heading over them either (at the application
  // stage the printed plan would show three headed columns with nothing under them).
  const actualCols: number[] = [FC.actual, FC.pct, FC.left];
  fieldHeaders.forEach((h, j) => {
    if (opts.withRegister || !actualCols.includes(fieldHeaderCols[j])) put(fh, fieldHeaderCols[j], h);
  });
  for (const s of L.sectionRows) put(s.row, FC.label, SECTION[s.section][lang]);
  for (const f of L.fields) {
    const r = L.fieldRow.get(f.key) as number;
    const c = A(FC.plan, r);
    const used = A(FC.used, r);
    put(r, FC.key, f.key);
    put(r, FC.label, `${"  ".repeat(f.depth)}${f.label[lang]}`);
    const v = opts.values?.[f.key];
    put(r, FC.plan, v === undefined ? null : v);
    // NOT(ISLOGICAL): LibreOffice's ISNUMBER is TRUE for TRUE / FALSE (a number with a logical format), Excel's not.
    put(
      r,
      FC.used,
      null,
      `=IF(AND(ISNUMBER(${c}),NOT(ISLOGICAL(${c}))),IF(AND(${c}>=0,${c}=INT(${c})),${c},0),0)`,
    );
    put(r, FC.check, null, checkFormula(f, byKey, lang, r));
    put(r, FC.flag, null, `=IF(${A(FC.check, r)}="",0,1)`);
    if (opts.withRegister) {
      const conds = fieldConditions(f);
      const actual =
        f.kind === "ended"
          ? `=${countIfs(conds)}-${countIfs(conds, [{ derived: "pending" }])}`
          : `=${countIfs(conds)}`;
      put(r, FC.actual, null, actual);
      put(r, FC.pct, null, `=IF(${used}>0,${A(FC.actual, r)}/${used},"")`);
      put(r, FC.left, null, `=MAX(0,${used}-${A(FC.actual, r)})`);
    }
  }
  const flagRange = `${A(FC.flag, L.firstFieldRow)}:${A(FC.flag, L.lastFieldRow)}`;
  put(L.flagsRow, FC.label, pl ? "Uwagi do planu (liczba pozycji)" : "Plan items with a check (count)");
  put(L.flagsRow, FC.plan, null, `=SUM(${flagRange})`);

  const ch = L.criteriaHeaderRow;
  const critHeaders: Record<PlanCriteriaColumn, { pl: string; en: string }> = {
    id: { pl: "Kod", en: "Code" },
    label: {
      pl: "Kryterium / wskaźnik (wartość do wniosku)",
      en: "Criterion / indicator (value for the application)",
    },
    kind: { pl: "Rodzaj", en: "Kind" },
    numerator: { pl: "Plan: licznik", en: "Plan: numerator" },
    denominator: { pl: "Plan: mianownik", en: "Plan: denominator" },
    share: { pl: "Udział", en: "Share" },
    threshold: { pl: "Próg", en: "Threshold" },
    met: { pl: "Spełnione", en: "Met" },
    points: { pl: "Punkty", en: "Points" },
    shortfall: { pl: "Brakuje w planie (osób)", en: "The plan is short (persons)" },
    minimum: { pl: "Minimum przy N / planie", en: "Minimum at N / plan" },
    target: { pl: "Cel naboru", en: "Call target" },
    reached: { pl: "Udział w celu naboru", en: "Share of the call target" },
  };
  PLAN_CRITERIA_COLUMNS.forEach((k, j) => put(ch, j, critHeaders[k][lang]));
  card.criteria.forEach((c, i) => {
    const r = L.firstCriterionRow + i;
    put(r, CC("id"), c.id);
    put(r, CC("label"), c.label[lang]);
    put(r, CC("kind"), KIND_LABELS[c.kind][lang]);
    if (c.threshold !== undefined && c.threshold !== null) put(r, CC("threshold"), c.threshold);
    if (c.measure === "productCount" && c.target !== undefined) put(r, CC("target"), c.target);
    if (c.kind === "premium" && (c.points === null || c.points === undefined)) put(r, CC("points"), "—");
    const f = criterionFormulas(card, c, i, L, lang);
    for (const k of PLAN_CRITERIA_COLUMNS) {
      const x = f[k];
      if (x) put(r, CC(k), null, x);
    }
  });
  const lastCrit = L.firstCriterionRow + card.criteria.length - 1;
  const col = (k: PlanCriteriaColumn) => columnLetters(CC(k));
  const range = (k: PlanCriteriaColumn) => `${col(k)}${L.firstCriterionRow + 1}:${col(k)}${lastCrit + 1}`;
  put(
    L.premiumRow,
    CC("label"),
    pl ? "Punkty premiujące osiągalne w planie" : "Premium points the plan reaches",
  );
  put(L.premiumRow, CC("points"), null, `=SUM(${range("points")})`);
  put(
    L.possibleRow,
    CC("label"),
    pl ? "Punkty premiujące możliwe według karty" : "Premium points the card offers",
  );
  put(
    L.possibleRow,
    CC("points"),
    card.criteria.reduce((s, c) => s + (c.kind === "premium" ? (c.points ?? 0) : 0), 0),
  );
  put(
    L.requiredRow,
    CC("label"),
    pl
      ? "Plan spójny i spełnia kryteria formalne oraz efektywności"
      : "The plan is consistent and meets the formal and effectiveness criteria",
  );
  const failing = ["formal", "effectiveness"]
    .map(
      (k) =>
        `COUNTIFS(${range("kind")},${quote(KIND_LABELS[k as Criterion["kind"]][lang])},${range("met")},${quote(MET.no)})`,
    )
    .join("+");
  put(
    L.requiredRow,
    CC("met"),
    null,
    `=IF(AND(${failing}=0,${A(FC.plan, L.flagsRow)}=0),${quote(MET.yes)},${quote(MET.no)})`,
  );
  put(
    L.minimumsHeaderRow,
    CC("label"),
    pl
      ? "Minima przy planowanej liczbie uczestników (N)"
      : "Minimums at the planned number of participants (N)",
  );
  minimumFormulas(card, L, lang).forEach((f, i) => put(L.firstMinimumRow + i, CC("label"), null, f));
  sheet.blocks.push({ row: 0, col: 0, values, formulas });

  const firstF = L.firstFieldRow + 1;
  const lastF = L.lastFieldRow + 1;
  const planCol = columnLetters(FC.plan);
  sheet.validations = [
    {
      range: `${planCol}${firstF}:${planCol}${lastF}`,
      rule: { type: "wholeNumber", operator: "greaterThanOrEqual", value: 0 },
      allowBlank: true,
      prompt: pl
        ? { title: "Liczba osób", message: "Liczba całkowita ≥ 0." }
        : { title: "Number of persons", message: "A whole number ≥ 0." },
      error: pl
        ? { title: "Zła liczba", message: "Wpisz liczbę całkowitą ≥ 0.", style: "stop" }
        : { title: "Wrong number", message: "Type a whole number ≥ 0.", style: "stop" },
    },
  ];
  const formats: FormatPlan[] = [
    { range: "B1", style: { bold: true, fontSize: 14 } },
    // The field table's header over its columns (A–G) and the hidden helper columns, not the criteria's width.
    ...[
      `A${fh + 1}:${columnLetters(FC.check)}${fh + 1}`,
      `${columnLetters(FC.used)}${fh + 1}:${columnLetters(FC.flag)}${fh + 1}`,
    ].map((range) => ({
      range,
      style: { bold: true, fill: "#D9E1F2", wrap: true, border: "thin" as const },
    })),
    { range: `B${firstF}:B${lastF}`, style: { wrap: true } },
    ...L.sectionRows.map((s) => ({ range: `B${s.row + 1}`, style: { bold: true } })),
    ...L.fields.map((f) => {
      const r = (L.fieldRow.get(f.key) as number) + 1;
      return { range: `${planCol}${r}`, style: { fill: "#FFF2CC", locked: false, border: "thin" as const } };
    }),
    {
      range: `${columnLetters(FC.pct)}${firstF}:${columnLetters(FC.pct)}${lastF}`,
      style: { numberFormat: "0.0%" },
    },
    { range: `A${firstF}:A${lastF}`, style: { fontColor: "#808080" } },
    {
      range: `A${ch + 1}:${columnLetters(WIDTH - 1)}${ch + 1}`,
      style: { bold: true, fill: "#D9E1F2", wrap: true, border: "thin" },
    },
    {
      range: `A${L.firstCriterionRow + 1}:${columnLetters(WIDTH - 1)}${lastCrit + 1}`,
      style: { border: "thin", vAlign: "top" },
    },
    { range: range("label"), style: { wrap: true } },
    { range: range("share"), style: { numberFormat: "0.0%" } },
    { range: range("reached"), style: { numberFormat: "0.0%" } },
    // The call's targets (1 875) with the thousands separator of the reader's system, as every count Miernik prints.
    { range: range("target"), style: { numberFormat: "#,##0" } },
    { range: `${col("points")}${L.premiumRow + 1}`, style: { bold: true } },
    { range: `${col("met")}${L.requiredRow + 1}`, style: { bold: true } },
    { range: `B${L.minimumsHeaderRow + 1}`, style: { bold: true } },
  ];
  card.criteria.forEach((c, i) => {
    if (c.measure !== "count" && c.threshold !== undefined)
      formats.push({
        range: `${col("threshold")}${L.firstCriterionRow + i + 1}`,
        style: { numberFormat: "0%" },
      });
    // Just under the threshold three decimals (1 919 of 3 200 reads 59,969%, not 60,0% beside 60% and NIE).
    const share = shareFormat(c);
    if (share)
      formats.push({
        range: `${col("share")}${L.firstCriterionRow + i + 1}`,
        style: { numberFormat: share },
      });
  });
  sheet.formats = formats;
  const metRange = `${range("met").split(":")[0]}:${col("met")}${L.requiredRow + 1}`;
  const firstMet = range("met").split(":")[0];
  const cf = (text: string, fill: string, fontColor: string): ConditionalFormatPlan => ({
    range: metRange,
    formula: `=${firstMet}=${quote(text)}`,
    style: { fill, fontColor },
  });
  const checkRange = `${columnLetters(FC.check)}${firstF}:${columnLetters(FC.check)}${lastF}`;
  sheet.conditionalFormats = [
    cf(MET.yes, "#C6EFCE", "#006100"),
    cf(MET.no, "#FFC7CE", "#9C0006"),
    cf(MET.na, "#EDEDED", "#595959"),
    {
      range: checkRange,
      formula: `=${columnLetters(FC.check)}${firstF}<>""`,
      style: { fill: "#FFC7CE", fontColor: "#9C0006" },
    },
  ];
  // B fits most plan items on one line (longer ones wrap); E is wide enough for "mianownik" / "denominator"
  // unbroken. No width of exactly 9: ExcelJS leaves such a column out as "default" and LibreOffice then draws
  // its own default.
  const widths = [14, 56, 12, 11, pl ? 11 : 12.5, 10, 12, 12, 9.5, 12, 12, 10, 10, 4, 9.5, 9.5];
  sheet.columns = widths.map((w, j) =>
    j === FC.used || j === FC.flag ? { width: w, hidden: true } : { width: w },
  );
  // Rows tall enough for their wrapped text (LibreOffice does not fit the rows of an .xlsx it opens): the two
  // header rows and the criteria whose labels wrap.
  const headerHeight = (texts: { text: string; col: number }[]): RowPlan["height"] =>
    fittedRowHeight(texts.reduce((m, t) => Math.max(m, fittedLines(t.text, widths[t.col], true)), 1));
  const rows: RowPlan[] = [
    {
      index: fh,
      height: headerHeight(
        fieldHeaders
          .map((text, j) => ({ text, col: fieldHeaderCols[j] }))
          .filter((t) => t.col !== FC.used && t.col !== FC.flag),
      ),
      fit: true,
    },
    {
      index: ch,
      height: headerHeight(PLAN_CRITERIA_COLUMNS.map((k, j) => ({ text: critHeaders[k][lang], col: j }))),
      fit: true,
    },
  ];
  for (const f of L.fields) {
    const lines = fittedLines(`${"  ".repeat(f.depth)}${f.label[lang]}`, widths[FC.label]);
    if (lines > 1)
      rows.push({ index: L.fieldRow.get(f.key) as number, height: fittedRowHeight(lines), fit: true });
  }
  card.criteria.forEach((c, i) => {
    const lines = fittedLines(c.label[lang], widths[CC("label")]);
    if (lines > 1) rows.push({ index: L.firstCriterionRow + i, height: fittedRowHeight(lines), fit: true });
  });
  sheet.rows = rows;
  sheet.freeze = { rows: 0, columns: 2 };
  // Printed without column A (the codes) and in three parts, each from its own page's top: the plan items, the
  // criteria table under its header, the minimums. Excel ignores manual breaks while "fit to pages" is on,
  // hence a fixed scale. Columns B–M are 177.5 width units (179 in English): LibreOffice prints a unit 7 pt
  // wide (Excel about 5.6), so at 60 % they take at most 752 pt of the 784 pt between the margins.
  sheet.print = {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    scale: 60,
    printArea: `B1:${columnLetters(WIDTH - 1)}${L.firstMinimumRow + L.minimumCount}`,
    rowBreaks: [ch, L.minimumsHeaderRow],
    // The title once on every page: page 1 opens with it in its own rows (B1), pages 2 and 3 carry it as the
    // running head. The footer dates the print-out and numbers the pages.
    centerHeader: title,
    firstPageHeader: "",
    leftFooter: pl ? "Wydruk: &D" : "Printed: &D",
    centerFooter: "&P / &N",
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return withFormatLanguage(sheet, lang);
}

/** `PL_<key>` names over the used-value cells (what the criteria formulas read). */
export function planNames(card: Card, sheetName: string = PLAN_SHEET): NamePlan[] {
  const map = planCellMap(card);
  const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const sheet = `'${sheetName.replace(/'/g, "''")}'`;
  return planFields(card).map((f) => ({
    name: planFieldName(f.key),
    refersTo: `=${sheet}!${abs(map.fields[f.key].used)}`,
  }));
}
