#!/usr/bin/env node
/**
 * `npm start`: serves the add-in on port 3000 (webpack-dev-server, https with office-addin-dev-certs
 * certificates, or http on 127.0.0.1 if they cannot be made) and
 * - on Windows and macOS also sideloads manifest.xml into desktop Excel (office-addin-debugging);
 * - elsewhere (Linux) prints the URL, the manifest path and how to sideload it by hand, and points to
 *   the standalone page (the same pane in a plain browser).
 * Ctrl+C stops the server (and, on Windows/macOS, unregisters the sideloaded add-in).
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const PORT = 3000;
const AJV_FIX = path.join(__dirname, "ajv-peer-fix.js");

/** Run a package's CLI with this Node, with the ajv work-around preloaded (see ajv-peer-fix.js). */
function nodeCli(script, args, options) {
  return [process.execPath, ["-r", AJV_FIX, require.resolve(script, { paths: [ROOT] }), ...args], options];
}

/** Whether `office-addin-debugging start` can sideload on this OS. */
function canSideload(platform = process.platform) {
  return platform === "win32" || platform === "darwin";
}

/** The hand-sideloading instructions (Polish and English), for platforms without desktop Excel. */
function sideloadHelp({ manifest = MANIFEST, port = PORT, https = true, platform = process.platform } = {}) {
  const base = https ? `https://localhost:${port}/` : `http://127.0.0.1:${port}/`;
  const lines = [
    "",
    `Miernik: serwer działa / server running: ${base}taskpane.html`,
    `Manifest: ${manifest}`,
    "",
    "Excel w przeglądarce / Excel on the web:",
    "  Wstaw → Dodatki → Moje dodatki → Przekaż mój dodatek → wybierz manifest.xml",
    "  Insert → Add-ins → My Add-ins → Upload My Add-in → choose manifest.xml",
    "  (the browser must trust the development certificate: open the URL above once and accept it)",
    "",
    "Excel na komputerze / desktop Excel:",
    "  Windows: udostępnij folder z manifest.xml, dodaj go w Plik → Opcje → Centrum zaufania →",
    "           Wykazy zaufanych dodatków, potem Wstaw → Moje dodatki → Folder udostępniony",
    "           share a folder holding manifest.xml, add it under File → Options → Trust Center →",
    "           Trusted Add-in Catalogs, then Insert → My Add-ins → Shared Folder",
    "  macOS:   skopiuj manifest.xml do / copy manifest.xml to",
    "           ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
    "",
    "Bez Excela / without Excel: otwórz w przeglądarce / open in a browser",
    `  ${base}taskpane.html  (ten sam panel jako samodzielna strona / the same pane, standalone)`,
    "",
  ];
  if (!https)
    lines.push(
      "Uwaga / note: plain http — Office loads add-ins over https only; the standalone page works.",
      "",
    );
  if (canSideload(platform)) lines.splice(1, 0, "(Sideloading into desktop Excel failed; do it by hand:)");
  return lines.join("\n");
}

function startServer() {
  return spawn(
    ...nodeCli("webpack-cli/bin/cli.js", ["serve", "--mode", "development"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

function main() {
  const server = startServer();
  let announced = false;
  let https = true;
  server.stderr.on("data", (chunk) => process.stderr.write(chunk));
  server.stdout.on("data", (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/plain http/i.test(text)) https = false;
    if (announced || !/compiled (successfully|with)/i.test(text)) return;
    announced = true;
    if (canSideload()) {
      const r = spawnSync(
        ...nodeCli(
          "office-addin-debugging/cli.js",
          ["start", MANIFEST, "desktop", "--app", "excel", "--no-debug", "--dev-server-port", String(PORT)],
          { cwd: ROOT, stdio: "inherit" },
        ),
      );
      if (r.status !== 0) console.log(sideloadHelp({ https }));
    } else {
      console.log(sideloadHelp({ https }));
    }
  });
  const stop = () => {
    if (canSideload())
      spawnSync(
        ...nodeCli("office-addin-debugging/cli.js", ["stop", MANIFEST], { cwd: ROOT, stdio: "inherit" }),
      );
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

module.exports = { canSideload, sideloadHelp };

if (require.main === module) main();
