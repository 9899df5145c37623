/**
 * webpack 5 build of the add-in: the task pane, the ribbon's function file and a static help page.
 *
 *   npx webpack --mode production    → dist/ (CDN office.js, manifest rewritten to MIERNIK_BASE_URL)
 *   npx webpack serve --mode development (npm start) → https://localhost:3000 with local office.js
 *
 * Environment:
 *   MIERNIK_BASE_URL   production address of the add-in (default https://miernik.example.org/)
 *   MIERNIK_OFFICE_JS  override the office.js <script> URL ("none" leaves it out; e.g. tests
 *                      serving the build offline point it at a local copy)
 */
"use strict";
require("./scripts/ajv-peer-fix"); // must precede the plugins: see the file
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { rewriteManifest, productionBaseUrl } = require("./scripts/manifest");

const ROOT = __dirname;
const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DEV = "/office-js/office.js";
const OFFICE_JS_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/** The HTML pages the build emits (the manifest's URLs must name only these and assets/). */
const PAGES = [
  { filename: "taskpane.html", template: "src/taskpane/taskpane.html", chunks: ["taskpane"], officeJs: true },
  { filename: "commands.html", template: "src/commands/commands.html", chunks: ["commands"], officeJs: true },
  { filename: "help.html", template: "src/taskpane/help.html", chunks: [], officeJs: false },
];

const ENTRIES = {
  taskpane: "./src/taskpane/index.tsx",
  commands: "./src/commands/commands.ts",
};

/** Every file the build puts in dist/ from sources (not the hashed bundles): pages, assets, manifest. */
function staticOutputs() {
  const assets = fs
    .readdirSync(path.join(ROOT, "assets"))
    .filter((f) => !f.startsWith("."))
    .map((f) => `assets/${f}`);
  return [...PAGES.map((p) => p.filename), ...assets, "manifest.xml"];
}

function officeJsUrl(dev) {
  const override = process.env.MIERNIK_OFFICE_JS;
  if (override === "none") return "";
  if (override) return override;
  return dev ? OFFICE_JS_DEV : OFFICE_JS_CDN;
}

/**
 * The Content-Security-Policy every page carries (a <meta> tag: the add-in is static files, so it does
 * not depend on the web server's headers). Scripts only from the add-in's origin and office.js's CDN
 * (no inline scripts, no eval); workers only from the add-in's origin; no requests anywhere else.
 * Styles allow 'unsafe-inline': Fluent UI's Griffel and FluentProvider inject <style> elements at run
 * time, and a nonce in a static page would be a constant, no better than 'unsafe-inline'. Inline styles
 * cannot run code; the pane renders user data only as text (React escapes it).
 */
function contentSecurityPolicy(officeJs) {
  const scriptSrc = ["'self'"];
  if (/^https?:\/\//i.test(officeJs)) scriptSrc.push(new URL(officeJs).origin);
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * https options for the dev server: office-addin-dev-certs certificates (generated and trusted on
 * first use). Where they can be generated but not trusted (no sudo on Linux) the generated files are
 * used as they are — the browser must then be told to trust ca.crt. When no certificate can be had
 * (or MIERNIK_DEV_HTTP=1), null: plain http on 127.0.0.1. The reason is printed either way.
 */
async function devHttpsOptions() {
  if (process.env.MIERNIK_DEV_HTTP === "1") {
    console.log(`[miernik] MIERNIK_DEV_HTTP=1: serving plain http on http://127.0.0.1:${DEV_PORT}/`);
    return null;
  }
  let why;
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch (e) {
    why = e instanceof Error ? e.message.split("\n")[0] : String(e);
  }
  try {
    const d = require("office-addin-dev-certs/lib/defaults");
    const options = {
      ca: fs.readFileSync(d.caCertificatePath),
      cert: fs.readFileSync(d.localhostCertificatePath),
      key: fs.readFileSync(d.localhostKeyPath),
    };
    console.log(
      `[miernik] Development certificates could not be trusted automatically (${why}).\n` +
        `[miernik] Serving https with the generated certificate; trust ${d.caCertificatePath} in your browser ` +
        `or system to load the add-in in Office.`,
    );
    return options;
  } catch (e) {
    const more = e instanceof Error ? e.message.split("\n")[0] : String(e);
    console.log(
      `[miernik] Could not create development certificates (${why}; ${more}).\n` +
        `[miernik] Serving plain http on http://127.0.0.1:${DEV_PORT}/ instead — fine for the standalone page ` +
        `and local tests; Office needs https to load the add-in.`,
    );
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = dev ? null : productionBaseUrl();
  const https = serving ? await devHttpsOptions() : null;
  const scriptUrl = officeJsUrl(dev);

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: ENTRIES,
    output: {
      path: path.join(ROOT, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      publicPath: "auto",
      // dist/ is only what is deployed: the CLI builds into lib/ (npm run build:cli).
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // TypeScript (nodenext) wants "./x.js" in dynamic imports; the source is ./x.ts.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          // Only Storage and Utilities of office-js-helpers: its OAuth/Dialog/UI modules are cut out (see the loader).
          test: /[\\/]@microsoft[\\/]office-js-helpers[\\/]dist[\\/]office\.helpers\.js$/,
          use: path.join(ROOT, "scripts", "office-js-helpers-subset.js"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler" },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: p.filename,
            template: p.template,
            chunks: p.chunks,
            inject: p.chunks.length > 0 ? "body" : false,
            scriptLoading: "blocking",
            templateParameters: {
              officeJsUrl: p.officeJs ? scriptUrl : "",
              csp: contentSecurityPolicy(p.officeJs ? scriptUrl : ""),
            },
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : Buffer.from(rewriteManifest(content.toString(), baseUrl)),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: https ? "localhost" : "127.0.0.1",
      server: https ? { type: "https", options: https } : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
      // office.js from the npm package, so development needs no internet.
      static: [{ directory: OFFICE_JS_DIST, publicPath: "/office-js", watch: false }],
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
      liveReload: true,
    },
  };
};

module.exports.PAGES = PAGES;
module.exports.ENTRIES = ENTRIES;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_DEV = OFFICE_JS_DEV;
module.exports.DEV_PORT = DEV_PORT;
module.exports.staticOutputs = staticOutputs;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
