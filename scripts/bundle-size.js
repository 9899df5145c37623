#!/usr/bin/env node
/**
 * Prints the first-load size of the task pane after `npm run build`: the page plus the scripts and
 * stylesheets it loads from the add-in itself (office.js from the CDN is not counted), raw and
 * gzipped, and separately the chunks loaded later on demand (ExcelJS, other tabs, the Web Worker…).
 * A chunk the pane fetched in Excel before its first screen would have to be named `startup-excel-*` to
 * be counted in "in Excel"; there is none today — the Excel host, the Web Worker and the message bars are
 * fetched after the first screen or on first use.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function localRefs(html) {
  const refs = [];
  // Attribute values may be quoted or, in minified HTML, bare.
  const attr = (name) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i");
  const value = (m) => m[1] ?? m[2] ?? m[3];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const m = attr("src").exec(tag);
    if (m) refs.push(value(m));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr("rel").exec(tag);
    const href = attr("href").exec(tag);
    if (rel && href && /stylesheet/i.test(value(rel))) refs.push(value(href));
  }
  return refs.filter((r) => !/^(https?:)?\/\//i.test(r) && !r.startsWith("/office-js/"));
}

function sizes(file) {
  const buf = fs.readFileSync(file);
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

/** First-load files of a page and the lazily loaded chunks, with raw and gzip byte counts. */
function measure(distDir = path.join(__dirname, "..", "dist"), page = "taskpane.html") {
  const pageFile = path.join(distDir, page);
  if (!fs.existsSync(pageFile)) throw new Error(`${pageFile} does not exist: run "npm run build" first`);
  const html = fs.readFileSync(pageFile, "utf8");
  const first = [{ file: page, ...sizes(pageFile) }];
  for (const ref of localRefs(html)) {
    const file = path.join(distDir, decodeURIComponent(ref.replace(/^\.?\//, "").split(/[?#]/)[0]));
    if (!fs.existsSync(file)) throw new Error(`${page} loads ${ref}, which is not in ${distDir}`);
    first.push({ file: path.relative(distDir, file), ...sizes(file) });
  }
  const lazy = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith(".chunk.js"))
    .map((f) => ({ file: f, ...sizes(path.join(distDir, f)) }));
  const total = (list) =>
    list.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const firstExcel = [...first, ...lazy.filter((f) => f.file.startsWith("startup-excel-"))];
  return {
    first,
    firstTotal: total(first),
    firstExcel,
    firstExcelTotal: total(firstExcel),
    lazy,
    lazyTotal: total(lazy),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

module.exports = { measure, localRefs };

if (require.main === module) {
  try {
    const m = measure();
    console.log("Miernik task pane — first load (office.js from the CDN not included):");
    for (const f of m.first)
      console.log(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
    console.log(
      `  ${"total".padEnd(40)} ${kb(m.firstTotal.raw).padStart(10)}  gzip ${kb(m.firstTotal.gzip).padStart(9)}`,
    );
    console.log(
      `  ${"in Excel (+ startup-excel-* chunks)".padEnd(40)} ${kb(m.firstExcelTotal.raw).padStart(10)}  gzip ${kb(m.firstExcelTotal.gzip).padStart(9)}`,
    );
    console.log(`Loaded on demand (${m.lazy.length} chunks, e.g. ExcelJS for .xlsx files):`);
    for (const f of m.lazy)
      console.log(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`);
  } catch (e) {
    console.error(`bundle-size: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
