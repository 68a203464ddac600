/**
 * Document settings (ExcelApi 1.4): where the add-in keeps its index of the history, its pilots and
 * sheet ownership. Values are stored as JSON text, as Office stores them (source?).
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
import { ClientObject, Collection } from "./client-object";
import { StandInError } from "./errors";
import type { SyncQueue } from "./sync";

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
    this.context._write({ method: "add", args: [key, value] }, () => this.context.model.settings.set(key, text));
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
    this._set("value", v, (e) => this.context.model.settings.set(e[0], JSON.stringify(v)));
  }
  delete(): void {
    this._call("delete", [], (e) => this.context.model.settings.delete(e[0]));
  }
}

