import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { capitalize, Lang, Localized, quoted } from "../../domain/i18n";
import { formatNumber, formatPercent } from "../../domain/numbers";
import { Programme } from "../../domain/programme/types";
import { Finding } from "../../domain/validation";
import { fixable } from "../../workbook/validation/fixes";
import { FindingGroup, groupFindingsByArea } from "../../workbook/validation/groups";
import { count } from "../i18n";
import { ValidationController, ValidationState } from "./controller";
import { ValidationHost } from "./host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  row: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
    minWidth: 0,
  },
  heading: { display: "flex", flexDirection: "column", minWidth: 0, textAlign: "start" },
  title: { overflowWrap: "break-word", minWidth: 0 },
  found: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  fixed: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  empties: {
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} 0`,
    overflowWrap: "anywhere",
  },
  text: { overflowWrap: "break-word", minWidth: 0 },
  fullTitle: { display: "block", color: tokens.colorNeutralForeground2, overflowWrap: "break-word" },
});

export const VALIDATION_TEXT = {
  validate: { pl: "Sprawdź", en: "Validate" },
  fixAll: { pl: "Popraw wszystkie", en: "Fix all" },
  fixOne: { pl: "Popraw", en: "Fix" },
  running: { pl: "Sprawdzanie…", en: "Validating…" },
  clean: { pl: "Nie znaleziono błędów ani ostrzeżeń.", en: "No errors or warnings found." },
  error: { pl: "Błąd", en: "Error" },
  warning: { pl: "Uwaga", en: "Warning" },
  found: { pl: "Jest", en: "Found" },
  fixTo: { pl: "Poprawka", en: "Fix" },
  asText: { pl: "tekst", en: "text" },
  asNumber: { pl: "liczba", en: "number" },
  live: {
    pl: "Sprawdzanie odświeża się samo po zmianie wartości.",
    en: "Validation re-runs by itself when values change.",
  },
  verdictErrors: { pl: "Do poprawienia", en: "To correct" },
  verdictWarnings: { pl: "Bez błędów, są uwagi", en: "No errors, some warnings" },
} satisfies Record<string, Localized>;
const T = VALIDATION_TEXT;

export interface ValidationPanelProps {
  host: ValidationHost;
  programme: Programme;
  year: number;
  lang: Lang;
  /** In Excel: findings link to their cell and edits re-validate; outside Office neither (default true). */
  selectable?: boolean;
  /** Changes when the workbook was rewritten (a layout): shown results are refreshed. */
  refreshKey?: number;
  /** Validate is the section's primary action (default true; false while the year's sheet is still to be laid out). */
  primary?: boolean;
}

const isEmpty = (f: Finding) => f.rule === "empty";

/** "3 błędy, 2 ostrzeżenia, 57 pustych wartości" — what the verdict and each area's heading say. */
export function findingCounts(findings: readonly Finding[], lang: Lang): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const empties = findings.filter(isEmpty).length;
  const warnings = findings.length - errors - empties;
  // Only what is there ("2 błędy, 2 puste wartości"); "0 błędów" when there is nothing at all.
  const parts: string[] = [];
  if (errors > 0) parts.push(count(errors, "error", lang));
  if (warnings > 0) parts.push(count(warnings, "warning", lang));
  if (empties > 0) parts.push(count(empties, "emptyValue", lang));
  return parts.length > 0 ? parts.join(", ") : count(0, "error", lang);
}

/** The message without the "Sheet!A1, " the row already shows, starting with a capital letter. */
export function findingText(f: Finding, lang: Lang): string {
  const where = `${f.sheet}!${f.cell}, `;
  const m = f.message[lang];
  return capitalize(f.cell && m.startsWith(where) ? m.slice(where.length) : m);
}

/** The message without its "; poprawka: …" tail, which the row shows apart (found → fix). */
export function withoutFix(message: string): string {
  return message.replace(/;\s*(poprawka|fix):[^;]*$/i, "");
}

/** An area's title short enough for a 320 px heading: cut at a word, the full title kept for the panel. */
export function shortTitle(title: string, max = 44): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  const at = cut.lastIndexOf(" ");
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

/** Groups with errors first (then programme order); in each, errors first, then warnings. */
export function orderedGroups(findings: readonly Finding[], programme: Programme): FindingGroup[] {
  const groups = groupFindingsByArea(findings, programme).map((g) => ({
    ...g,
    findings: [...g.findings].sort((a, b) => rank(a) - rank(b)),
  }));
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => (b.g.errors > 0 ? 1 : 0) - (a.g.errors > 0 ? 1 : 0) || a.i - b.i)
    .map((x) => x.g);
}

function rank(f: Finding): number {
  return f.severity === "error" ? 0 : isEmpty(f) ? 2 : 1;
}

/** The *Validate* panel: a verdict, then findings by area (errors first), click to select the cell, fix one or all. */
export function ValidationPanel({
  host,
  programme,
  year,
  lang,
  selectable = true,
  refreshKey,
  primary = true,
}: ValidationPanelProps): React.ReactElement {
  const styles = useStyles();
  // One controller for the panel's life; the year is passed on through setYear.
  const [controller] = React.useState(() => new ValidationController(host, year));
  const [state, setState] = React.useState<ValidationState>(controller.current);

  React.useEffect(() => {
    const off = controller.subscribe(setState);
    return () => {
      off();
      void controller.dispose();
    };
  }, [controller]);
  React.useEffect(() => controller.setYear(year), [controller, year]);
  const firstKey = React.useRef(refreshKey);
  React.useEffect(() => {
    if (refreshKey !== firstKey.current) controller.refresh();
  }, [controller, refreshKey]);

  const findings = state.result?.findings ?? [];
  const canFix = fixable(findings);
  const groups = orderedGroups(findings, programme);
  const withErrors = groups.filter((g) => g.errors > 0).map((g) => g.key);
  const errors = findings.filter((f) => f.severity === "error").length;
  const busy = state.status === "running";

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Button
          appearance={primary ? "primary" : "secondary"}
          onClick={() => void controller.validate()}
          disabled={busy}
        >
          {T.validate[lang]}
        </Button>
        <Button onClick={() => void controller.fix(canFix)} disabled={busy || canFix.length === 0}>
          {T.fixAll[lang]} ({canFix.length})
        </Button>
        {busy && <Spinner size="tiny" label={T.running[lang]} />}
      </div>
      {state.notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.notice[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {state.result?.unreadable && (
        <MessageBar intent="error">
          <MessageBarBody>{state.result.unreadable[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && !state.result?.unreadable && findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{T.clean[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {findings.length > 0 && (
        <MessageBar intent={errors > 0 ? "error" : "warning"} data-verdict>
          <MessageBarBody>
            <MessageBarTitle>{errors > 0 ? T.verdictErrors[lang] : T.verdictWarnings[lang]}</MessageBarTitle>
            {capitalize(findingCounts(findings, lang))}
          </MessageBarBody>
        </MessageBar>
      )}
      {/* Outside Office nobody edits the file but Miernik: no live re-validation to announce. */}
      {findings.length > 0 && selectable && <Text size={200}>{T.live[lang]}</Text>}
      {/* Groups with errors open after each validation (the key re-applies the default when they change). */}
      <Accordion key={withErrors.join("|")} multiple collapsible defaultOpenItems={withErrors}>
        {groups.map((g) => {
          const shown = g.findings.filter((f) => !isEmpty(f));
          const empties = g.findings.filter(isEmpty);
          return (
            <AccordionItem key={g.key} value={g.key}>
              <AccordionHeader>
                <span className={styles.heading} title={g.title[lang]}>
                  <Text weight="semibold" className={styles.title}>
                    {shortTitle(g.title[lang])}
                  </Text>
                  <Text size={200}>{findingCounts(g.findings, lang)}</Text>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {shortTitle(g.title[lang]) !== g.title[lang] && (
                  <Text size={200} className={styles.fullTitle}>
                    {g.title[lang]}
                  </Text>
                )}
                {shown.map((f, i) => (
                  <FindingRow
                    key={`${f.sheet}|${f.cell}|${f.rule}|${i}`}
                    finding={f}
                    lang={lang}
                    busy={busy}
                    onSelect={selectable ? () => void controller.select(f) : undefined}
                    onFix={() => void controller.fix([f])}
                    className={styles.item}
                    rowClass={styles.row}
                    found={styles.found}
                    fixed={styles.fixed}
                    text={styles.text}
                  />
                ))}
                {empties.length > 0 && (
                  <div className={styles.empties} data-empty-count={empties.length}>
                    {capitalize(count(empties.length, "emptyValue", lang))}:{" "}
                    {empties
                      .slice(0, 12)
                      .map((f) => f.cell ?? "")
                      .join(", ")}
                    {empties.length > 12 ? " …" : ""}
                  </div>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}

function shown(v: number | string | boolean | null, percent: boolean, lang: Lang): string {
  if (typeof v === "number") return percent ? formatPercent(v, lang) : formatNumber(v, lang);
  return String(v);
}

function FindingRow(props: {
  finding: Finding;
  lang: Lang;
  busy: boolean;
  onSelect?: () => void;
  onFix: () => void;
  className: string;
  rowClass: string;
  found: string;
  fixed: string;
  text: string;
}): React.ReactElement {
  const { finding: f, lang } = props;
  const percent = f.fix !== undefined && /%/.test(f.fix.description.pl);
  return (
    <div className={props.className} data-finding>
      <span className={props.rowClass}>
        <Badge color={f.severity === "error" ? "danger" : "warning"} appearance="tint">
          {f.severity === "error" ? T.error[lang] : T.warning[lang]}
        </Badge>
        {f.cell && props.onSelect ? (
          <Link onClick={props.onSelect}>
            {f.sheet}!{f.cell}
          </Link>
        ) : f.cell ? (
          <Text weight="semibold">
            {f.sheet}!{f.cell}
          </Text>
        ) : (
          <Text>{f.sheet}</Text>
        )}
        {f.fix && f.cell && (
          <Button size="small" onClick={props.onFix} disabled={props.busy} title={f.fix.description[lang]}>
            {T.fixOne[lang]}
          </Button>
        )}
      </span>
      <Text size={200} className={props.text} data-message>
        {f.fix && f.cell ? withoutFix(findingText(f, lang)) : findingText(f, lang)}
      </Text>
      {f.fix && f.cell && (
        <Text size={200} data-fix>
          {T.found[lang]} ({typeof f.value === "string" ? T.asText[lang] : T.asNumber[lang]}):{" "}
          <span className={props.found}>
            {typeof f.value === "string" ? quoted(f.value, lang) : shown(f.value, percent, lang)}
          </span>{" "}
          → {T.fixTo[lang]} ({T.asNumber[lang]}):{" "}
          <span className={props.fixed}>{shown(f.fix.value, percent, lang)}</span>
        </Text>
      )}
    </div>
  );
}
