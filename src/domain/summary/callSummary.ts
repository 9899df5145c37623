import { allRequiredMet, evaluate } from "../card/evaluate";
import { Card, CriterionKind, Participant, RowIssue } from "../card/types";
import { serialToIso } from "../dates";
import { Localized } from "../i18n";
import { normalizeText } from "../text";

/**
 * Call summary ("Podsumowanie naboru"): many projects (one participant register each) evaluated against one
 * criteria card, with the call's totals against the product (B) and result (A) indicator targets and two flags:
 * an applicant in more than `maxApplicationsPerApplicant` files, and a PESEL found in more than one project.
 *
 * Streaming: `CallSummaryBuilder.addProject` evaluates one project and keeps only its figures (and its PESELs
 * in one map for the cross-project check), so the caller can drop the project's cells before reading the next.
 */

export interface CallSummaryOptions {
  /** The card's limit of applications per applicant (card 1/9.1/2016: at most two). Default 2. */
  maxApplicationsPerApplicant?: number;
}

export const DEFAULT_MAX_APPLICATIONS_PER_APPLICANT = 2;

/** One criterion's figures for one project. */
export interface ProjectCriterion {
  id: string;
  kind: CriterionKind;
  numerator: number;
  denominator: number | null;
  /** 0–1; null when the denominator is 0 or absent. */
  share: number | null;
  threshold: number | null;
  met: boolean | null;
  points: number | null;
}

export interface ProjectSummary {
  /** The file's name as given (no directory). */
  file: string;
  applicant: string | null;
  /** Participants evaluated. */
  participants: number;
  /** Pending in the effectiveness population. */
  pending: number;
  rowErrors: number;
  rowWarnings: number;
  /** Formal, effectiveness and premium criteria, in the card's order. */
  criteria: ProjectCriterion[];
  /** Sum of premium points earned (criteria with no stated points count 0). */
  premiumPoints: number;
  /** Every formal and effectiveness criterion met or not applicable. */
  requiredMet: boolean;
  /** How many files name this project's applicant (filled in by `finish`). */
  applicantFiles: number;
  /** Participants whose PESEL also appears in another project (filled in by `finish`). */
  sharedPesels: number;
}

/** A product (B) or result (A) indicator totalled over every project. */
export interface CallIndicatorTotal {
  id: string;
  kind: "product" | "result";
  label: Localized;
  /** Product: persons in the group; result: persons with the result among those who left. */
  numerator: number;
  /** Result indicators: persons of the base who left; product: null. */
  denominator: number | null;
  /** Result indicators: numerator / denominator (null when 0); product: null. */
  value: number | null;
  /** Product: the call's target (persons); result: the target share (0–1). */
  target: number | null;
  /** Share of the target reached: product numerator/target, result value/target; null when not computable. */
  reached: number | null;
}

export interface ApplicantFlag {
  applicant: string;
  files: string[];
}

export interface PeselFlag {
  pesel: string;
  /** The projects (files) it appears in, in reading order. */
  files: string[];
}

export interface FileProblem {
  file: string;
  reason: Localized;
}

export interface CallSummary {
  card: string;
  cardTitle: Localized;
  /** ISO date the criteria are evaluated at. */
  asOf: string;
  maxApplicationsPerApplicant: number;
  projects: ProjectSummary[];
  /** Participants over all projects. */
  participants: number;
  totals: CallIndicatorTotal[];
  applicantsOverLimit: ApplicantFlag[];
  sharedPesels: PeselFlag[];
  problems: FileProblem[];
}

/** The criteria shown per project: formal, effectiveness and premium, in the card's order. */
export function projectCriteria(card: Card): Card["criteria"] {
  return card.criteria.filter(
    (c) => c.kind === "formal" || c.kind === "effectiveness" || c.kind === "premium",
  );
}

