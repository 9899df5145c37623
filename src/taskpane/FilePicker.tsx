/**
 * File choice through a Fluent button: a hidden <input type="file"> opened by the button (keyboard and
 * screen readers meet a real button, not the browser's "Choose File / No file chosen"), with the chosen
 * file's name shown next to it and read out as the button's description.
 */
import { Button, Text, makeStyles, tokens, type ButtonProps } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    // The button as wide as its label (as the pane's other buttons), not stretched across a card.
    alignItems: "flex-start",
    minWidth: 0,
    maxWidth: "100%",
  },
  name: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  button: { maxWidth: "100%", minWidth: 0, whiteSpace: "normal", textAlign: "start" },
});

export interface FilePickerProps {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  appearance?: ButtonProps["appearance"];
  /** Names of the files chosen (shown under the button); empty: nothing chosen. */
  chosen: readonly string[];
  /** What to show when nothing is chosen (default: nothing). */
  none?: string;
  /** Marks the hidden input for tests and scripts: `input[data-file-input="…"]`. */
  inputId: string;
  onFiles(files: File[]): void;
}

export function FilePicker(props: FilePickerProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const nameId = React.useId();
  const text = props.chosen.length > 0 ? props.chosen.join(", ") : (props.none ?? "");
  return (
    <div className={styles.root}>
      <Button
        className={styles.button}
        appearance={props.appearance ?? "secondary"}
        disabled={props.disabled}
        aria-describedby={text ? nameId : undefined}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        accept={props.accept}
        multiple={props.multiple}
        data-file-input={props.inputId}
        aria-label={props.label}
        onChange={(ev) => {
          const files = Array.from(ev.currentTarget.files ?? []);
          ev.currentTarget.value = "";
          if (files.length > 0) props.onFiles(files);
        }}
      />
      {text && (
        <Text id={nameId} size={200} className={styles.name} data-chosen={props.inputId}>
          {text}
        </Text>
      )}
    </div>
  );
}
