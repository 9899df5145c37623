/**
 * The pane's Fluent theme: Excel's where Office reports one (light, dark, high contrast — see
 * src/platform/office.ts), otherwise the system's (`prefers-color-scheme`, `forced-colors`), followed
 * live when the system setting changes.
 */
import {
  FluentProvider,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import * as React from "react";
import type { PaneTheme } from "../platform/office";

export const THEMES: Record<PaneTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

function systemTheme(): PaneTheme {
  if (typeof matchMedia !== "function") return "light";
  if (matchMedia("(forced-colors: active)").matches) return "highContrast";
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The system's theme, updated when it changes. */
export function useSystemTheme(): PaneTheme {
  const [theme, setTheme] = React.useState<PaneTheme>(systemTheme);
  React.useEffect(() => {
    if (typeof matchMedia !== "function") return;
    const queries = [matchMedia("(prefers-color-scheme: dark)"), matchMedia("(forced-colors: active)")];
    const update = () => setTheme(systemTheme());
    queries.forEach((q) => q.addEventListener("change", update));
    return () => queries.forEach((q) => q.removeEventListener("change", update));
  }, []);
  return theme;
}

/** FluentProvider with Office's theme when given, else the system's. */
export function ThemedRoot(props: {
  office: PaneTheme | null;
  children: React.ReactNode;
}): React.JSX.Element {
  const system = useSystemTheme();
  const name = props.office ?? system;
  React.useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.dataset.miernikTheme = name;
  }, [name]);
  return (
    <FluentProvider theme={THEMES[name]} style={{ minHeight: "100vh" }}>
      {props.children}
    </FluentProvider>
  );
}
