/**
 * The dialog shown before a re-layout would change cells someone typed: the conflicts, and Replace /
 * Cancel. Loaded on demand (a chunk) the first time there is something to ask.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { useDialogStyles } from "../dialogStyles";
import type { Lang } from "../../domain/i18n";
import type { CellValue } from "../../workbook/plan";
import { confirmText, moreRowsText, tr } from "../i18n";
import { MAX_LISTED_CONFLICTS, type Pending } from "./MonitoringSection";

const useStyles = makeStyles({
  // Fixed layout: the address column keeps its width ("Komórka", "AB123" whole) and the texts share the rest,
  // wrapping anywhere (auto layout squeezed the address column to a letter a line next to long texts).
  table: {
    borderCollapse: "collapse",
    width: "100%",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
  },
  address: { width: "5em", overflowWrap: "normal" },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  scroll: { maxHeight: "40vh", overflowY: "auto" },
});

function show(v: CellValue, lang: Lang): string {
  if (v === null || v === "") return tr("empty", lang);
  return String(v);
}

export function ConflictsDialog(props: {
  pending: Pending | null;
  lang: Lang;
  onAnswer(replace: boolean): void;
}): React.JSX.Element {
  const { pending, lang, onAnswer } = props;
  const styles = useStyles();
  const dialogStyles = useDialogStyles();
  const listed = pending ? pending.conflicts.slice(0, MAX_LISTED_CONFLICTS) : [];
  const more = pending ? pending.conflicts.length - listed.length : 0;
  return (
    <Dialog
      open={pending !== null}
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface className={dialogStyles.surface} aria-describedby="miernik-conflicts-text">
        <DialogBody>
          <DialogTitle>{tr("confirmTitle", lang)}</DialogTitle>
          <DialogContent>
            <p id="miernik-conflicts-text">
              {pending ? confirmText(pending.sheet, pending.conflicts.length, lang) : ""}
            </p>
            <div className={styles.scroll} tabIndex={0} aria-label={tr("confirmTitle", lang)}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th className={mergeClasses(styles.cell, styles.address)} scope="col">
                      {tr("colCell", lang)}
                    </th>
                    <th className={styles.cell} scope="col">
                      {tr("colFound", lang)}
                    </th>
                    <th className={styles.cell} scope="col">
                      {tr("colWouldBe", lang)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {listed.map((c) => (
                    <tr key={c.address}>
                      <th className={styles.cell} scope="row">
                        {c.address}
                      </th>
                      <td className={styles.cell}>{show(c.found, lang)}</td>
                      <td className={styles.cell}>{show(c.wouldBe, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {more > 0 ? <p>{moreRowsText(more, lang)}</p> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {tr("confirmCancel", lang)}
            </Button>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {tr("confirmReplace", lang)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
