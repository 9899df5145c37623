/**
 * The application-stage plan: the numbers an applicant declares in the application, before any participant
 * exists. Its input fields are derived FROM THE CARD (every group a criterion names, the effectiveness
 * groups' planned ended/employed, what the result indicators need), so a second card needs no code.
 *
 * Groups overlap, so each group is planned as its own number. Some groups are, by definition or by the
 * programme's rules, part of another ("w tym"): `PLAN_PARENT`. A share criterion whose base is neither
 * "all" nor an ancestor of its group gets a cross field ("G among B").
 */
import { GROUPS, GROUP_CONDITIONS, type Condition } from "../card/groups";
import type { Card, GroupId } from "../card/types";
import type { Localized } from "../i18n";

/**
 * "w tym" relations of the plan: long-term unemployed are unemployed (by definition); persons leaving
 * agriculture are registered unemployed in RPO WL 9.1 (efs-reference §2); trained sub-groups and
 * compliant internships are parts of their base by definition. Every other group is part of "all".
 */
export const PLAN_PARENT: Partial<Record<GroupId, GroupId>> = {
  longTermUnemployed: "unemployed",
  leavingAgriculture: "unemployed",
  trainedWhiteGreen: "trained",
  trainedQualified: "trained",
  internshipCompliant: "internship",
};

/** Statuses at start are exclusive: their planned numbers together cannot exceed the total. */
export const EXCLUSIVE_STATUSES: readonly GroupId[] = ["unemployed", "inactive", "employedAtStart"];
/** "other" = none of these (see groups.ts): it cannot exceed what the largest of them leaves. */
export const OTHER_COMPLEMENT: readonly GroupId[] = [
  "age50plus",
  "women",
  "disabled",
  "longTermUnemployed",
  "lowQualified",
];

export type PlanFieldKind = "count" | "cross" | "ended" | "employed" | "result";

export interface PlanField {
  /** Stable key (letters, digits, `_`): the sheet's code column and the `PL_<key>` name. */
  key: string;
  kind: PlanFieldKind;
  /** count/cross: the group; ended/employed: the effectiveness group; result: the result group. */
  group: GroupId;
  /** cross/result: the base group. */
  base?: GroupId;
  label: Localized;
  /** Keys of fields this one cannot exceed (checked in order). */
  within: string[];
  /** Indentation level in the sheet (0 = top). */
  depth: number;
  /** Section of the sheet. */
  section: "groups" | "effectiveness" | "results";
}

export function parentOf(g: GroupId): GroupId {
  return PLAN_PARENT[g] ?? "all";
}

/** g, its parent, … up to (excluding) "all". */
export function chainOf(g: GroupId): GroupId[] {
  const out: GroupId[] = [];
  for (let x: GroupId = g; x !== "all"; x = parentOf(x)) out.push(x);
  return out;
}

function isAncestor(a: GroupId, g: GroupId): boolean {
  return a === "all" || chainOf(g).includes(a);
}

export const crossKey = (g: GroupId, b: GroupId): string => `${g}_in_${b}`;
export const endedKey = (g: GroupId): string => `ended_${g}`;
export const employedKey = (g: GroupId): string => `employed_${g}`;
export const resultKey = (r: GroupId, b: GroupId): string => `${r}_of_${b}`;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function groupLabel(g: GroupId, depth: number): Localized {
  if (g === "all") return { pl: "Liczba uczestników ogółem", en: "Participants in total" };
  const l = GROUPS[g].label;
  return depth > 0 ? { pl: `w tym ${l.pl}`, en: `of which ${l.en}` } : { pl: cap(l.pl), en: cap(l.en) };
}

/** The base group of a share-like criterion (as evaluate.ts's baseOf). */
function baseGroup(card: Card, c: Card["criteria"][number]): GroupId {
  if (c.base) return c.base;
  return c.subQuota ? card.parameters.subQuotaBase : "all";
}

