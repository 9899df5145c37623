// ESLint flat config: the Office add-in rules (eslint-plugin-office-addins, React preset) on all sources.
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");

const addinRules = officeAddins.configs.recommended.find((c) => c.rules && c.rules["office-addins/call-sync-after-load"]);

module.exports = [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**", "assets/**"] },
  ...officeAddins.configs.react,
  {
    // The preset lists .ts but not .tsx: give .tsx the same parser, plugins and rules.
    files: ["**/*.tsx"],
    plugins: addinRules.plugins,
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: addinRules.rules,
  },
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly",
        Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", window: "readonly", document: "readonly",
        Office: "readonly", Excel: "readonly", navigator: "readonly", URL: "readonly", Blob: "readonly",
        File: "readonly", FileReader: "readonly", TextDecoder: "readonly", TextEncoder: "readonly", performance: "readonly",
        queueMicrotask: "readonly", structuredClone: "readonly", setInterval: "readonly", clearInterval: "readonly",
        self: "readonly", Worker: "readonly", MessageChannel: "readonly", AbortController: "readonly", fetch: "readonly",
        globalThis: "readonly", HTMLElement: "readonly", HTMLInputElement: "readonly", Event: "readonly", localStorage: "readonly",
      },
    },
    settings: { react: { version: "19.0" } },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // Office.js is called only in src/hosts/excel/ (and start-up in src/platform/): the pane, commands and
    // lower layers see the workbook through host interfaces (test/architecture/officeJs.test.ts checks
    // type references too).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/hosts/excel/**", "src/platform/**", "src/cli/bench/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "OfficeExtension"].map((name) => ({
          name,
          message:
            "Office.js only in src/hosts/excel/: go through the WorkbookHost / ValidationHost interfaces.",
        })),
      ],
    },
  },
];
