/**
 * The *Plan projektu* part of the Participants section: the application-stage planner. The applicant types
 * the planned numbers (one labelled field per plan item of the card); the verdicts — criteria met, how many
 * more the plan needs, premium points, minimums for N, bad cells with the fix — follow every keystroke
 * (`evaluatePlan`). *Utwórz arkusz planu* writes the `Plan projektu` sheet with live formulas (every number
 * typed in the sheet is kept); *Wczytaj z arkusza* reads the sheet's numbers back, naming (as `miernik plan`
 * does) a share typed where persons are planned and formula cells pasted over or showing an error.
 */
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { useDialogStyles } from "../dialogStyles";
import type { Card } from "../../domain/card/types";
import { countOf, formatCount, type Counted, type Lang, type Localized } from "../../domain/i18n";
import { formatPercent, verdictRounded } from "../../domain/numbers";
import { planFields, PlanField } from "../../domain/plan/fields";
import type { PlanCriterion } from "../../domain/plan/evaluate";
import { damagedSheetNote, percentCellNote } from "../../domain/plan/notes";
import type { CellValue } from "../../workbook/plan";
import { errorMessage, WorkbookHost } from "../host";
import { Figure } from "./Figure";
import { count } from "../i18n";
import { Notice } from "../lazyFeedback";
import {
  createPlanSheet,
  evaluateValues,
  type PercentCell,
  PLAN_SHEET,
  readPlanState,
  typedValue,
} from "./planFlows";

const L = (pl: string, en: string): Localized => ({ pl, en });
const S = {
  title: L("Plan projektu (etap wniosku)", "Project plan (application stage)"),
  intro: L(
    "Wpisz planowane liczby osób: kryteria karty sprawdzą się od razu. Arkusz „Plan projektu” liczy to samo formułami, a przy rejestrze pokazuje wykonanie planu.",
    "Type the planned numbers of persons: the card's criteria are checked at once. The “Plan projektu” sheet computes the same with formulas and, next to the register, shows how the plan is being carried out.",
  ),
  create: L("Utwórz arkusz planu", "Create the plan sheet"),
  load: L("Wczytaj z arkusza", "Read from the sheet"),
  none: L("W skoroszycie nie ma arkusza „Plan projektu”.", "The workbook has no “Plan projektu” sheet."),
  keep: L("Zostaw", "Keep"),
  replace: L("Zastąp", "Replace"),
  replaceTitle: L("Zastąpić arkusz?", "Replace the sheet?"),
  kept: L("Pozostawiono istniejący arkusz bez zmian.", "The existing sheet was kept unchanged."),
  findings: L("Uwagi do planu", "Plan problems"),
  minimums: L("Minima przy planowanej liczbie uczestników", "Minimums at the planned number of participants"),
  fields: L("Planowane liczby", "Planned numbers"),
  sections: {
    groups: L("Grupa docelowa i formy wsparcia", "Target group and forms of support"),
    effectiveness: L("Efektywność zatrudnieniowa", "Employment effectiveness"),
    results: L("Wskaźniki rezultatu", "Result indicators"),
  } as Record<PlanField["section"], Localized>,
  met: L("spełnione", "met"),
  notMet: L("niespełnione", "not met"),
  na: L("nie dotyczy", "not applicable"),
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  criterion: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  // The label takes the wrapping; the badge keeps its word whole ("niespełnione", never "ełnio").
  criterionText: { minWidth: 0, overflowWrap: "break-word" },
  badge: { flexShrink: 0 },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sub: { paddingLeft: tokens.spacingHorizontalL },
});

