/**
 * The task pane: a share just under its threshold never reads as meeting it. A criterion card showed
 * "2 399 / 4 000 = 60,0% (próg 60,0%)" under "Niespełnione"; the plan screen "= 60%" beside NIE. Both now take the
 * decimals the verdict needs (`verdictDecimals`, as `miernik check` / `miernik plan`); one decimal where it
 * suffices ("76,2%").
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import type { CriterionResult } from "../../../src/domain/card/types";
import { CriterionCard } from "../../../src/taskpane/participants/ParticipantsSection";
import { planCriterionValue } from "../../../src/taskpane/participants/PlanPart";

const ltu = (numerator: number, denominator: number): CriterionResult => {
  const share = numerator / denominator;
  return {
    id: "formal.longTermUnemployed",
    kind: "formal",
    label: { pl: "Osoby długotrwale bezrobotne", en: "Long-term unemployed" },
    numerator,
    denominator,
    share,
    threshold: 0.6,
    met: share >= 0.6,
    points: null,
    shortfall: share >= 0.6 ? 0 : Math.ceil(0.6 * denominator - numerator),
  };
};

/** The card as rendered, React's comment separators dropped. */
const html = (c: CriterionResult, lang: "pl" | "en") =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <CriterionCard c={c} lang={lang} />
    </FluentProvider>,
  ).replace(/<!-- -->/g, "");
/** The card's figure line (data-value): its parts (each kept on one line) as rendered, tags dropped. */
const figure = (c: CriterionResult, lang: "pl" | "en") =>
  /data-value[^>]*>((?:[^<]|<span[^>]*>[^<]*<\/span>)*)</.exec(html(c, lang))?.[1] ?? "";
const card = (c: CriterionResult, lang: "pl" | "en") => figure(c, lang).replace(/<[^>]+>/g, "");

test("criterion card: 2 399 / 4 000 reads 59,98% beside a 60% threshold and Niespełnione", () => {
  expect(html(ltu(2399, 4000), "pl")).toMatch(/data-state="notMet".*>Niespełnione</);
  expect(card(ltu(2399, 4000), "pl")).toMatch(/^2\s399 \/ 4\s000 = 59,98% \(próg 60,0%\)$/);
  expect(card(ltu(2399, 4000), "en")).toMatch(/2,399 \/ 4,000 = 59\.98% \(threshold 60\.0%\)/);
});

test("criterion card: the figure wraps only before '=' and '(' (never '2 399 /' | '4 000' at 320 px)", () => {
  const parts = (lang: "pl" | "en") =>
    Array.from(figure(ltu(2399, 4000), lang).matchAll(/<span[^>]*>([^<]*)<\/span>/g), (m) => m[1]);
  expect(parts("pl")).toEqual(["2\u00a0399 / 4\u00a0000", "= 59,98%", "(próg 60,0%)"]);
  expect(parts("en")).toEqual(["2,399 / 4,000", "= 59.98%", "(threshold 60.0%)"]);
});

test("criterion card: one decimal where it suffices (76,2%), and exactly at the threshold 60,0%", () => {
  expect(card(ltu(3048, 4000), "pl")).toMatch(/3\s048 \/ 4\s000 = 76,2% \(próg 60,0%\)/);
  expect(card(ltu(3048, 4000), "en")).toMatch(/= 76\.2% \(threshold 60\.0%\)/);
  expect(card(ltu(2400, 4000), "pl")).toMatch(/= 60,0% \(próg 60,0%\)/);
});

test("plan screen: 2 399 / 4 000 is 59,98%, not 60%; 76,2% stays", () => {
  expect(planCriterionValue(ltu(2399, 4000), "pl")).toMatch(/^2\s399 \/ 4\s000 = 59,98%$/);
  expect(planCriterionValue(ltu(2399, 4000), "en")).toBe("2,399 / 4,000 = 59.98%");
  expect(planCriterionValue(ltu(3048, 4000), "pl")).toMatch(/= 76,2%$/);
  expect(planCriterionValue({ numerator: 60, denominator: null, share: null, threshold: 50 }, "pl")).toBe(
    "60",
  );
});
