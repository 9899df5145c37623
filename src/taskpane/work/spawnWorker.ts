/**
 * Starts the pane's Web Worker, or returns null where there is none (old webviews, tests). Imported by
 * the entry (../index.tsx) only: `import.meta.url` is what webpack needs to bundle the worker, and
 * TypeScript, which checks the pane as CommonJS, does not allow it (TS1470) — webpack compiles the
 * pane as ES modules, where it is fine.
 */
export function spawnPaneWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    // @ts-expect-error TS1470: import.meta in a file TypeScript checks as CommonJS (webpack builds ESM).
    return new Worker(new URL("./pane.worker.ts", import.meta.url), { name: "miernik" });
  } catch {
    return null;
  }
}
