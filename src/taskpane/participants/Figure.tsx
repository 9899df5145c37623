/**
 * A criterion's figure — "1 500 / 1 796 = 83,5% (próg 80,0%)" — that wraps only between its parts: before
 * "=" and before "(", never inside "1 500 / 1 796" or "= 83,5%" (a 320 px pane left "1 500 /" on one line and
 * "1 796 = 83,5%" on the next). The text is the one given, unchanged (textContent equals it).
 */
import { makeStyles } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  part: { whiteSpace: "nowrap" },
});

export function Figure(props: { text: string }): React.JSX.Element {
  const styles = useStyles();
  const parts = props.text.split(/ (?=[=(])/);
  return (
    <>
      {parts.map((p, i) => (
        <React.Fragment key={i}>
          {i > 0 ? " " : ""}
          <span className={styles.part}>{p}</span>
        </React.Fragment>
      ))}
    </>
  );
}
