/**
 * Office's themes as Fluent UI themes. Excel offers Colorful, Dark Gray, Black and White (and "use system
 * setting", which resolves to one of them); the pane is dark on Dark Gray and Black, carries Excel's green on
 * Colorful, and is plain light on White.
 */
import { createLightTheme, webDarkTheme, webLightTheme, type BrandVariants, type Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark" | "colorful";

/** What index.tsx reads from `Office.context.officeTheme` (every field may be missing on older hosts). */
export interface OfficeThemeFacts {
  isDarkTheme?: unknown;
  /** `Office.ThemeId` as a name ("Colorful", "DarkGray", "Black", "White"), when the host says. */
  themeName?: string;
  bodyBackgroundColor?: string;
}

/** Dark when Office says so (or its body background is darker than mid grey), colorful for Colorful, else light. */
export function themeKindOf(facts: OfficeThemeFacts | undefined): ThemeKind {
  if (!facts) return "light";
  if (facts.themeName === "DarkGray" || facts.themeName === "Black") return "dark";
  if (facts.themeName === "Colorful") return "colorful";
  if (facts.themeName === "White") return "light";
  if (typeof facts.isDarkTheme === "boolean") return facts.isDarkTheme ? "dark" : "light";
  const hex = /^#?([0-9a-f]{6})$/i.exec(facts.bodyBackgroundColor ?? "");
  if (!hex) return "light";
  const value = parseInt(hex[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
}

/** Excel's green (#217346 at 80) as Fluent's 16-step brand ramp. */
const EXCEL_GREEN: BrandVariants = {
  10: "#050e08",
  20: "#0b1f13",
  30: "#0f2e1c",
  40: "#123b24",
  50: "#15482c",
  60: "#185634",
  70: "#1c643d",
  80: "#217346",
  90: "#2e8253",
  100: "#3d9160",
  110: "#4f9f6f",
  120: "#62ad7f",
  130: "#77bb90",
  140: "#8dc8a2",
  150: "#a5d5b5",
  160: "#bee2c9",
};

const colorfulTheme = createLightTheme(EXCEL_GREEN);

export function fluentTheme(kind: ThemeKind): Theme {
  if (kind === "dark") return webDarkTheme;
  if (kind === "colorful") return colorfulTheme;
  return webLightTheme;
}
