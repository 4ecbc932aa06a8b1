// The dev certificate: made once and reused across starts; when it is not trusted, the console gets the
// command that trusts it on this OS. Decisions are pure; the last tests make real certificates in a
// temporary folder (never the user's ~/.office-addin-dev-certs).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

interface Decision {
  action: 'reuse' | 'generate';
  reason: string;
}
interface Paths {
  dir: string;
  ca: string;
  cert: string;
  key: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const certs = require('../../scripts/dev-certs') as {
  MIN_DAYS_LEFT: number;
  VALID_DAYS: number;
  certificatePaths: (home?: string) => Paths;
  decideCertificates: (s: Record<string, unknown>, now: Date) => Decision;
  trustCommands: (platform: string, ca: string) => Array<{ where: string; command: string }>;
  trustAdvice: (s: { platform: string; caPath: string; systemTrusted: boolean; browserTrusted?: boolean | null; error?: string }) => string;
  inspectCertificates: (p: Paths) => Record<string, unknown>;
  ensureDevCertificates: (o: { trust?: boolean; log?: Pick<Console, 'log' | 'warn'>; platform?: string; paths?: Paths; now?: Date }) => Promise<{
    ca: Buffer; cert: Buffer; key: Buffer; generated: boolean; trusted: boolean;
  }>;
};

const NOW = new Date('2026-11-29T10:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const good = { exists: true, validTo: days(200), coversLocalhost: true, keyMatches: true, signedByCa: true };

describe('reuse or make anew', () => {
  test('a valid certificate is reused, whatever its age', () => {
    expect(certs.decideCertificates(good, NOW)).toEqual({ action: 'reuse', reason: expect.stringContaining('200 ngày') });
    expect(certs.decideCertificates({ ...good, validTo: days(certs.MIN_DAYS_LEFT + 0.5) }, NOW).action).toBe('reuse');
  });

  test.each([
    ['none on disk', { exists: false }, /chưa có/],
    ['unreadable', { exists: true }, /không đọc được/],
    ['expired', { ...good, validTo: days(-1) }, /hết hạn/],
    ['about to expire', { ...good, validTo: days(1) }, /sắp hết hạn/],
    ['not for localhost', { ...good, coversLocalhost: false }, /localhost/],
    ['key of another certificate', { ...good, keyMatches: false }, /khoá/],
    ['not signed by the CA', { ...good, signedByCa: false }, /CA/],
  ])('%s → made anew', (_label, state, why) => {
    const d = certs.decideCertificates(state, NOW);
    expect(d.action).toBe('generate');
    expect(d.reason).toMatch(why);
  });
});

describe('the command that trusts it, per OS', () => {
  const CA = '/u/an/.office-addin-dev-certs/ca.crt'; // a sample path, never read

  test('Linux: the system store (Debian, Fedora) and Chromium’s own NSS store', () => {
    const cmds = certs.trustCommands('linux', CA).map((c) => c.command);
    expect(cmds[0]).toBe(`sudo cp '${CA}' /usr/local/share/ca-certificates/office-addin-dev-certs.crt && sudo update-ca-certificates`);
    expect(cmds[1]).toMatch(/update-ca-trust$/);
    expect(cmds[2]).toMatch(new RegExp(`^mkdir -p ~/.pki/nssdb && certutil -d sql:\\$HOME/.pki/nssdb -A -t "C,," -n ".+" -i '${CA}'$`));
  });

  test('Windows: PowerShell and cmd, current user, no administrator', () => {
    const win = 'C:\\Users\\An\\.office-addin-dev-certs\\ca.crt';
    expect(certs.trustCommands('win32', win)).toEqual([
      { where: 'PowerShell', command: `Import-Certificate -FilePath "${win}" -CertStoreLocation Cert:\\CurrentUser\\Root` },
      { where: 'cmd', command: `certutil -user -addstore Root "${win}"` },
    ]);
  });

  test('macOS: the login keychain', () => {
    expect(certs.trustCommands('darwin', CA)).toEqual([
      { where: 'Terminal', command: `security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db '${CA}'` },
    ]);
  });

  test('advice names only what is missing, and nothing when all is trusted', () => {
    expect(certs.trustAdvice({ platform: 'darwin', caPath: CA, systemTrusted: true })).toBe('');
    expect(certs.trustAdvice({ platform: 'linux', caPath: CA, systemTrusted: true, browserTrusted: true })).toBe('');
    const chromiumOnly = certs.trustAdvice({ platform: 'linux', caPath: CA, systemTrusted: true, browserTrusted: null });
    expect(chromiumOnly).toContain('certutil');
    expect(chromiumOnly).not.toContain('update-ca-certificates');
    const both = certs.trustAdvice({ platform: 'linux', caPath: CA, systemTrusted: false, browserTrusted: false });
    for (const c of certs.trustCommands('linux', CA)) expect(both).toContain(c.command);
    const win = certs.trustAdvice({ platform: 'win32', caPath: CA, systemTrusted: false, error: 'Access denied' });
    expect(win).toMatch(/^⚠ .*Access denied/);
    expect(win).toContain('Import-Certificate');
  });
});

describe('on disk (a temporary home)', () => {
  let home: string;
  let paths: Paths;
  const quiet = () => {
    const out: string[] = [];
    return { out, log: { log: (m: string) => out.push(m), warn: (m: string) => out.push(m) } };
  };
  beforeAll(() => {
    home = mkdtempSync(path.join(os.tmpdir(), 'chitieu-certs-'));
    paths = certs.certificatePaths(home);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('the first start makes a certificate for localhost; the next ones reuse it byte for byte', async () => {
    const first = await certs.ensureDevCertificates({ paths, log: quiet().log, platform: 'linux', now: new Date() });
    expect(first.generated).toBe(true);
    const state = certs.inspectCertificates(paths);
    expect(state).toMatchObject({ exists: true, coversLocalhost: true, keyMatches: true, signedByCa: true });
    const left = ((state.validTo as Date).getTime() - Date.now()) / 86_400_000;
    expect(left).toBeGreaterThan(certs.VALID_DAYS - 2);

    const second = await certs.ensureDevCertificates({ paths, log: quiet().log, platform: 'linux', now: new Date() });
    expect(second.generated).toBe(false);
    expect(second.cert.equals(first.cert)).toBe(true);
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(paths.ca).equals(first.ca)).toBe(true);
  }, 60_000);

  test('an untrusted CA is reported on the console with the fixing command for its path', async () => {
    const { out, log } = quiet();
    const r = await certs.ensureDevCertificates({ paths, log, platform: 'linux', trust: true, now: new Date() });
    expect(r.trusted).toBe(false);
    expect(out.join('\n')).toContain(`sudo cp '${paths.ca}' /usr/local/share/ca-certificates/`);
  }, 60_000);

  test('a damaged key is replaced by a new set', async () => {
    writeFileSync(paths.key, 'not a key');
    expect(certs.decideCertificates(certs.inspectCertificates(paths), new Date()).action).toBe('generate');
    const r = await certs.ensureDevCertificates({ paths, log: quiet().log, platform: 'linux', now: new Date() });
    expect(r.generated).toBe(true);
    expect(certs.inspectCertificates(paths)).toMatchObject({ keyMatches: true });
  }, 60_000);
});
