/**
 * Every file the CLI reads or writes goes through here.
 * - Reading: only regular files (a FIFO, a device such as /dev/zero, a directory is refused at once —
 *   checked with stat before opening, and again with fstat on the opened descriptor, opened non-blocking
 *   so nothing can hang), up to MAX_INPUT_BYTES.
 * - Writing (one policy for every command): an existing output is refused without `--force`; an output
 *   that is one of the inputs (same real path, or same device + inode: symlinks, hard links) is refused
 *   even with `--force`; the bytes go to a temporary file in the same folder, renamed over the target
 *   at the end, so an interrupted run leaves the old file whole.
 */
import * as fs from "fs";
import * as path from "path";
import { CliError, InputError } from "./io";

/** The largest input file read (bytes on disk). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

function errCode(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

function kindOf(st: fs.Stats): { pl: string; en: string } | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return { pl: "katalog", en: "a directory" };
  if (st.isFIFO()) return { pl: "potok (FIFO)", en: "a pipe (FIFO)" };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { pl: "urządzenie", en: "a device" };
  if (st.isSocket()) return { pl: "gniazdo", en: "a socket" };
  return { pl: "nie zwykły plik", en: "not a regular file" };
}

/** An InputError whose `reason` (without the file name) serves lists of problems (summarize). */
function fileError(display: string, pl: string, en: string): InputError {
  return Object.assign(InputError.of(`${display}: ${pl}`, `${display}: ${en}`), { reason: { pl, en } });
}

function cannotRead(display: string, e: unknown): InputError {
  const code = errCode(e);
  if (code === "ENOENT")
    return fileError(
      display,
      "nie można odczytać pliku: nie ma takiego pliku",
      "cannot read the file: no such file",
    );
  if (code === "EACCES" || code === "EPERM")
    return fileError(
      display,
      "nie można odczytać pliku: brak uprawnień",
      "cannot read the file: permission denied",
    );
  if (code === "EISDIR") return fileError(display, "to katalog, nie plik", "a directory, not a file");
  const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return fileError(display, `nie można odczytać pliku: ${msg}`, `cannot read the file: ${msg}`);
}

function refuseKind(display: string, st: fs.Stats): void {
  const k = kindOf(st);
  if (k)
    throw fileError(
      display,
      `to ${k.pl}, nie zwykły plik — podaj plik .xlsx, .csv lub .json`,
      `${k.en}, not a regular file — give an .xlsx, .csv or .json file`,
    );
}