/** The key applicants are compared by: case, spacing, diacritics and punctuation-insensitive. */
export function applicantKey(name: string): string {
  return normalizeText(name)
    .replace(/[.,;:"'„”“«»()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

interface Totals {
  n: number;
  d: number;
}

export class CallSummaryBuilder {
  private readonly projects: ProjectSummary[] = [];
  private readonly problems: FileProblem[] = [];
  /** PESEL → indices of the projects it appears in (each project once). */
  private readonly pesels = new Map<string, number[] | number>();
  private readonly totals: Totals[];
  private readonly indicatorCriteria: Card["criteria"];
  private readonly shownIds: Set<string>;
  private participants = 0;
  readonly maxApplications: number;

  constructor(
    readonly card: Card,
    readonly asOf: number,
    opts: CallSummaryOptions = {},
  ) {
    this.maxApplications = opts.maxApplicationsPerApplicant ?? DEFAULT_MAX_APPLICATIONS_PER_APPLICANT;
    if (!Number.isInteger(this.maxApplications) || this.maxApplications < 1)
      throw new RangeError(
        `maxApplicationsPerApplicant must be a positive integer (${this.maxApplications})`,
      );
    this.indicatorCriteria = card.criteria.filter((c) => c.kind === "product" || c.kind === "result");
    this.totals = this.indicatorCriteria.map(() => ({ n: 0, d: 0 }));
    this.shownIds = new Set(projectCriteria(card).map((c) => c.id));
  }

  /**
   * Evaluates one project. `participants` is iterated twice at most (evaluation, PESELs): pass an array or a
   * re-iterable collection.
   */
  addProject(
    file: string,
    applicant: string | null,
    participants: readonly Participant[],
    rowIssues: RowIssue[] = [],
  ): ProjectSummary {
    const index = this.projects.length;
    const e = evaluate(participants, this.card, this.asOf, rowIssues);
    const criteria: ProjectCriterion[] = [];
    for (const r of e.criteria) {
      if (this.shownIds.has(r.id))
        criteria.push({
          id: r.id,
          kind: r.kind,
          numerator: r.numerator,
          denominator: r.denominator,
          share: r.share,
          threshold: r.threshold,
          met: r.met,
          points: r.points,
        });
    }
    this.indicatorCriteria.forEach((c, i) => {
      const r = e.criteria.find((x) => x.id === c.id);
      if (!r) return;
      this.totals[i].n += r.numerator;
      this.totals[i].d += r.denominator ?? 0;
    });
    const seen = new Set<string>();
    for (const p of participants) {
      const pesel = p.pesel?.trim();
      if (!pesel || seen.has(pesel)) continue;
      seen.add(pesel);
      const prev = this.pesels.get(pesel);
      if (prev === undefined) this.pesels.set(pesel, index);
      else if (typeof prev === "number") this.pesels.set(pesel, [prev, index]);
      else prev.push(index);
    }
    const summary: ProjectSummary = {
      file,
      applicant: applicant && applicant.trim() !== "" ? applicant.trim() : null,
      participants: e.participants,
      pending: e.pending,
      rowErrors: rowIssues.filter((i) => i.severity === "error").length,
      rowWarnings: rowIssues.filter((i) => i.severity === "warning").length,
      criteria,
      premiumPoints: e.criteria.reduce((s, c) => s + (c.kind === "premium" && c.points ? c.points : 0), 0),
      requiredMet: allRequiredMet(e),
      applicantFiles: 0,
      sharedPesels: 0,
    };
    this.participants += e.participants;
    this.projects.push(summary);
    return summary;
  }

  /** A file that could not be summarised, with its reason. */
  addProblem(file: string, reason: Localized): void {
    this.problems.push({ file, reason });
  }

  get projectCount(): number {
    return this.projects.length;
  }

  finish(): CallSummary {
    // Applicants.
    const byApplicant = new Map<string, { name: string; idx: number[] }>();
    this.projects.forEach((p, i) => {
      if (!p.applicant) return;
      const k = applicantKey(p.applicant);
      const entry = byApplicant.get(k);
      if (entry) entry.idx.push(i);
      else byApplicant.set(k, { name: p.applicant, idx: [i] });
    });
    const applicantsOverLimit: ApplicantFlag[] = [];
    for (const { name, idx } of byApplicant.values()) {
      for (const i of idx) this.projects[i].applicantFiles = idx.length;
      if (idx.length > this.maxApplications)
        applicantsOverLimit.push({ applicant: name, files: idx.map((i) => this.projects[i].file) });
    }
    for (const p of this.projects) if (!p.applicant) p.applicantFiles = 0;

    // PESELs in more than one project.
    const sharedPesels: PeselFlag[] = [];
    for (const [pesel, where] of this.pesels) {
      if (typeof where === "number") continue;
      for (const i of where) this.projects[i].sharedPesels++;
      sharedPesels.push({ pesel, files: where.map((i) => this.projects[i].file) });
    }

    const totals: CallIndicatorTotal[] = this.indicatorCriteria.map((c, i) => {
      const { n, d } = this.totals[i];
      if (c.kind === "product") {
        const target = c.target ?? null;
        return {
          id: c.id,
          kind: "product",
          label: c.label,
          numerator: n,
          denominator: null,
          value: null,
          target,
          reached: target !== null && target > 0 ? n / target : null,
        };
      }
      const value = d > 0 ? n / d : null;
      const target = c.threshold ?? null;
      return {
        id: c.id,
        kind: "result",
        label: c.label,
        numerator: n,
        denominator: d,
        value,
        target,
        reached: value !== null && target !== null && target > 0 ? value / target : null,
      };
    });

    return {
      card: this.card.id,
      cardTitle: this.card.title,
      asOf: serialToIso(this.asOf),
      maxApplicationsPerApplicant: this.maxApplications,
      projects: this.projects,
      participants: this.participants,
      totals,
      applicantsOverLimit,
      sharedPesels,
      problems: this.problems,
    };
  }
}

/** One-shot convenience over the builder. */
export function summarizeCall(
  card: Card,
  asOf: number,
  projects: Iterable<{
    file: string;
    applicant: string | null;
    participants: readonly Participant[];
    rowIssues?: RowIssue[];
  }>,
  problems: FileProblem[] = [],
  opts: CallSummaryOptions = {},
): CallSummary {
  const b = new CallSummaryBuilder(card, asOf, opts);
  for (const p of projects) b.addProject(p.file, p.applicant, p.participants, p.rowIssues ?? []);
  for (const p of problems) b.addProblem(p.file, p.reason);
  return b.finish();
}
