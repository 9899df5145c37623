/** What the pane shows for `miernik check --json`'s criteria (Polish), shared by the e2e suites. */

/** The part of `miernik check --json` the criteria screens are compared with. */
export interface CliCheck {
  participants: number;
  pending: number;
  criteria: {
    id: string;
    kind: string;
    numerator: number;
    denominator: number | null;
    share: number | null;
    threshold: number | null;
    target: number | null;
  }[];
  rowIssues: unknown[];
}

/** Numbers as the pane prints them (Intl.NumberFormat pl-PL, 4-digit numbers grouped too). */
export const num = (v: number): string =>
  v.toLocaleString("pl-PL", { useGrouping: "always" } as unknown as Intl.NumberFormatOptions);

export const pct = (v: number | null): string =>
  `${(Math.round((v ?? 0) * 1000) / 10).toFixed(1).replace(".", ",")}%`;

/** What a criterion card shows for a CLI criterion (the pane's format, Polish). */
export function cardText(c: CliCheck["criteria"][number]): string {
  if (c.kind === "product") return `${num(c.numerator)}${c.target !== null ? ` / ${num(c.target)}` : ""}`;
  if (c.denominator === null)
    return `${num(c.numerator)}${c.threshold !== null ? ` / ${num(c.threshold)}` : ""}`;
  return `${num(c.numerator)} / ${num(c.denominator)} = ${pct(c.share)}${c.threshold !== null ? ` (próg ${pct(c.threshold)})` : ""}`;
}
