/**
 * webpack loader for `@microsoft/office-js-helpers` (dist/office.helpers.js): keeps only the modules
 * Miernik uses and drops the rest before webpack sees them.
 *
 * The package ships a single prebuilt webpack 3 UMD file (no per-module files to import), whose index
 * re-exports everything — including the OAuth `Authenticator` with its Google/Facebook/Dropbox/AzureAD
 * endpoints, an XHR POST to token endpoints and `window.open` dialogs, the Dialog and UI helpers and the
 * Excel utilities. Miernik needs `Storage`/`StorageType` (remembered settings) and `Utilities` (host
 * detection) only (src/platform/helpers.ts). This loader rewrites the bundle's `./src/index.ts` to
 * re-export just those, then keeps only the modules reachable from it (storage.ts, utilities.ts, their
 * errors, lodash-es and rxjs helpers); everything else is removed from the file. It fails the build when
 * the file's shape is not the expected one (a new package version), rather than silently shipping it all.
 */
"use strict";

/** What Miernik imports from the package. */
const KEEP = ["Storage", "StorageType", "Utilities", "HostType", "PlatformType"];

const ENTRY = "./src/index.ts";
const MODULE_START = /^\/\*\*\*\/ "([^"]+)":\n/gm;

function fail(why) {
  throw new Error(
    `office-js-helpers-subset: ${why} (has @microsoft/office-js-helpers changed? see the file)`,
  );
}

/** The modules of the bundle's module map: [{ id, text }] with text from `/***\/ "id":` to its closing `})`. */
function splitModules(source) {
  const open = source.indexOf("/******/ ({\n");
  const close = source.lastIndexOf("\n/******/ });");
  if (open < 0 || close < 0) fail("module map not found");
  const body = source.slice(open + "/******/ ({\n".length, close);
  const starts = [...body.matchAll(MODULE_START)].map((m) => ({ id: m[1], at: m.index }));
  if (starts.length === 0) fail("no modules found");
  const modules = starts.map((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : body.length;
    const text = body.slice(s.at, end).replace(/\s+$/, "").replace(/,$/, "");
    if (!text.endsWith("/***/ })")) fail(`module ${s.id} does not end as expected`);
    return { id: s.id, text };
  });
  return { head: source.slice(0, open + "/******/ ({\n".length), tail: source.slice(close), modules };
}

function requires(text) {
  return [...text.matchAll(/__webpack_require__\("([^"]+)"\)/g)].map((m) => m[1]);
}

/** The index module re-exporting only `names` (its own lines for them, so the export letters stay right). */
function reducedIndex(index, names) {
  const lines = index.text.split("\n");
  const imports = new Map(); // variable → line
  for (const l of lines) {
    const m =
      /^\/\* harmony import \*\/ var (__WEBPACK_IMPORTED_MODULE_\w+?__) = __webpack_require__\("[^"]+"\);$/.exec(
        l,
      );
    if (m) imports.set(m[1], l);
  }
  const kept = [];
  const usedImports = new Set();
  for (const name of names) {
    const re = new RegExp(
      `__webpack_require__\\.d\\(__webpack_exports__, "${name}", function\\(\\) \\{ return (__WEBPACK_IMPORTED_MODULE_\\w+?__)\\["\\w+"\\]; \\}\\);`,
    );
    const line = lines.find((l) => re.test(l));
    if (!line) fail(`the index does not export ${name}`);
    const variable = re.exec(line)[1];
    if (!imports.has(variable)) fail(`the index's import for ${name} was not found`);
    usedImports.add(variable);
    kept.push(line);
  }
  return {
    id: ENTRY,
    text: [
      lines[0],
      lines[1],
      "",
      '"use strict";',
      'Object.defineProperty(__webpack_exports__, "__esModule", { value: true });',
      ...[...usedImports].map((v) => imports.get(v)),
      ...kept,
      "",
      "/***/ })",
    ].join("\n"),
  };
}

/** The bundle's source with only the modules reachable from an index that exports `names`. */
function subsetOfficeJsHelpers(source, names = KEEP) {
  const { head, tail, modules } = splitModules(source);
  if (!head.includes(`__webpack_require__.s = "${ENTRY}"`)) fail("the entry is not ./src/index.ts");
  const byId = new Map(modules.map((m) => [m.id, m]));
  const index = byId.get(ENTRY);
  if (!index) fail("./src/index.ts not found");
  byId.set(ENTRY, reducedIndex(index, names));
  const keep = new Set();
  const todo = [ENTRY];
  while (todo.length > 0) {
    const id = todo.pop();
    if (keep.has(id)) continue;
    const m = byId.get(id);
    if (!m) fail(`module ${id} is required but missing`);
    keep.add(id);
    todo.push(...requires(m.text));
  }
  const kept = modules.map((m) => byId.get(m.id)).filter((m) => keep.has(m.id));
  return head + kept.map((m) => m.text).join(",\n\n") + "\n" + tail.replace(/^\n/, "");
}

module.exports = function officeJsHelpersSubsetLoader(source) {
  return subsetOfficeJsHelpers(source);
};
module.exports.subsetOfficeJsHelpers = subsetOfficeJsHelpers;
module.exports.KEEP = KEEP;
