/**
 * Just enough of a testing library for the pane under happy-dom: render with React's act, find controls the
 * way a person (or a screen reader) names them, click and type.
 */
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;

export async function render(ui: ReactElement): Promise<HTMLElement> {
  host = document.createElement("div");
  document.body.appendChild(host);
  root = createRoot(host);
  await act(async () => root!.render(ui));
  await settle();
  return host;
}

export async function cleanup() {
  if (root) await act(async () => root!.unmount());
  host?.remove();
  document.body.innerHTML = "";
  root = null;
  host = null;
}

/** Lets pending promises (the port's answers) and the renders they cause finish. */
export async function settle() {
  for (let i = 0; i < 3; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();

/** The accessible name, as far as the pane uses them: aria-label, aria-labelledby, <label for>, own text. */
export function nameOf(el: Element): string {
  const label = el.getAttribute("aria-label");
  if (label) return label;
  const by = el.getAttribute("aria-labelledby");
  if (by) {
    const names = by.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean) as Element[];
    if (names.length) return names.map(text).join(" ");
  }
  if (el.id) {
    const forLabel = document.querySelector(`label[for="${el.id}"]`);
    if (forLabel) return text(forLabel);
  }
  return text(el);
}

export function all(role: string): Element[] {
  const implicit: Record<string, string> = {
    button: "button:not([role]), [role=button]",
    checkbox: "input[type=checkbox]",
    radio: "input[type=radio]",
    combobox: "[role=combobox]",
    option: "[role=option]",
    textbox: "input:not([type]), input[type=text], input[type=date], textarea",
    progressbar: "[role=progressbar]",
    link: "a, button.fui-Link",
  };
  return Array.from(document.querySelectorAll(implicit[role] ?? `[role=${role}]`));
}

/** The one control of that role whose accessible name is (or, given a RegExp, matches) `name`. */
export function get(role: string, name: string | RegExp): HTMLElement {
  const matches = all(role).filter((el) => {
    const n = nameOf(el);
    return typeof name === "string" ? n === name || n.startsWith(`${name} `) || n.startsWith(`${name}*`) : name.test(n);
  });
  if (matches.length !== 1) {
    const names = all(role).map(nameOf);
    throw new Error(`expected one ${role} named ${name}, found ${matches.length}; ${role}s here: ${JSON.stringify(names)}`);
  }
  return matches[0] as HTMLElement;
}

export function query(role: string, name: string | RegExp): HTMLElement | null {
  try {
    return get(role, name);
  } catch {
    return null;
  }
}

export async function click(el: Element) {
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

/** Opens a Fluent Dropdown and picks the option with that text. */
export async function choose(combobox: HTMLElement, option: string) {
  await click(combobox);
  // Fluent keeps the listboxes of dropdowns opened before: look only in this one's.
  const listbox = document.getElementById(combobox.getAttribute("aria-controls") ?? "");
  if (!listbox) throw new Error(`the dropdown ${nameOf(combobox)} did not open`);
  const options = Array.from(listbox.querySelectorAll("[role=option]"));
  const target = options.find((el) => text(el) === option);
  if (!target) throw new Error(`no option "${option}"; options: ${JSON.stringify(options.map(text))}`);
  await click(target);
}

/** Types into an input as React sees it (the native value setter, then an input event). */
export async function type(input: HTMLElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), "value")?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await settle();
}

export const bodyText = () => text(document.body);
