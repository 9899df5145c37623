/** "Discard unsaved changes?" before another file is opened or the open one closed (FileBar). */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import * as React from "react";
import { useDialogStyles } from "./dialogStyles";
import type { Lang } from "../domain/i18n";
import { tr } from "./i18n";

export interface DiscardDialogProps {
  lang: Lang;
  /** What would be lost, and what happens next. */
  text: string;
  /** The confirming button's label. */
  confirm: string;
  /** true: discard and go on; false: keep the changes. */
  onAnswer(discard: boolean): void;
}

export function DiscardDialog({ lang, text, confirm, onAnswer }: DiscardDialogProps): React.JSX.Element {
  const dialogStyles = useDialogStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && onAnswer(false)}>
      <DialogSurface className={dialogStyles.surface} aria-describedby="miernik-discard-text">
        <DialogBody>
          <DialogTitle>{tr("discardTitle", lang)}</DialogTitle>
          <DialogContent id="miernik-discard-text">{text}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {tr("confirmCancel", lang)}
            </Button>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
