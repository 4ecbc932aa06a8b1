// LibreOffice as a second, real spreadsheet engine for tests: it opens an .xlsx headless, recalculates
// every formula on load and saves it back as .xlsx, so ExcelJS can read the computed cached values.
//
// Facts checked on LibreOffice 7.4 (Debian libreoffice-calc-nogui):
// - By default LibreOffice keeps the cached results of an OOXML file (a stale <v> survives); it only
//   computes formula cells that have none. The profile setting OOXMLRecalcMode = 0 ("always") makes it
//   recompute every formula, so each test process gets its own profile that says so.
// - soffice exits 0 even when it cannot load the input ("Error: source file could not be loaded" on
//   stderr): success is judged by the output file, removed beforehand so a stale one cannot pass.
// - /usr/bin/soffice is a shell script that execs oosplash, which forks soffice.bin: on a timeout the
//   whole process group is killed, or soffice.bin would be left holding the profile and our pipes.
// - Two soffice processes on one profile hand the work to each other over a pipe, which is racy: calls
//   in one process are queued, and separate processes (jest workers) use separate profiles.
// - Works as root, with no display (or a bogus DISPLAY) and with an unwritable HOME.
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { pathToFileURL } from 'url';

const SOFFICE = 'soffice';
const TIMEOUT_MS = 120_000;
const INSTALL_HINT = 'install LibreOffice: apt-get install libreoffice-calc-nogui';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Is `soffice` an executable file in a directory on PATH? */
export function libreOfficeAvailable(): boolean {
  return findOnPath(SOFFICE) !== null;
}

function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      if (fs.statSync(candidate).isFile()) {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return null;
}

let profile: string | null = null;

/** This module instance's profile (in jest one per test file, so never shared between workers): the
 *  first start of a fresh profile is a little slower, later calls reuse it. */
function profileDir(): string {
  if (profile) return profile;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-lo-profile-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  profile = dir;
  return dir;
}

// Remove the profile when done: in jest after the test file (its `process` is a sandbox copy whose 'exit'
// listeners never run), elsewhere when the process exits.
if (typeof afterAll === 'function') {
  try {
    afterAll(dropProfile);
  } catch {
    process.once('exit', dropProfile);
  }
} else {
  process.once('exit', dropProfile);
}

