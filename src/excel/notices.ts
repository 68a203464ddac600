/**
 * Notices from the ribbon commands to the task pane. In the shared runtime both run in one page, so a
 * command that has something to tell the person (the chart it could not build, and why) posts a DOM
 * event that the pane shows in a message bar. Plain DOM: neither side needs Office for it.
 */
export const NOTICE_EVENT = "tiering:notice";

export interface Notice {
  intent: "error" | "success";
  /** A sentence for the person, already in their language. */
  message: string;
}

/**
 * The last notice, kept on the target itself: a command may post before the pane has mounted (the
 * button that opens the pane), and commands and pane are separate bundles, so no module state is shared.
 */
const PENDING = "__tieringPendingNotice";
type Holder = EventTarget & { [PENDING]?: Notice };

export function postNotice(target: EventTarget, notice: Notice): void {
  (target as Holder)[PENDING] = notice;
  target.dispatchEvent(new CustomEvent<Notice>(NOTICE_EVENT, { detail: notice }));
}

/**
 * Calls `handler` with each notice posted on `target` (first with one posted before it listened, if
 * it has not been shown); returns the function that stops listening.
 */
export function onNotice(target: EventTarget, handler: (notice: Notice) => void): () => void {
  const holder = target as Holder;
  const shown = (notice: Notice) => {
    if (holder[PENDING] === notice) delete holder[PENDING];
    handler(notice);
  };
  if (holder[PENDING]) shown(holder[PENDING]);
  const listener = (event: Event) => shown((event as CustomEvent<Notice>).detail);
  target.addEventListener(NOTICE_EVENT, listener);
  return () => target.removeEventListener(NOTICE_EVENT, listener);
}
