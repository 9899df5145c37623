/**
 * Work-around for an install-layout problem, not a feature: with `legacy-peer-deps=true` (.npmrc)
 * npm hoists ajv-keywords@5 and ajv-draft-04 to the top of node_modules without their peer ajv@8,
 * so they resolve the top-level ajv@6 (eslint's) and crash ("Cannot find module
 * 'ajv/dist/compile/codegen'" / "'ajv/dist/core'") when copy-webpack-plugin or webpack-dev-server
 * validate options through schema-utils, and when office-addin-debugging loads.
 * schema-utils carries its own ajv@8; this hook points those packages' `ajv` requests at it. It does
 * nothing when the top-level ajv is already 8+ (a fixed install) or no nested ajv@8 exists.
 * Use: require it first (webpack.config.js), or `node -r ./scripts/ajv-peer-fix.js <cli>`.
 */
"use strict";
const Module = require("module");
const path = require("path");

function major(pkgJson) {
  try {
    return Number(require(pkgJson).version.split(".")[0]);
  } catch {
    return NaN;
  }
}

function install() {
  let topAjv;
  let nestedAjvDir;
  try {
    topAjv = require.resolve("ajv/package.json");
    const schemaUtils = path.dirname(require.resolve("schema-utils/package.json"));
    nestedAjvDir = path.join(schemaUtils, "node_modules", "ajv");
  } catch {
    return false;
  }
  if (major(topAjv) >= 8 || !(major(path.join(nestedAjvDir, "package.json")) >= 8)) return false;
  const peers = ["ajv-keywords", "ajv-draft-04"].map(
    (p) => `${path.sep}node_modules${path.sep}${p}${path.sep}`,
  );
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (
      (request === "ajv" || request.startsWith("ajv/")) &&
      parent &&
      parent.filename &&
      peers.some((p) => parent.filename.includes(p))
    ) {
      const target = request === "ajv" ? nestedAjvDir : path.join(nestedAjvDir, request.slice(4));
      return original.call(this, target, parent, ...rest);
    }
    return original.call(this, request, parent, ...rest);
  };
  return true;
}

module.exports = { installed: install() };
