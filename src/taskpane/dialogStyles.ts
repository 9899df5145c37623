/** What every dialog of the pane shares. */
import { makeStyles } from "@fluentui/react-components";

export const useDialogStyles = makeStyles({
  // A long file or sheet name ("Rejestr_uczestnikow_projektu_…_poprawiona.csv") wraps inside a 320 px
  // dialog instead of running past its edge ("anywhere": the dialog's grid does not widen for it).
  surface: { overflowWrap: "anywhere" },
});
