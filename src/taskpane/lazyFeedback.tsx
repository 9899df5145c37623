/**
 * The pane's message bars and spinners, loaded on demand: until their chunk (./feedback.tsx) is there —
 * it is fetched right after the first screen — the same text shows unstyled, so nothing is ever missing.
 */
import * as React from "react";
import type { BusyProps, NoticeProps } from "./feedback";

const load = () => import(/* webpackChunkName: "feedback" */ "./feedback.js");

const NoticeImpl = React.lazy(async () => ({ default: (await load()).Notice }));
const BusyImpl = React.lazy(async () => ({ default: (await load()).Busy }));

/** Fetch the chunk now (after the first screen), so the first message needs no wait. */
export function preloadFeedback(): void {
  void load().catch(() => undefined);
}

export function Notice(props: NoticeProps): React.JSX.Element {
  return (
    <React.Suspense
      fallback={
        <div role={props.intent === "error" ? "alert" : "status"}>
          {props.title ? <strong>{props.title} </strong> : null}
          {props.children}
        </div>
      }
    >
      <NoticeImpl {...props} />
    </React.Suspense>
  );
}

export function Busy(props: BusyProps): React.JSX.Element {
  return (
    <React.Suspense fallback={<div role="status">{props.label}</div>}>
      <BusyImpl {...props} />
    </React.Suspense>
  );
}
