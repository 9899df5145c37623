/**
 * The manifest for production: every development URL (https://localhost:3000/…) rewritten to the
 * base URL the add-in is deployed at. Used by webpack.config.js (dist/manifest.xml) and the tests.
 */
"use strict";

const DEV_BASE_URL = "https://localhost:3000/";
const DEFAULT_BASE_URL = "https://miernik.example.org/";

/** Normalise and check a deployment base URL: https (Office requires it), ends with "/", not localhost. */
function normaliseBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new Error(`MIERNIK_BASE_URL "${baseUrl}" is not a URL (example: ${DEFAULT_BASE_URL})`);
  }
  if (url.protocol !== "https:")
    throw new Error(`MIERNIK_BASE_URL "${baseUrl}" must use https: Office loads add-ins over https only`);
  if (/^(localhost|127\.|\[::1\])/i.test(url.hostname))
    throw new Error(`MIERNIK_BASE_URL "${baseUrl}" points at this machine; give the public address`);
  if (url.search || url.hash)
    throw new Error(`MIERNIK_BASE_URL "${baseUrl}" must not have a query or fragment`);
  const s = url.toString();
  return s.endsWith("/") ? s : `${s}/`;
}

/** Rewrite the development URLs of a manifest to `baseUrl`. Throws if any localhost reference is left. */
function rewriteManifest(xml, baseUrl = DEFAULT_BASE_URL) {
  const base = normaliseBaseUrl(baseUrl);
  const out = String(xml).split(DEV_BASE_URL).join(base);
  const left = out.match(/[^"'\s>]*localhost[^"'\s<]*/i);
  if (left) throw new Error(`manifest still refers to localhost after rewriting: ${left[0]}`);
  return out;
}

/** The base URL for a production build: MIERNIK_BASE_URL or the documented default. */
function productionBaseUrl(env = process.env) {
  return normaliseBaseUrl(env.MIERNIK_BASE_URL || DEFAULT_BASE_URL);
}

module.exports = { DEV_BASE_URL, DEFAULT_BASE_URL, normaliseBaseUrl, rewriteManifest, productionBaseUrl };