/** The bytes of a regular file; anything else is an InputError (exit 2) naming the file. */
export function readRegularFile(file: string, display: string = file): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw cannotRead(display, e);
  }
  refuseKind(display, st);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw cannotRead(display, e);
  }
  try {
    const fst = fs.fstatSync(fd);
    refuseKind(display, fst); // swapped between stat and open
    if (fst.size > MAX_INPUT_BYTES)
      throw fileError(
        display,
        `plik ma ${Math.round(fst.size / 1048576)} MB, więcej niż Miernik czyta (${MAX_INPUT_BYTES / 1048576} MB) — podziel go na mniejsze pliki`,
        `the file is ${Math.round(fst.size / 1048576)} MB, more than Miernik reads (${MAX_INPUT_BYTES / 1048576} MB) — split it`,
      );
    const buf = Buffer.alloc(fst.size);
    let off = 0;
    while (off < buf.length) {
      const n = fs.readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.subarray(0, off);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw cannotRead(display, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** What identifies a file on disk: its real path and device + inode. */
export interface FileIdentity {
  real: string;
  dev: number;
  ino: number;
}

export function identity(file: string): FileIdentity | null {
  try {
    const st = fs.statSync(file);
    return { real: fs.realpathSync(file), dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

export const sameFile = (a: FileIdentity, b: FileIdentity): boolean =>
  a.real === b.real || (a.dev === b.dev && a.ino === b.ino);

/**
 * Every output is an .xlsx workbook: a name ending otherwise (`-o wynik.csv`, `-o raport`) would give a
 * file Excel opens as garbage or not at all, so it is a usage error (exit 2). Checked after the input and
 * kind checks, so writing onto an input or a device is reported as such.
 */
function requireXlsxName(outArg: string): void {
  if (!/\.xlsx$/i.test(outArg))
    throw new CliError(
      `-o: plik wynikowy to skoroszyt .xlsx — podaj nazwę kończącą się na .xlsx, nie „${outArg}” / ` +
        `the output is an .xlsx workbook: give a name ending in .xlsx, not "${outArg}"`,
    );
}

/**
 * Checks an output path against the overwrite policy and returns its absolute path. `inputs` are every
 * file the command reads (data files, `--card`, `--applicants`).
 */
export function prepareOutput(
  outArg: string,
  cwd: string,
  opts: { force: boolean; inputs: readonly string[] },
): string {
  const target = path.resolve(cwd, outArg);
  const dir = path.dirname(target);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw InputError.of(`${outArg}: nie ma folderu ${dir}`, `${outArg}: no such folder ${dir}`);
  }
  if (!dirStat.isDirectory())
    throw InputError.of(`${outArg}: ${dir} nie jest folderem`, `${outArg}: ${dir} is not a folder`);
  const me = identity(target);
  // Where the file would be, even when it does not exist yet (its folder may be a symlink).
  const realTarget = me?.real ?? path.join(fs.realpathSync(dir), path.basename(target));
  for (const input of opts.inputs) {
    const id = identity(input);
    if (!id) continue;
    if ((me && sameFile(me, id)) || id.real === realTarget)
      throw InputError.of(
        `${outArg}: plik wynikowy to plik wejściowy ${path.relative(cwd, input) || input} — Miernik nigdy nie zapisuje na danych wejściowych; podaj inną nazwę`,
        `${outArg}: the output is the input file ${path.relative(cwd, input) || input}; Miernik never writes onto an input — give another name`,
      );
  }
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(target);
  } catch {
    st = null;
  }
  if (!st) {
    try {
      fs.lstatSync(target);
      throw InputError.of(
        `${outArg}: to zerwane dowiązanie symboliczne`,
        `${outArg}: a dangling symbolic link`,
      );
    } catch (e) {
      if (e instanceof InputError) throw e;
    }
    requireXlsxName(outArg);
    return target;
  }
  const k = kindOf(st);
  if (k)
    throw InputError.of(
      `${outArg}: to ${k.pl}, nie można go zastąpić`,
      `${outArg}: ${k.en}; it cannot be replaced`,
    );
  requireXlsxName(outArg);
  if (!opts.force)
    throw InputError.of(
      `plik ${outArg} już istnieje; użyj --force, aby go zastąpić`,
      `${outArg} exists; use --force to replace it`,
    );
  return target;
}

/**
 * The one-line message for an output that could not be written: what went wrong and what to do, naming
 * the output as typed and its folder — never the temporary file's name, which the user never chose.
 */
export function cannotWrite(outArg: string, target: string, e: unknown): InputError {
  const code = errCode(e);
  const dir = path.dirname(target);
  const [pl, en] =
    code === "EACCES" || code === "EPERM"
      ? [
          `brak uprawnień do zapisu w folderze ${dir} — wybierz inny folder (-o)`,
          `no permission to write in the folder ${dir}; choose another folder (-o)`,
        ]
      : code === "EROFS"
        ? [
            `folder ${dir} jest tylko do odczytu — wybierz inny folder (-o)`,
            `the folder ${dir} is read-only; choose another folder (-o)`,
          ]
        : code === "ENOSPC" || code === "EDQUOT"
          ? ["brak miejsca na dysku — zwolnij miejsce lub wybierz inny dysk", "no space left on the disk"]
          : code === "ENOENT"
            ? [`folder ${dir} zniknął w trakcie zapisu`, `the folder ${dir} disappeared while writing`]
            : [oneLineOf(e), oneLineOf(e)];
  // The message as before (the output named once); each language's line names the output.
  const out = new InputError(`${outArg}: nie można zapisać: ${pl} / cannot write: ${en}`);
  out.localized = { pl: `${outArg}: nie można zapisać: ${pl}`, en: `${outArg}: cannot write: ${en}` };
  return out;
}

function oneLineOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/** A temporary file beside `target` (the same folder, so the final rename replaces it in one step). */
function tempPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
}

/**
 * Writes `target` through a temporary file that `write` fills (a streaming writer), then renames it over
 * the target; on failure the temporary file is removed and the old target stays whole.
 */
export async function writeFileAtomicWith(
  target: string,
  write: (tmp: string) => Promise<void>,
): Promise<void> {
  const tmp = tempPathFor(target);
  try {
    await write(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created, or already gone */
    }
    throw e;
  }
}

export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const tmp = tempPathFor(target);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, "wx", 0o644);
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