function dropProfile(): void {
  if (!profile) return;
  try {
    fs.rmSync(profile, { recursive: true, force: true });
  } catch {
    // best effort
  }
  profile = null;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Opens `inputXlsx` in LibreOffice, recalculates every formula and saves it as .xlsx in `outDir` (a fresh
 * temporary directory if omitted) under the same base name. Returns the path of that file.
 */
export async function recalculateWithLibreOffice(inputXlsx: string, outDir?: string): Promise<string> {
  const input = path.resolve(inputXlsx);
  if (!fs.existsSync(input)) throw new Error(`recalculateWithLibreOffice: no such file ${input}`);
  if (!libreOfficeAvailable()) {
    throw new Error(`LibreOffice is needed to recalculate ${path.basename(input)} but "${SOFFICE}" is not on PATH (${process.env.PATH ?? ''}): ${INSTALL_HINT}`);
  }
  const out = path.resolve(outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-lo-out-')));
  fs.mkdirSync(out, { recursive: true });
  const result = path.join(out, `${path.parse(input).name}.xlsx`);
  if (result === input) {
    throw new Error(`recalculateWithLibreOffice: the result would overwrite its input ${input}; pass another outDir`);
  }
  // The import filter is named: with LibreOffice Writer installed, a file that is no spreadsheet would
  // otherwise open as a text document (and the export to .xlsx then crashes soffice).
  const job = queue.then(() => convert(input, out, result, 'xlsx:Calc MS Excel 2007 XML', 'Calc MS Excel 2007 XML'));
  queue = job.catch(() => undefined);
  return job;
}

/**
 * Opens a CSV or HTML file in LibreOffice Calc (`infilter`, e.g. "HTML (StarCalc)" or
 * "CSV:44,34,76,1,…") and saves it as .xlsx in `outDir`: what a user gets from "Save as .xlsx".
 */
export async function convertToXlsxWithLibreOffice(input: string, infilter: string, outDir: string): Promise<string> {
  const file = path.resolve(input);
  if (!libreOfficeAvailable()) throw new Error(`LibreOffice is needed to convert ${path.basename(file)}: ${INSTALL_HINT}`);
  const result = path.join(path.resolve(outDir), `${path.parse(file).name}.xlsx`);
  const job = queue.then(() => convert(file, path.resolve(outDir), result, 'xlsx:Calc MS Excel 2007 XML', infilter));
  queue = job.catch(() => undefined);
  return job;
}

/**
 * Converts `input` with LibreOffice to another format (`docx`, `odt` …; the filter as soffice takes it after
 * --convert-to) in `outDir`, same base name; returns the path written. Used to make real Word files.
 */
export async function convertWithLibreOffice(input: string, filter: string, outDir: string): Promise<string> {
  const file = path.resolve(input);
  if (!libreOfficeAvailable()) throw new Error(`LibreOffice is needed to convert ${path.basename(file)}: ${INSTALL_HINT}`);
  const result = path.join(path.resolve(outDir), `${path.parse(file).name}.${filter.split(':')[0]}`);
  if (result === file) throw new Error(`convertWithLibreOffice: the result would overwrite its input ${file}`);
  const job = queue.then(() => convert(file, path.resolve(outDir), result, filter));
  queue = job.catch(() => undefined);
  return job;
}

async function convert(input: string, out: string, result: string, filter: string, inFilter?: string): Promise<string> {
  fs.rmSync(result, { force: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(profileDir()).href}`,
    '--headless', '--invisible', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
    ...(inFilter ? [`--infilter=${inFilter}`] : []),
    '--convert-to', filter, '--outdir', out, input,
  ];
  const described = `${SOFFICE} ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    // spawn, not execFile: execFile passes no `detached` on, and its timeout kills only the oosplash
    // wrapper, while soffice.bin lives on holding the profile and the output pipes (so the callback
    // never comes). In a process group of its own, a timeout kills all of it.
    const child = spawn(SOFFICE, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const so: Buffer[] = [];
    const se: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => so.push(b));
    child.stderr.on('data', (b: Buffer) => se.push(b));
    let timedOut = false;
    let spawnError: NodeJS.ErrnoException | null = null;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, TIMEOUT_MS);
    child.on('error', (err: NodeJS.ErrnoException) => { spawnError = err; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutText = Buffer.concat(so).toString('utf8').trim();
      const stderrText = Buffer.concat(se).toString('utf8').trim();
      if (!spawnError && !timedOut && code === 0) return resolve({ stdout: stdoutText, stderr: stderrText });
      dropProfile(); // it may be locked or half-written: the next call starts afresh
      let why: string;
      const failure = spawnError as NodeJS.ErrnoException | null;
      if (failure?.code === 'ENOENT') why = `"${SOFFICE}" could not be started (not found on PATH): ${INSTALL_HINT}`;
      else if (failure) why = `"${SOFFICE}" could not be started: ${failure.message}`;
      else if (timedOut) why = `soffice did not finish within ${TIMEOUT_MS / 1000} s and was killed`;
      else if (signal) why = `soffice was killed by ${signal}`;
      else why = `soffice exited with code ${String(code)}`;
      reject(new Error(`${why}\n  command: ${described}\n  stderr: ${stderrText || '(empty)'}\n  stdout: ${stdoutText || '(empty)'}`));
    });
  });
  if (!fs.existsSync(result)) {
    throw new Error(`soffice exited 0 but wrote no ${result} (LibreOffice could not load or convert ${input})\n  command: ${described}\n  stderr: ${stderr || '(empty)'}\n  stdout: ${stdout || '(empty)'}`);
  }
  return result;
}
