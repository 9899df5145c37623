/**
 * LibreOffice headless as a second spreadsheet engine, for the bench's peer comparison and the tests'
 * recalculation checks: one `soffice --convert-to` run in a fresh profile whose registrymodifications.xcu
 * sets OOXMLRecalcMode and ODFRecalcMode to 0 ("always"), so what it writes are LibreOffice's own results,
 * not the values cached in the file.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const SOFFICE: string | null =
  ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].find((p) =>
    fs.existsSync(p),
  ) ?? null;

export const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface SofficeRun {
  /** The run's temporary folder (profile and output): the caller removes it when done. */
  work: string;
  /** Where the converted files are. */
  out: string;
  ms: number;
  /** Stopped after the time limit (`ms` is then that limit). */
  timedOut: boolean;
  /** Any other failure to run soffice. */
  error?: Error;
  stdout: string;
  stderr: string;
}

export interface ConvertOptions {
  /** Where the converted files go (default: `out` in the run's temporary folder). */
  outDir?: string;
  /** The profile's system locale (e.g. "pl-PL": number formats follow it, as on a user's machine). */
  locale?: string;
}

/** Converts `files` with `filter` (e.g. a CSV filter string) in one soffice run, recalculating on load. */
export function convertWithRecalc(
  files: string[],
  filter: string,
  timeoutMs: number,
  opts: ConvertOptions = {},
): SofficeRun {
  if (!SOFFICE)
    throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "miernik-lo-"));
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  const localeItem =
    opts.locale === undefined
      ? ""
      : `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">` +
        `<value>${opts.locale}</value></prop></item>\n`;
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    RECALC_ALWAYS.replace("</oor:items>", `${localeItem}</oor:items>`),
  );
  const out = opts.outDir ?? path.join(work, "out");
  fs.mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(
    SOFFICE,
    [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      filter,
      "--outdir",
      out,
      ...files,
    ],
    { encoding: "utf8", timeout: timeoutMs },
  );
  const ms = performance.now() - t0;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return {
    work,
    out,
    ms,
    timedOut,
    error: r.error && !timedOut ? r.error : undefined,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
  };
}
