/**
 * Outside Office only: the file the pane works on. Open an .xlsx or .csv from disk (read in this page,
 * never sent anywhere), download the workbook with Miernik's changes, or close it. Unsaved changes are
 * guarded: opening another file or closing asks first (a Fluent dialog), and leaving the page while
 * changes are not downloaded triggers the browser's `beforeunload` prompt.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Lang } from "../domain/i18n";
import { formatFileSize } from "../domain/fileSize";
import { FilePicker } from "./FilePicker";
import { errorMessage } from "./host";
import { tr } from "./i18n";
import { Busy, Notice } from "./lazyFeedback";

/** The unsaved-work dialog: a chunk of its own, fetched only when there is something to lose. */
const DiscardDialog = React.lazy(async () => ({
  default: (await import(/* webpackChunkName: "discard-dialog" */ "./DiscardDialog.js")).DiscardDialog,
}));
import type { OpenFileInfo, StandaloneFiles } from "./standaloneHost";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
});

export interface FileBarProps {
  files: StandaloneFiles;
  lang: Lang;
  /** Called after a file was opened or closed (the sections start over). */
  onOpened(info: OpenFileInfo | null): void;
}

export function useOpenFile(files: StandaloneFiles): OpenFileInfo | null {
  const [info, setInfo] = React.useState(files.current());
  React.useEffect(() => files.subscribe(() => setInfo(files.current())), [files]);
  return info;
}

/** While `unsaved`, leaving the page asks the browser's "leave the page?" question. */
export function useBeforeUnload(unsaved: boolean): void {
  React.useEffect(() => {
    if (!unsaved || typeof window === "undefined") return;
    const handler = (ev: BeforeUnloadEvent) => {
      ev.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      ev.returnValue = "";
      return "";
    };
    window.addEventListener("beforeunload", handler);
    return () => window.removeEventListener("beforeunload", handler);
  }, [unsaved]);
}

type Pending = { kind: "open"; file: File } | { kind: "close" };

export function FileBar({ files, lang, onOpened }: FileBarProps): React.JSX.Element {
  const styles = useStyles();
  const info = useOpenFile(files);
  /** The file being opened (its name and size are shown while it opens), or null. */
  const [opening, setOpening] = React.useState<{ name: string; size: number } | null>(null);
  const busy = opening !== null;
  const [message, setMessage] = React.useState<{ intent: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = React.useState<Pending | null>(null);
  useBeforeUnload(info?.unsaved ?? false);

  const open = async (file: File) => {
    setOpening({ name: file.name, size: file.size });
    setMessage(null);
    try {
      const opened = await files.open({ name: file.name, bytes: file });
      onOpened(opened);
    } catch (e) {
      setMessage({ intent: "error", text: errorMessage(e)[lang] });
    } finally {
      setOpening(null);
    }
  };
  const close = () => {
    setMessage(null);
    files.close();
    onOpened(null);
  };
  const guarded = (p: Pending) => {
    if (files.current()?.unsaved) setPending(p);
    else if (p.kind === "open") void open(p.file);
    else close();
  };
  const answer = (discard: boolean) => {
    const p = pending;
    setPending(null);
    if (!discard || !p) return;
    if (p.kind === "open") void open(p.file);
    else close();
  };
  const download = async () => {
    setMessage(null);
    try {
      const name = await files.download();
      // null: the save picker was cancelled — nothing written, nothing to say.
      if (name !== null) setMessage({ intent: "success", text: `${tr("fileDownloaded", lang)}: ${name}` });
    } catch (e) {
      setMessage({ intent: "error", text: errorMessage(e)[lang] });
    }
  };

  return (
    <section className={styles.root} aria-label={tr("fileBar", lang)}>
      <div className={styles.row}>
        <FilePicker
          label={info ? tr("fileOpenOther", lang) : tr("fileOpen", lang)}
          accept=".xlsx,.xlsm,.csv,.tsv,.txt"
          inputId="open"
          appearance={info ? "secondary" : "primary"}
          disabled={busy}
          chosen={[]}
          onFiles={(fs) => guarded({ kind: "open", file: fs[0] })}
        />
        {info && (
          <Button
            appearance={info.unsaved ? "primary" : "secondary"}
            disabled={busy}
            onClick={() => void download()}
          >
            {tr("fileDownload", lang)}
          </Button>
        )}
        {info && (
          <Button appearance="subtle" disabled={busy} onClick={() => guarded({ kind: "close" })}>
            {tr("fileClose", lang)}
          </Button>
        )}
        {opening && <Busy size="tiny" label={openingLabel(opening.name, opening.size, lang)} />}
      </div>
      {!info && !busy && <span>{tr("fileNone", lang)}</span>}
      {message && <Notice intent={message.intent}>{message.text}</Notice>}
      {pending && info && (
        <React.Suspense fallback={null}>
          <DiscardDialog
            lang={lang}
            text={
              pending.kind === "open"
                ? discardOpenText(info.fileName, pending.file.name, lang)
                : discardCloseText(info.fileName, lang)
            }
            confirm={pending.kind === "close" ? tr("discardAndClose", lang) : tr("discardAndOpen", lang)}
            onAnswer={answer}
          />
        </React.Suspense>
      )}
    </section>
  );
}

/** "Otwieranie pliku „rejestr.xlsx” (12,3 MB)…": which file is opening, and how big it is. */
export function openingLabel(name: string, size: number, lang: Lang): string {
  const shown = formatFileSize(size, lang);
  return lang === "pl" ? `Otwieranie pliku „${name}” (${shown})…` : `Opening “${name}” (${shown})…`;
}

export function discardOpenText(current: string, next: string, lang: Lang): string {
  return lang === "pl"
    ? `Zmiany w pliku „${current}” nie zostały pobrane. Jeśli otworzysz „${next}”, przepadną. Anuluj, aby je zachować i najpierw pobrać skoroszyt.`
    : `The changes to “${current}” have not been downloaded. Opening “${next}” discards them. Cancel to keep them and download the workbook first.`;
}

export function discardCloseText(current: string, lang: Lang): string {
  return lang === "pl"
    ? `Zmiany w pliku „${current}” nie zostały pobrane. Jeśli zamkniesz plik, przepadną. Anuluj, aby je zachować i najpierw pobrać skoroszyt.`
    : `The changes to “${current}” have not been downloaded. Closing the file discards them. Cancel to keep them and download the workbook first.`;
}
