#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` into lib/ (dist/ is the add-in only).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("miernik: the CLI is not built yet; run `npm run build:cli` first.\n");
  process.exit(2);
}
// `miernik validate x.xlsx | head`: the reader may close the pipe before the output ends. What it did not read is
// not wanted; that is no error (no stack trace), and the command still finishes what it writes to files.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e) => {
    if (e && (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED")) return;
    throw e;
  });
require(entry)
  .run(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`miernik: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
