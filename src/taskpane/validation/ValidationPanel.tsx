import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Lang, Localized } from "../../domain/i18n";
import { Programme } from "../../domain/programme/types";
import { Finding } from "../../domain/validation";
import { fixable } from "../../workbook/validation/fixes";
import { countsText, groupFindingsByArea } from "../../workbook/validation/groups";
import { ValidationController, ValidationState } from "./controller";
import { ValidationHost } from "./host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

const T = {
  validate: { pl: "Sprawdź", en: "Validate" },
  fixAll: { pl: "Popraw wszystkie", en: "Fix all" },
  fixOne: { pl: "Popraw", en: "Fix" },
  running: { pl: "Sprawdzanie…", en: "Validating…" },
  clean: { pl: "Nie znaleziono błędów ani ostrzeżeń.", en: "No errors or warnings found." },
  error: { pl: "błąd", en: "error" },
  warning: { pl: "uwaga", en: "warning" },
  live: {
    pl: "Sprawdzanie odświeża się samo po zmianie wartości.",
    en: "Validation re-runs by itself when values change.",
  },
} satisfies Record<string, Localized>;

export interface ValidationPanelProps {
  host: ValidationHost;
  programme: Programme;
  year: number;
  lang: Lang;
  /** In Excel: findings link to their cell and edits re-validate; outside Office neither (default true). */
  selectable?: boolean;
}

/** The *Validate* panel: findings grouped by area, click to select the cell, fix one or all. */
export function ValidationPanel({
  host,
  programme,
  year,
  lang,
  selectable = true,
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

  const findings = state.result?.findings ?? [];
  const canFix = fixable(findings);
  const groups = groupFindingsByArea(findings, programme);
  const withErrors = groups.filter((g) => g.errors > 0).map((g) => g.key);
  const busy = state.status === "running";

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => void controller.validate()} disabled={busy}>
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
      {/* Outside Office nobody edits the file but Miernik: no live re-validation to announce. */}
      {findings.length > 0 && selectable && <Text size={200}>{T.live[lang]}</Text>}
      {/* Groups with errors open after each validation (the key re-applies the default when they change). */}
      <Accordion key={withErrors.join("|")} multiple collapsible defaultOpenItems={withErrors}>
        {groups.map((g) => (
          <AccordionItem key={g.key} value={g.key}>
            <AccordionHeader>
              <span className={styles.row}>
                <Text weight="semibold">{g.title[lang]}</Text>
                <CounterBadge count={g.errors} color="danger" showZero={false} />
                <CounterBadge count={g.warnings} color="informative" showZero={false} />
                <Text size={200}>{countsText(g.errors, g.warnings)[lang]}</Text>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {g.findings.map((f, i) => (
                <FindingRow
                  key={`${f.sheet}|${f.cell}|${f.rule}|${i}`}
                  finding={f}
                  lang={lang}
                  busy={busy}
                  onSelect={selectable ? () => void controller.select(f) : undefined}
                  onFix={() => void controller.fix([f])}
                  className={styles.item}
                  rowClass={styles.row}
                />
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}

function FindingRow(props: {
  finding: Finding;
  lang: Lang;
  busy: boolean;
  onSelect?: () => void;
  onFix: () => void;
  className: string;
  rowClass: string;
}): React.ReactElement {
  const { finding: f, lang } = props;
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
      <Text size={200}>{f.message[lang]}</Text>
    </div>
  );
}
