/**
 * Status feedback of the pane (message bars, spinners, progress bars): a chunk of its own, fetched from the
 * add-in's origin right after the first screen (see ./lazyFeedback.tsx), so the first load does not carry it.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
} from "@fluentui/react-components";
import * as React from "react";

export interface NoticeProps {
  intent: "info" | "success" | "warning" | "error";
  title?: string;
  children?: React.ReactNode;
}

export function Notice({ intent, title, children }: NoticeProps): React.JSX.Element {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface BusyProps {
  label: string;
  /** Also show an indeterminate progress bar with this accessible name. */
  progressLabel?: string;
  size?: "tiny" | "small";
}

export function Busy({ label, progressLabel, size = "tiny" }: BusyProps): React.JSX.Element {
  return (
    <div>
      <Spinner size={size} labelPosition="after" label={label} />
      {progressLabel ? <ProgressBar aria-label={progressLabel} /> : null}
    </div>
  );
}
