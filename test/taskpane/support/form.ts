/** What the form's tests share: a form ready to run (a table and the three required columns), and its problems. */
import { DEFAULT_FORM, settingsFromForm, type PaneForm } from "../../../src/taskpane/form";
import type { FormProblem } from "../../../src/taskpane/form/problems";
import { EMPTY_MAPPING } from "../../../src/taskpane/mapping";

export const READY: PaneForm = {
  ...DEFAULT_FORM,
  source: { kind: "table", name: "Orders" },
  mapping: { ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 },
};

export const problemsOf = (form: PaneForm, columns = 3): FormProblem[] => {
  const result = settingsFromForm(form, columns);
  return result.ok ? [] : result.problems;
};
