/** The dark and high-contrast Fluent themes: a chunk of their own, fetched only when the pane needs one. */
import { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";

export const DARK_THEMES = { dark: webDarkTheme, highContrast: teamsHighContrastTheme };
