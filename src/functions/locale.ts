import { messages, type Messages } from "../i18n";

/**
 * The catalog for Office's display language. In the shared runtime `Office.context` is there once
 * Office has loaded; before that (and in tests) English is used.
 */
export function runtimeMessages(): Messages {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return messages(office?.context?.displayLanguage ?? "en");
}