/** "Plan: 1 796 uczestników. Kryteria formalne spełnione: 4 z 6. Punkty premiujące: 5 z 20. Uwagi: 1." */
export function planSummaryText(
  p: {
    participants: number;
    formalMet: number;
    formal: number;
    points: number;
    possible: number;
    findings: number;
  },
  lang: Lang,
): string {
  const n = (v: number) => formatCount(v, lang);
  return lang === "pl"
    ? `Plan: ${count(p.participants, "participant", lang)}. Kryteria formalne spełnione: ${n(p.formalMet)} z ${n(p.formal)}. Punkty premiujące: ${n(p.points)} z ${n(p.possible)}. Uwagi: ${n(p.findings)}.`
    : `Plan: ${count(p.participants, "participant", lang)}. Formal criteria met: ${n(p.formalMet)} of ${n(p.formal)}. Premium points: ${n(p.points)} of ${n(p.possible)}. Problems: ${n(p.findings)}.`;
}

/**
 * A plan criterion's figure: "1 796" for a count, "2 399 / 4 000 = 59,98%" for a share — with the decimals its
 * verdict needs, as `miernik plan` (never "60%" beside a 60% threshold and NIE).
 */
export function planCriterionValue(
  c: Pick<PlanCriterion, "numerator" | "denominator" | "share" | "threshold">,
  lang: Lang,
): string {
  // Grouped with a no-break space (formatCount): "1 796" never breaks at the end of a 320 px line.
  const n = (v: number) => formatCount(v, lang);
  if (c.denominator === null) return n(c.numerator);
  const share = c.share === null ? "—" : formatPercent(verdictRounded(c.share, c.threshold), lang);
  return `${n(c.numerator)} / ${n(c.denominator)} = ${share}`;
}

/** "Gotowe: arkusz „Plan projektu” (zachowano 1 wpisaną liczbę), z wykonaniem z rejestru." */
export function planCreatedText(
  out: { kept: number; withRegister: boolean; sheet?: string },
  lang: Lang,
): string {
  const sheet = out.sheet ?? PLAN_SHEET;
  const kept =
    out.kept > 0
      ? lang === "pl"
        ? ` (zachowano ${countOf(out.kept, TYPED_NUMBER, lang)})`
        : ` (${countOf(out.kept, TYPED_NUMBER, lang)} kept)`
      : "";
  return lang === "pl"
    ? `Gotowe: arkusz „${sheet}”${kept}${out.withRegister ? ", z wykonaniem z rejestru" : ""}.`
    : `Done: sheet “${sheet}”${kept}${out.withRegister ? ", with the register's actual figures" : ""}.`;
}

/** The accusative after "zachowano": 1 wpisaną liczbę, 2 wpisane liczby, 5 wpisanych liczb. */
const TYPED_NUMBER: Counted = {
  pl: { one: "wpisaną liczbę", few: "wpisane liczby", many: "wpisanych liczb" },
  en: { one: "typed number", other: "typed numbers" },
};

export interface PlanPartProps {
  host: WorkbookHost;
  lang: Lang;
  card: Card;
}

const asText = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v));

