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

export function postNotice(target: EventTarget, notice: Notice): void {
  target.dispatchEvent(new CustomEvent<Notice>(NOTICE_EVENT, { detail: notice }));
}

/** Calls `handler` with each notice posted on `target`; returns the function that stops listening. */
export function onNotice(target: EventTarget, handler: (notice: Notice) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<Notice>).detail);
  target.addEventListener(NOTICE_EVENT, listener);
  return () => target.removeEventListener(NOTICE_EVENT, listener);
}
