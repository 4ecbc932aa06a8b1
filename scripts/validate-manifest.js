#!/usr/bin/env node
'use strict';
/**
 * npm run validate [-- đường/dẫn/manifest.xml] — kiểm tra một manifest (mặc định manifest.xml của kho)
 * theo lược đồ XSD (ngoại tuyến, bằng xmllint) và nêu tên tệp đã kiểm tra.
 * Lược đồ: <repo>/schemas/manifest-xsd, hoặc thư mục trong biến môi trường CHITIEU_MANIFEST_XSD.
 * Mã thoát 0 nếu hợp lệ, 1 nếu không hợp lệ hoặc thiếu xmllint / lược đồ.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

function xsdDir(env = process.env) {
  return path.resolve(env.CHITIEU_MANIFEST_XSD || path.join(REPO, 'schemas', 'manifest-xsd'));
}

/** Where the user typed the command: npm run moves to the package root but keeps it in INIT_CWD. */
const userCwd = () => process.env.INIT_CWD || process.cwd();

/** The path as the user would type it: relative to the current folder when inside it. */
function displayName(file) {
  const rel = path.relative(userCwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Kiểm tra một manifest. Trả về { ok, message } (message tiếng Việt), không ném lỗi.
 * @param {string} [manifestPath]
 * @param {{env?: NodeJS.ProcessEnv, xmllint?: string}} [opts]
 */
function validateManifest(manifestPath = path.join(REPO, 'manifest.xml'), opts = {}) {
  const env = opts.env || process.env;
  const xmllint = opts.xmllint || 'xmllint';
  const schema = path.join(xsdDir(env), MAIN_XSD);
  const name = displayName(manifestPath);
  if (!fs.existsSync(manifestPath)) {
    return { ok: false, message: `Không tìm thấy manifest: ${manifestPath}` };
  }
  if (!fs.existsSync(schema)) {
    return {
      ok: false,
      message:
        `Không tìm thấy lược đồ ${schema}.\n` +
        (env.CHITIEU_MANIFEST_XSD
          ? `CHITIEU_MANIFEST_XSD="${env.CHITIEU_MANIFEST_XSD}" không chứa ${MAIN_XSD}: sửa hoặc bỏ biến này.`
          : 'Lược đồ thuộc kho mã (schemas/manifest-xsd/): bản sao thiếu tệp — chạy "git checkout -- schemas" ' +
            `hoặc đặt CHITIEU_MANIFEST_XSD trỏ tới thư mục chứa ${MAIN_XSD}.`),
    };
  }
  const r = spawnSync(xmllint, ['--noout', '--nonet', '--schema', schema, manifestPath], {
    encoding: 'utf8',
  });
  if (r.error) {
    if (r.error.code === 'ENOENT') {
      return {
        ok: false,
        message:
          'Không có chương trình xmllint nên không kiểm tra được manifest.\n' +
          'Cài đặt: sudo apt-get install libxml2-utils (Debian/Ubuntu), brew install libxml2 (macOS), ' +
          'hoặc dùng WSL trên Windows.',
      };
    }
    return { ok: false, message: `Không chạy được xmllint: ${r.error.message}` };
  }
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  if (r.status === 0) {
    return { ok: true, message: `${name} hợp lệ theo lược đồ ${MAIN_XSD}.` };
  }
  return {
    ok: false,
    message: `${name} KHÔNG hợp lệ theo lược đồ ${MAIN_XSD} (xmllint thoát với mã ${r.status}):\n${out}`,
  };
}

if (require.main === module) {
  const file = process.argv[2] ? path.resolve(userCwd(), process.argv[2]) : path.join(REPO, 'manifest.xml');
  const res = validateManifest(file);
  if (res.ok) {
    console.log(`✔ ${res.message}`);
  } else {
    console.error(`✘ ${res.message}`);
    process.exitCode = 1;
  }
}

module.exports = { validateManifest, xsdDir };