/** The plan's input fields for a card, in sheet order. */
export function planFields(card: Card): PlanField[] {
  const groups = new Set<GroupId>(["all"]);
  const crosses: { g: GroupId; b: GroupId }[] = [];
  const eff: GroupId[] = [];
  const results: { r: GroupId; b: GroupId }[] = [];
  const addGroup = (g: GroupId) => chainOf(g).forEach((x) => groups.add(x));
  for (const c of card.criteria) {
    switch (c.measure) {
      case "share": {
        const b = baseGroup(card, c);
        addGroup(b);
        if (c.group !== "all") addGroup(c.group);
        if (
          c.group !== "all" &&
          !isAncestor(b, c.group) &&
          !crosses.some((x) => x.g === c.group && x.b === b)
        )
          crosses.push({ g: c.group, b });
        break;
      }
      case "count":
      case "productCount":
        if (c.group !== "all") addGroup(c.group);
        break;
      case "effectiveness":
        if (c.group !== "all") addGroup(c.group);
        if (!eff.includes(c.group)) eff.push(c.group);
        break;
      case "resultShare": {
        const b = baseGroup(card, c);
        addGroup(b);
        if (!results.some((x) => x.r === c.group && x.b === b)) results.push({ r: c.group, b });
        break;
      }
    }
  }
  const order = Object.keys(GROUPS) as GroupId[];
  const out: PlanField[] = [];
  const visit = (g: GroupId, depth: number) => {
    out.push({
      key: g,
      kind: "count",
      group: g,
      label: groupLabel(g, depth),
      within: g === "all" ? [] : [parentOf(g)],
      depth,
      section: "groups",
    });
    for (const x of crosses.filter((x) => x.g === g)) {
      const bl = GROUPS[x.b].label;
      out.push({
        key: crossKey(x.g, x.b),
        kind: "cross",
        group: x.g,
        base: x.b,
        label: { pl: `w tym spośród: ${bl.pl}`, en: `of which among: ${bl.en}` },
        within: [g, x.b],
        depth: depth + 1,
        section: "groups",
      });
    }
    for (const child of order)
      if (child !== g && groups.has(child) && parentOf(child) === g) visit(child, depth + 1);
  };
  visit("all", 0);
  const window = card.parameters.effectivenessWindowDays;
  for (const g of eff) {
    const l = g === "all" ? { pl: "Wszyscy uczestnicy", en: "All participants" } : GROUPS[g].label;
    out.push({
      key: endedKey(g),
      kind: "ended",
      group: g,
      label: { pl: `${cap(l.pl)}: kończący udział`, en: `${cap(l.en)}: ending the project` },
      within: [g],
      depth: 0,
      section: "effectiveness",
    });
    out.push({
      key: employedKey(g),
      kind: "employed",
      group: g,
      label: {
        pl: `w tym zatrudnieni w ciągu ${window} dni`,
        en: `of which employed within ${window} days`,
      },
      within: [endedKey(g)],
      depth: 1,
      section: "effectiveness",
    });
  }
  for (const x of results) {
    const bl = x.b === "all" ? { pl: "wszyscy uczestnicy", en: "all participants" } : GROUPS[x.b].label;
    const rl = GROUPS[x.r].label;
    out.push({
      key: resultKey(x.r, x.b),
      kind: "result",
      group: x.r,
      base: x.b,
      label: { pl: `${cap(bl.pl)}: ${rl.pl}`, en: `${cap(bl.en)}: ${rl.en}` },
      within: [x.b],
      depth: 0,
      section: "results",
    });
  }
  return out;
}

/**
 * The participants a field counts in a register, as COUNTIFS-style conditions over evaluable rows (shared
 * by planFromRegister and the sheet's "actual" formulas). ended/employed are over the effectiveness
 * population; ended excludes pending (the evaluation's denominator): see `fieldCounts`.
 */
export function fieldConditions(f: PlanField): Condition[] {
  const chainConds = (g: GroupId) => chainOf(g).flatMap((x) => GROUP_CONDITIONS[x]);
  switch (f.kind) {
    case "count":
      return chainConds(f.group);
    case "cross":
      return [...chainConds(f.group), ...chainConds(f.base as GroupId)];
    case "ended":
      return [{ derived: "effPopulation" }, { derived: "ended" }, ...chainConds(f.group)];
    case "employed":
      return [
        { derived: "effPopulation" },
        { derived: "ended" },
        { derived: "employed" },
        ...chainConds(f.group),
      ];
    case "result":
      return [{ derived: "left" }, ...chainConds(f.base as GroupId), ...GROUP_CONDITIONS[f.group]];
  }
}
