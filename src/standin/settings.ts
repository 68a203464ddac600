/**
 * Document settings (ExcelApi 1.4): where the add-in keeps its index of the history, its pilots and
 * sheet ownership. Values are stored as JSON text, as Office stores them (source?).
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
import { ClientObject, Collection } from "./client-object";
import { StandInError } from "./errors";
import { utf8Length, type SyncQueue } from "./sync";

/**
 * Document settings hold about 2 MB in all ("We only support 2MB maximum for settings", Microsoft in office-js
 * #621, after Office.Settings.set: https://learn.microsoft.com/javascript/api/office/office.settings#office-office-settings-set-member(1));
 * over it Excel answers "The argument is invalid or missing or has an incorrect format" (InvalidArgument,
 * office-js #3957). Counted as the UTF-8 bytes of every key and JSON value.
 */
export const SETTINGS_LIMIT = 2 * 1024 * 1024;

/** Stores `text` under `key`, or refuses (at sync, as Office does) when the settings would outgrow the cap. */
function store(settings: Map<string, string>, key: string, text: string): void {
  let bytes = utf8Length(key) + utf8Length(text);
  for (const [k, v] of settings) if (k !== key) bytes += utf8Length(k) + utf8Length(v);
  if (bytes > SETTINGS_LIMIT) {
    throw new StandInError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (the document settings would hold ${bytes} bytes; at most ${SETTINGS_LIMIT}).`);
  }
  settings.set(key, text);
}

export class SettingCollection extends Collection<[string, string], Setting> {
  protected readonly _kind = "setting collection";
  constructor(context: SyncQueue) {
    context._need("1.4", "workbook.settings");
    super(context, () => [...context.model.settings.entries()]);
  }
  protected _wrap(m: [string, string]): Setting {
    return new Setting(this.context, () => m);
  }
  add(key: string, value: unknown): Setting {
    const text = JSON.stringify(value);
    if (text === undefined) throw new StandInError("InvalidArgument", `The value of setting "${key}" cannot be stored.`);
    this.context._write({ method: "add", args: [key, value] }, () => store(this.context.model.settings, key, text));
    return this.getItem(key);
  }
  getItem(key: string): Setting {
    return new Setting(this.context, () => this.entry(key));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, () => this.entry(key), true);
  }
  private entry(key: string): [string, string] | null {
    const text = this.context.model.settings.get(key);
    return text === undefined ? null : [key, text];
  }
}

export class Setting extends ClientObject<[string, string]> {
  protected readonly _kind = "setting";
  protected _props() {
    return { key: (e: [string, string]) => e[0], value: (e: [string, string]) => JSON.parse(this.context.model.settings.get(e[0]) ?? e[1]) };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (e) => store(this.context.model.settings, e[0], JSON.stringify(v)));
  }
  delete(): void {
    this._call("delete", [], (e) => this.context.model.settings.delete(e[0]));
  }
}

