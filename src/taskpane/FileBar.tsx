/**
 * Outside Office only: the file the pane works on. Open an .xlsx or .csv from disk (read in this page,
 * never sent anywhere), see its name and sheets, and download the workbook with Miernik's changes.
 */
import { Button, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Lang } from "../domain/i18n";
import { errorMessage } from "./host";
import { tr } from "./i18n";
import { Busy, Notice } from "./lazyFeedback";
import type { OpenFileInfo, StandaloneFiles } from "./standaloneHost";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface FileBarProps {
  files: StandaloneFiles;
  lang: Lang;
  /** Called after a file was opened (the sections start over on the new file). */
  onOpened(info: OpenFileInfo): void;
}

function useOpenFile(files: StandaloneFiles): OpenFileInfo | null {
  const [info, setInfo] = React.useState(files.current());
  React.useEffect(() => files.subscribe(() => setInfo(files.current())), [files]);
  return info;
}

export function FileBar({ files, lang, onOpened }: FileBarProps): React.JSX.Element {
  const styles = useStyles();
  const info = useOpenFile(files);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ intent: "error" | "success"; text: string } | null>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const opened = await files.open({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      onOpened(opened);
    } catch (e) {
      setMessage({ intent: "error", text: errorMessage(e)[lang] });
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    setMessage(null);
    try {
      const name = await files.download();
      setMessage({ intent: "success", text: `${tr("fileDownloaded", lang)}: ${name}` });
    } catch (e) {
      setMessage({ intent: "error", text: errorMessage(e)[lang] });
    }
  };

  return (
    <section className={styles.root} aria-label={tr("fileBar", lang)}>
      <Text role="status" aria-live="polite" size={200}>
        {info ? (
          <>
            {tr("fileOpened", lang)}: <b>{info.fileName}</b> ({tr("fileSheets", lang)}:{" "}
            {info.sheets.join(", ")}){info.unsaved ? ` — ${tr("fileUnsaved", lang)}` : ""}
          </>
        ) : (
          tr("fileNone", lang)
        )}
      </Text>
      <div className={styles.row}>
        <Field label={tr("fileOpen", lang)}>
          <input
            type="file"
            accept=".xlsx,.xlsm,.csv"
            aria-label={tr("fileOpen", lang)}
            disabled={busy}
            onChange={(ev) => {
              void open(ev.currentTarget.files?.[0]);
              ev.currentTarget.value = "";
            }}
          />
        </Field>
        <Button disabled={!info || busy} onClick={() => void download()}>
          {tr("fileDownload", lang)}
        </Button>
        {busy && <Busy label={tr("fileOpening", lang)} />}
      </div>
      {message && <Notice intent={message.intent}>{message.text}</Notice>}
    </section>
  );
}
