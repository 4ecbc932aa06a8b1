'use strict';
/**
 * The production manifest: manifest.xml with every https://localhost:3000/ replaced by the deployment URL
 * (CHITIEU_PROD_URL), its own <Id> (Office keeps the development and the deployed add-in apart) and the
 * package's version (Office updates an add-in when the version grows).
 * Used by scripts/build.js, webpack.config.js (production) and test/manifest.test.ts.
 */
const fs = require('fs');
const path = require('path');

const DEV_URL = 'https://localhost:3000/';
/** Fixed: every production build of chitieu is the same add-in for Office, whatever its host. */
const PROD_ID = '4494d70d-599e-4c44-928a-ef247bd7e969';

/** Hosts that cannot be a real deployment: documentation names (RFC 2606/6761) and the README's own. */
function isPlaceholderHost(hostname) {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return (
    /(^|\.)example(\.(com|net|org|vn|com\.vn|gov\.vn))?$/.test(h) ||
    /(^|\.)(invalid|localhost)$/.test(h) ||
    /^your[-.]?(host|domain|server|site)(\.|$)/.test(h)
  );
}

/** One line, Vietnamese then English, naming the variable and an example. */
function refusal(what) {
  return (
    `Cần CHITIEU_PROD_URL là địa chỉ https thật nơi sẽ đăng thư mục dist/addin (${what}). ` +
    `/ Set CHITIEU_PROD_URL to the real https address where dist/addin will be published (${what}). ` +
    'Ví dụ / e.g.: CHITIEU_PROD_URL=https://addin.so-khdt.gov.vn/chitieu/ npm run build'
  );
}

/**
 * The deployment URL from CHITIEU_PROD_URL: https, ends with "/", not this machine, not a placeholder.
 * Throws an Error whose message is one line (Vietnamese / English) otherwise.
 */
function prodUrl(env = process.env) {
  const raw = (env.CHITIEU_PROD_URL || '').trim();
  if (raw === '') throw new Error(refusal('đang trống / it is not set'));
  const url = raw.endsWith('/') ? raw : `${raw}/`;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(refusal(`"${raw}" không phải URL / is not a URL`));
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(refusal(`"${raw}": Office chỉ nạp add-in qua https / Office loads add-ins over https only`));
  }
  if (/^(127\.|\[::1\]$|0\.0\.0\.0$)/.test(parsed.hostname) || parsed.hostname === 'localhost') {
    throw new Error(refusal(`"${raw}" là máy cục bộ / is this machine`));
  }
  if (isPlaceholderHost(parsed.hostname)) {
    throw new Error(refusal(`"${raw}" là tên mẫu / is a placeholder`));
  }
  if (parsed.search || parsed.hash) {
    throw new Error(refusal(`"${raw}" có ? hoặc # / has a query or fragment`));
  }
  return url;
}

/** Thay mọi https://localhost:3000/ trong nội dung manifest bằng `url`. */
function replaceDevUrl(content, url) {
  if (!url) throw new Error('replaceDevUrl: url is required');
  const text = typeof content === 'string' ? content : content.toString('utf8');
  return text.split(DEV_URL).join(url);
}

/** "1.2.3" (package.json) → "1.2.3.0" (a manifest version has four parts). */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(String(packageVersion));
  if (!m) throw new Error(`package.json version "${packageVersion}" is not x.y.z`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;
}

/** The production manifest text: URLs, <Id> and <Version> replaced; fails if any is missing. */
function productionManifest(content, url, version = manifestVersion(packageVersion())) {
  const text = replaceDevUrl(content, url);
  const idCount = (text.match(/<Id>[^<]*<\/Id>/g) || []).length;
  const versionCount = (text.match(/<Version>[^<]*<\/Version>/g) || []).length;
  if (idCount !== 1 || versionCount !== 1) {
    throw new Error(`manifest.xml must have one <Id> and one <Version> (found ${idCount} and ${versionCount})`);
  }
  return text
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${PROD_ID}</Id>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

module.exports = { DEV_URL, PROD_ID, isPlaceholderHost, prodUrl, replaceDevUrl, manifestVersion, packageVersion, productionManifest };
