/**
 * Work-around for an install-layout problem, not a feature: with `legacy-peer-deps=true` (.npmrc)
 * npm hoists ajv-keywords@5 to the top of node_modules without its peer ajv@8, so it resolves the
 * top-level ajv@6 (eslint's) and crashes ("Cannot find module 'ajv/dist/compile/codegen'") when
 * copy-webpack-plugin or webpack-dev-server validate their options through schema-utils.
 * schema-utils carries its own ajv@8; this hook points ajv-keywords' `ajv` requests at it. It does
 * nothing when the top-level ajv is already 8+ (a fixed install) or no nested ajv@8 exists.
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
  const keywordsDir = `${path.sep}node_modules${path.sep}ajv-keywords${path.sep}`;
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (
      (request === "ajv" || request.startsWith("ajv/")) &&
      parent &&
      parent.filename &&
      parent.filename.includes(keywordsDir)
    ) {
      const target = request === "ajv" ? nestedAjvDir : path.join(nestedAjvDir, request.slice(4));
      return original.call(this, target, parent, ...rest);
    }
    return original.call(this, request, parent, ...rest);
  };
  return true;
}

module.exports = { installed: install() };
