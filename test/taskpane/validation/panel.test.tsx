import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { ValidationPanel } from "../../../src/taskpane/validation/ValidationPanel";
import type { ValidationHost } from "../../../src/taskpane/validation/host";
import { MINI } from "../../domain/validation/miniProgramme";

const idleHost: ValidationHost = {
  validate: () => Promise.reject(new Error("not called")),
  applyFixes: () => Promise.reject(new Error("not called")),
  selectCell: () => Promise.resolve(),
  watchCells: () => Promise.resolve(async () => undefined),
};

describe("ValidationPanel", () => {
  test.each<["pl" | "en", string, string]>([
    ["pl", "Sprawdź", "Popraw wszystkie"],
    ["en", "Validate", "Fix all"],
  ])("renders its actions in %s", (lang, validate, fixAll) => {
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <ValidationPanel host={idleHost} programme={MINI} year={2023} lang={lang} />
      </FluentProvider>,
    );
    expect(html).toContain(validate);
    expect(html).toContain(fixAll);
  });
});
