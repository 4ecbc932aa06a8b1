'use strict';
/**
 * The development server's HTTPS certificate, made once and reused across starts (the browser or Excel is
 * told to trust it once, not on every `npm start`). Files: ~/.office-addin-dev-certs/{ca.crt, localhost.crt,
 * localhost.key}, the folder office-addin-dev-certs uses, so its own commands see the same certificate.
 * When the CA cannot be trusted automatically, the console gets the command that does it on this OS.
 * decideCertificates, trustCommands and trustAdvice are pure (test/scripts/dev-certs.test.ts).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const DAY_MS = 24 * 60 * 60 * 1000;
/** A certificate with less left than this is made anew (a start should not fail half-way through a day). */
const MIN_DAYS_LEFT = 2;
/** Validity of a new certificate: one year (browsers refuse leaf certificates longer than 398 days). */
const VALID_DAYS = 365;
const DOMAINS = ['127.0.0.1', 'localhost'];
/** The nickname under which the fix for Chromium/Chrome on Linux stores the CA. */
const NSS_NICKNAME = 'chitieu dev CA (office-addin-dev-certs)';

function certificatePaths(home = os.homedir()) {
  const dir = path.join(home, '.office-addin-dev-certs');
  return { dir, ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
}

/**
 * Reuse or make anew, from what is on disk.
 * @param {{exists: boolean, validTo?: Date, coversLocalhost?: boolean, keyMatches?: boolean, signedByCa?: boolean}} state
 * @param {Date} now
 * @returns {{action: 'reuse'|'generate', reason: string}}
 */
function decideCertificates(state, now) {
  if (!state.exists) return { action: 'generate', reason: 'chưa có chứng chỉ phát triển' };
  if (!state.validTo || Number.isNaN(state.validTo.getTime())) return { action: 'generate', reason: 'không đọc được chứng chỉ cũ' };
  const daysLeft = (state.validTo.getTime() - now.getTime()) / DAY_MS;
  if (daysLeft < MIN_DAYS_LEFT) {
    return { action: 'generate', reason: daysLeft <= 0 ? 'chứng chỉ cũ đã hết hạn' : 'chứng chỉ cũ sắp hết hạn' };
  }
  if (!state.coversLocalhost) return { action: 'generate', reason: 'chứng chỉ cũ không dành cho localhost' };
  if (!state.keyMatches) return { action: 'generate', reason: 'khoá riêng không khớp chứng chỉ' };
  if (!state.signedByCa) return { action: 'generate', reason: 'chứng chỉ không do CA phát triển ký' };
  return { action: 'reuse', reason: `dùng lại chứng chỉ còn hạn ${Math.floor(daysLeft)} ngày` };
}

/**
 * The commands that make this OS (and its browsers) trust the development CA, as the user would type them.
 * @param {NodeJS.Platform} platform
 * @param {string} caPath
 * @returns {Array<{where: string, command: string}>}
 */
function trustCommands(platform, caPath) {
  switch (platform) {
    case 'win32':
      return [
        { where: 'PowerShell', command: `Import-Certificate -FilePath "${caPath}" -CertStoreLocation Cert:\\CurrentUser\\Root` },
        { where: 'cmd', command: `certutil -user -addstore Root "${caPath}"` },
      ];
    case 'darwin':
      return [
        { where: 'Terminal', command: `security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db '${caPath}'` },
      ];
    default:
      return [
        {
          where: 'Debian/Ubuntu (hệ thống, gói ca-certificates)',
          command: `sudo cp '${caPath}' /usr/local/share/ca-certificates/office-addin-dev-certs.crt && sudo update-ca-certificates`,
        },
        {
          where: 'Fedora/RHEL (hệ thống)',
          command: `sudo cp '${caPath}' /etc/pki/ca-trust/source/anchors/office-addin-dev-certs.crt && sudo update-ca-trust`,
        },
        {
          where: 'Chromium/Chrome (kho NSS riêng, gói libnss3-tools)',
          command: `mkdir -p ~/.pki/nssdb && certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "${NSS_NICKNAME}" -i '${caPath}'`,
        },
      ];
  }
}

/**
 * What to print when the CA is not trusted (empty when it is).
 * @param {{platform: NodeJS.Platform, caPath: string, systemTrusted: boolean, browserTrusted?: boolean|null, error?: string}} s
 * @returns {string}
 */
function trustAdvice({ platform, caPath, systemTrusted, browserTrusted = null, error }) {
  const cmds = trustCommands(platform, caPath);
  // On Linux the system store and Chromium's own store are separate: advise whichever is missing.
  const needed =
    platform === 'linux'
      ? cmds.filter((c) => (c.where.startsWith('Chromium') ? browserTrusted !== true : !systemTrusted))
      : systemTrusted
        ? []
        : cmds;
  if (needed.length === 0) return '';
  const head = systemTrusted
    ? 'Trình duyệt Chromium/Chrome chưa tin CA phát triển (Linux: nó có kho chứng chỉ riêng). / Chromium does not trust the development CA yet.'
    : `Chưa cài được CA phát triển vào kho tin cậy${error ? ` (${error})` : ''}. / The development CA is not trusted yet.`;
  return [
    `⚠ ${head}`,
    '  Excel và trình duyệt sẽ từ chối https://localhost cho tới khi chạy (một lần) / run once:',
    ...needed.map((c) => `    [${c.where}]\n      ${c.command}`),
    '  rồi mở lại trình duyệt / Excel. Chứng chỉ được dùng lại ở các lần npm start sau. / The certificate is reused by later starts.',
  ].join('\n');
}

/** What is on disk, for decideCertificates. */
function inspectCertificates(paths) {
  if (![paths.ca, paths.cert, paths.key].every((f) => fs.existsSync(f))) return { exists: false };
  try {
    const ca = new crypto.X509Certificate(fs.readFileSync(paths.ca));
    const cert = new crypto.X509Certificate(fs.readFileSync(paths.cert));
    const key = crypto.createPrivateKey(fs.readFileSync(paths.key));
    return {
      exists: true,
      validTo: new Date(Math.min(Date.parse(cert.validTo), Date.parse(ca.validTo))),
      coversLocalhost: cert.checkHost('localhost') !== undefined,
      keyMatches: cert.checkPrivateKey(key),
      signedByCa: cert.checkIssued(ca) && cert.verify(ca.publicKey),
    };
  } catch {
    return { exists: true };
  }
}

const sameFile = (a, b) => {
  try {
    return fs.readFileSync(a).equals(fs.readFileSync(b));
  } catch {
    return false;
  }
};

/** Is this CA in the OS's trust store? */
function systemTrusts(platform, caPath) {
  if (platform === 'linux') {
    return [
      '/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt', // where office-addin-dev-certs puts it
      '/usr/local/share/ca-certificates/office-addin-dev-certs.crt', // where trustCommands puts it
      '/etc/pki/ca-trust/source/anchors/office-addin-dev-certs-ca.crt',
      '/etc/pki/ca-trust/source/anchors/office-addin-dev-certs.crt',
    ].some((f) => sameFile(f, caPath));
  }
  try {
    const { getCaCertificateStatus, CertificateStatus } = require('office-addin-dev-certs/lib/verify');
    return getCaCertificateStatus().status === CertificateStatus.Installed;
  } catch {
    return false;
  }
}

/** Linux: does Chromium's NSS store hold our CA? null when certutil is not installed (cannot tell). */
function chromiumTrusts(caPath) {
  try {
    const pem = execFileSync('certutil', ['-d', `sql:${path.join(os.homedir(), '.pki', 'nssdb')}`, '-L', '-n', NSS_NICKNAME, '-a'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    return new crypto.X509Certificate(pem).fingerprint256 === new crypto.X509Certificate(fs.readFileSync(caPath)).fingerprint256;
  } catch (err) {
    return err && err.code === 'ENOENT' ? null : false;
  }
}

/**
 * The certificate for the dev server: reused when still good, otherwise made anew. With `trust`, also tries
 * to trust the CA (office-addin-dev-certs: sudo on Linux, the user store on Windows, the keychain on macOS)
 * and prints the fixing commands on the console when that is not done.
 * @returns {Promise<{ca: Buffer, cert: Buffer, key: Buffer, generated: boolean, trusted: boolean}>}
 */
async function ensureDevCertificates({ trust = false, log = console, platform = process.platform, paths = certificatePaths(), now = new Date() } = {}) {
  const decision = decideCertificates(inspectCertificates(paths), now);
  if (decision.action === 'generate') {
    log.log(`Tạo chứng chỉ HTTPS phát triển (${decision.reason}), hạn ${VALID_DAYS} ngày: ${paths.dir}`);
    // office-addin-dev-certs writes only when ca.crt is absent: remove the old set first.
    for (const f of [paths.ca, paths.cert, paths.key]) fs.rmSync(f, { force: true });
    const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
    await generateCertificates(paths.ca, paths.cert, paths.key, VALID_DAYS, DOMAINS);
  }
  let systemTrusted = systemTrusts(platform, paths.ca);
  let error;
  if (trust && !systemTrusted && platform !== 'linux') {
    // Windows and macOS trust it for the current user without administrator rights.
    try {
      const { installCaCertificate } = require('office-addin-dev-certs/lib/install');
      await installCaCertificate(paths.ca, false);
      systemTrusted = systemTrusts(platform, paths.ca);
    } catch (err) {
      error = String((err && err.message) || err).split('\n')[0];
    }
  }
  const browserTrusted = platform === 'linux' ? chromiumTrusts(paths.ca) : null;
  if (trust) {
    const advice = trustAdvice({ platform, caPath: paths.ca, systemTrusted, browserTrusted, error });
    if (advice) log.warn(advice);
  }
  return {
    ca: fs.readFileSync(paths.ca),
    cert: fs.readFileSync(paths.cert),
    key: fs.readFileSync(paths.key),
    generated: decision.action === 'generate',
    trusted: systemTrusted && browserTrusted !== false,
  };
}

module.exports = {
  MIN_DAYS_LEFT,
  VALID_DAYS,
  certificatePaths,
  decideCertificates,
  trustCommands,
  trustAdvice,
  inspectCertificates,
  ensureDevCertificates,
};