export function PlanPart(props: PlanPartProps): React.JSX.Element {
  const { host, lang, card } = props;
  const styles = useStyles();
  const dialogStyles = useDialogStyles();
  const fields = React.useMemo(() => planFields(card), [card]);
  const [text, setText] = React.useState<Record<string, string>>({});
  const [dirty, setDirty] = React.useState<Set<string>>(new Set());
  const [busy, setBusy] = React.useState(false);
  const [info, setInfo] = React.useState<Localized | null>(null);
  const [error, setError] = React.useState<Localized | null>(null);
  /** The plan sheet's name as last read or written (the applicant may have renamed it). */
  const [planSheet, setPlanSheet] = React.useState(PLAN_SHEET);
  /** Shares read from the sheet's count cells ("100%" read as 1); a field's note goes once it is edited. */
  const [percent, setPercent] = React.useState<PercentCell[]>([]);
  /** Formula cells of the sheet as last read: pasted over, or showing an error; gone once it is re-created. */
  const [damaged, setDamaged] = React.useState<Localized | null>(null);
  const [asking, setAsking] = React.useState<{ text: string; resolve(ok: boolean): void } | null>(null);

  const values = React.useMemo(() => {
    const out: Record<string, CellValue> = {};
    for (const f of fields) out[f.key] = typedValue(text[f.key] ?? "");
    return out;
  }, [fields, text]);
  const outcome = React.useMemo(() => evaluateValues(card, values, planSheet), [card, values, planSheet]);
  const e = outcome.evaluation;

  const answer = (ok: boolean) => {
    asking?.resolve(ok);
    setAsking(null);
  };
  const deps = {
    host,
    lang,
    confirmReplace: (sheet: string, why: Localized) =>
      new Promise<boolean>((resolve) =>
        setAsking({
          resolve,
          text:
            lang === "pl"
              ? `Arkusz „${sheet}” nie jest planem Miernika (${why.pl}). Zastąpić go? Jego zawartość zostanie utracona.`
              : `The sheet “${sheet}” is not Miernik's plan (${why.en}). Replace it? Its contents will be lost.`,
        }),
      ),
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      await work();
    } catch (x) {
      setError(errorMessage(x));
    } finally {
      setBusy(false);
    }
  };
  const fill = (v: Record<string, CellValue>) => {
    const t: Record<string, string> = {};
    for (const f of fields) t[f.key] = asText(v[f.key]);
    setText(t);
    setDirty(new Set());
  };

  const create = () =>
    run(async () => {
      const typed: Record<string, CellValue> = {};
      for (const k of dirty) typed[k] = values[k];
      const out = await createPlanSheet(deps, card, typed);
      if (out.status === "kept") {
        setInfo(S.kept);
        return;
      }
      fill(out.values);
      setPlanSheet(out.sheet);
      setPercent(out.percent);
      setDamaged(null);
      setInfo(L(planCreatedText(out, "pl"), planCreatedText(out, "en")));
      await host.showSheet(out.sheet);
    });
  const load = () =>
    run(async () => {
      const state = await readPlanState(host, card);
      setPlanSheet(state.sheet);
      setPercent(state.percent);
      setDamaged(damagedSheetNote(state.overwritten, state.broken, S.create));
      if (!state.values) setInfo(S.none);
      else fill(state.values);
    });

  const formal = e.criteria.filter((c) => c.kind === "formal");
  const formalMet = formal.filter((c) => c.met !== false).length;
  // Grouped with a no-break space (formatCount): "1 796" never breaks at the end of a 320 px line.
  const n = (v: number) => formatCount(v, lang);
  const summary = planSummaryText(
    {
      participants: e.participants,
      formalMet,
      formal: formal.length,
      points: e.premiumPoints,
      possible: e.premiumPossible,
      findings: outcome.findings.length,
    },
    lang,
  );
  const findingOf = new Map(outcome.findings.map((f) => [f.key, f]));
  const labelOf = new Map(fields.map((f) => [f.key, f.label]));
  const notes = percent.map((p) => ({
    key: p.key,
    text: percentCellNote(
      { cell: p.cell, label: labelOf.get(p.key) ?? L(p.key, p.key), value: p.value },
      e.participants,
      card.parameters,
    )[lang],
  }));
  let section: PlanField["section"] | null = null;

  return (
    <div className={styles.root} role="group" aria-label={S.title[lang]} data-plan-part>
      <Text weight="semibold" size={400}>
        {S.title[lang]}
      </Text>
      <Text>{S.intro[lang]}</Text>
      {error && <Notice intent="error">{error[lang]}</Notice>}
      {info && <Notice intent="info">{info[lang]}</Notice>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void create()}>
          {S.create[lang]}
        </Button>
        <Button disabled={busy} onClick={() => void load()}>
          {S.load[lang]}
        </Button>
      </div>
      {damaged && (
        <div data-plan-damaged>
          <Notice intent="warning">{damaged[lang]}</Notice>
        </div>
      )}
      {notes.map((x) => (
        <div key={x.key} data-plan-percent={x.key}>
          <Notice intent="warning">{x.text}</Notice>
        </div>
      ))}
      <Text data-plan-summary aria-live="polite">
        {summary}
      </Text>
      <ul className={styles.list} aria-label={lang === "pl" ? "Kryteria planu" : "Plan criteria"}>
        {e.criteria
          .filter((c) => c.kind !== "product" && c.kind !== "result")
          .map((c) => {
            const state = c.met === null ? "na" : c.met ? "met" : "notMet";
            const value = planCriterionValue(c, lang);
            const short = c.shortfall
              ? lang === "pl"
                ? `, brakuje ${n(c.shortfall)}`
                : `, ${n(c.shortfall)} short`
              : "";
            return (
              <li key={c.id} data-plan-criterion={c.id} data-met={state}>
                <span className={styles.criterion}>
                  <Text className={styles.criterionText}>
                    {c.label[lang]}: <Figure text={value} />
                    {short}
                  </Text>
                  <Badge
                    className={styles.badge}
                    appearance="filled"
                    color={state === "met" ? "success" : state === "notMet" ? "danger" : "informative"}
                  >
                    {S[state][lang]}
                  </Badge>
                </span>
              </li>
            );
          })}
      </ul>
      {outcome.findings.length > 0 && (
        <>
          <Text weight="semibold">{S.findings[lang]}</Text>
          <ul className={styles.list} data-plan-findings>
            {outcome.findings.map((f) => (
              <li key={f.key} data-finding={f.key}>
                <Text>
                  {host.kind === "excel" && host.validation ? (
                    <Link
                      onClick={() =>
                        void host.validation
                          ?.selectCell(planSheet, f.cell.slice(f.cell.lastIndexOf("!") + 1))
                          .catch(() =>
                            setInfo(L("Najpierw utwórz arkusz planu.", "Create the plan sheet first.")),
                          )
                      }
                    >
                      {f.cell}
                    </Link>
                  ) : (
                    f.cell
                  )}
                  : {f.message[lang]} — {f.fix[lang]}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      <Text weight="semibold">{S.minimums[lang]}</Text>
      <ul className={styles.list} data-plan-minimums>
        {e.minimums.map((m, i) => (
          <li key={i}>
            <Text>{m[lang]}</Text>
          </li>
        ))}
      </ul>
      <Text weight="semibold">{S.fields[lang]}</Text>
      <div className={styles.fields}>
        {fields.map((f) => {
          const header = f.section !== section ? S.sections[f.section][lang] : null;
          section = f.section;
          return (
            <React.Fragment key={f.key}>
              {header && <Text weight="semibold">{header}</Text>}
              <Field
                label={f.label[lang]}
                className={f.depth > 0 ? styles.sub : undefined}
                // The field's own problem under it (the list above names the sheet's cell).
                validationState={findingOf.has(f.key) ? "error" : "none"}
                validationMessage={findingOf.get(f.key)?.message[lang]}
              >
                <Input
                  inputMode="numeric"
                  data-plan-field={f.key}
                  value={text[f.key] ?? ""}
                  disabled={busy}
                  onChange={(_ev, d) => {
                    setText((t) => ({ ...t, [f.key]: d.value }));
                    setDirty((s) => new Set(s).add(f.key));
                    setPercent((ps) =>
                      ps.some((p) => p.key === f.key) ? ps.filter((p) => p.key !== f.key) : ps,
                    );
                  }}
                />
              </Field>
            </React.Fragment>
          );
        })}
      </div>
      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && answer(false)}>
        <DialogSurface className={dialogStyles.surface}>
          <DialogBody>
            <DialogTitle>{S.replaceTitle[lang]}</DialogTitle>
            <DialogContent>{asking?.text}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answer(true)}>
                {S.replace[lang]}
              </Button>
              <Button onClick={() => answer(false)}>{S.keep[lang]}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
