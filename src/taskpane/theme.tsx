/**
 * The pane's Fluent theme: Excel's where Office reports one (light, dark, high contrast — see
 * src/platform/office.ts), otherwise the system's (`prefers-color-scheme`, `forced-colors`), followed
 * live when the system setting changes.
 */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import * as React from "react";
import type { PaneTheme } from "../platform/office";

/** The themes by name; light is in the first load, dark and high contrast are fetched when needed. */
export async function loadTheme(name: PaneTheme): Promise<Theme> {
  if (name === "light") return webLightTheme;
  const { DARK_THEMES } = await import(/* webpackChunkName: "themes" */ "./darkThemes.js");
  return DARK_THEMES[name];
}

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
  // Light until another theme's chunk is there (a moment after the first paint).
  const [theme, setTheme] = React.useState<{ name: PaneTheme; theme: Theme }>({
    name: "light",
    theme: webLightTheme,
  });
  React.useEffect(() => {
    let live = true;
    void loadTheme(name).then(
      (t) => live && setTheme({ name, theme: t }),
      () => undefined, // the chunk could not be fetched: stay light
    );
    return () => {
      live = false;
    };
  }, [name]);
  React.useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.dataset.miernikTheme = theme.name;
  }, [theme.name]);
  return (
    <FluentProvider theme={theme.theme} style={{ minHeight: "100vh" }}>
      {props.children}
    </FluentProvider>
  );
}
