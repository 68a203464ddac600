import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { fluentTheme, themeKindOf } from "../../src/taskpane/theme";

describe("Office theme to Fluent theme", () => {
  it("follows Office's theme name when the host gives one", () => {
    expect(themeKindOf({ themeName: "Colorful", isDarkTheme: false })).toBe("colorful");
    expect(themeKindOf({ themeName: "DarkGray" })).toBe("dark");
    expect(themeKindOf({ themeName: "Black" })).toBe("dark");
    expect(themeKindOf({ themeName: "White", isDarkTheme: true })).toBe("light");
  });

  it("falls back to isDarkTheme, then to the body background's brightness, then to light", () => {
    expect(themeKindOf({ isDarkTheme: true })).toBe("dark");
    expect(themeKindOf({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
    expect(themeKindOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeKindOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeKindOf({ bodyBackgroundColor: "not a colour" })).toBe("light");
    expect(themeKindOf(undefined)).toBe("light");
  });

  it("gives Fluent's web themes for light and dark, and Excel's green as the colorful brand", () => {
    expect(fluentTheme("light")).toBe(webLightTheme);
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    const colorful = fluentTheme("colorful");
    expect(colorful.colorBrandBackground).toBe("#217346");
    expect(colorful.colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
  });
});
