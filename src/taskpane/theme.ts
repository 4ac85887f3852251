// The pane's Fluent theme: the system UI fonts (Segoe UI, then the Chinese system fonts), ending in a CSS variable that
// only the harness sets (its self-hosted CJK webfont), so the harness shows characters on a machine without Chinese fonts
// while in Word the stack ends in sans-serif as before.
import { webLightTheme, type Theme } from "@fluentui/react-components";

export const PANE_FONT = "'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', var(--tigang-cjk-fallback, sans-serif)";

export const paneTheme: Theme = { ...webLightTheme, fontFamilyBase: PANE_FONT };
