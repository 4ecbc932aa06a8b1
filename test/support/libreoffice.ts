// LibreOffice as a second, real spreadsheet engine for tests: it opens an .xlsx headless, recalculates
// every formula on load (a profile setting: by default it keeps the cached results of OOXML files) and
// saves it back as .xlsx, so ExcelJS can read the computed values.
import { execFile, execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'fs';
import os from 'os';
import path from 'path';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function libreOfficeAvailable(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let profile: string | null = null;

/** One profile per test process (a jest worker): a first start is slow, later ones reuse it. */
function profileDir(): string {
  if (profile) return profile;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-lo-profile-'));
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  profile = dir;
  return dir;
}

export async function recalculateWithLibreOffice(inputXlsx: string, outDir?: string): Promise<string> {
  if (!libreOfficeAvailable()) {
    throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui (.ci/run does it)');
  }
  const out = outDir ?? mkdtempSync(path.join(os.tmpdir(), 'chitieu-lo-out-'));
  mkdirSync(out, { recursive: true });
  const args = [
    `-env:UserInstallation=file://${profileDir()}`, '--headless', '--norestore', '--nolockcheck', '--nodefault',
    '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, inputXlsx,
  ];
  await new Promise<void>((resolve, reject) => {
    execFile('soffice', args, { timeout: 180_000, env: { ...process.env, HOME: profileDir() } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`soffice failed (${err.code ?? err.signal}): ${stderr || stdout}`));
      else resolve();
    });
  });
  const result = path.join(out, path.basename(inputXlsx).replace(/\.[^.]+$/, '') + '.xlsx');
  if (!existsSync(result)) throw new Error(`soffice wrote no ${result}`);
  return result;
}
