/**
 * Light or dark for the task pane: from Office's theme when the host gives one
 * (`Office.context.officeTheme`, undefined in Excel on the web), otherwise from the system's
 * `prefers-color-scheme`.
 */
import type { ColorScheme } from "./components/App";

/** The part of Office.OfficeTheme used here. */
export interface OfficeThemeLike {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/**
 * Relative luminance (WCAG) of a `#rrggbb` colour; undefined when it is not one.
 * @example luminance("#ffffff") // 1
 */
export function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const n = parseInt(m[1]!, 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/**
 * The scheme Office's theme asks for: `isDarkTheme` when the host has it, else the body
 * background's luminance; undefined without a theme (Excel on the web).
 * @example officeColorScheme({ bodyBackgroundColor: "#262626" }) // "dark"
 */
export function officeColorScheme(
  theme: OfficeThemeLike | undefined | null
): ColorScheme | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : undefined;
  if (l === undefined) return undefined;
  return l < 0.18 ? "dark" : "light";
}

/** The system's preference (`prefers-color-scheme`), light when unknown. */
export function systemColorScheme(): ColorScheme {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
}
