#!/usr/bin/env node
'use strict';
// Runs before `npm test`: the suite needs three Debian programs besides node_modules. Say which are
// missing and how to install them, instead of letting tests fail one by one.
const { execFileSync } = require('child_process');
const fs = require('fs');

const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const missing = [];
if (!has('soffice')) missing.push(['libreoffice-calc-nogui', 'LibreOffice: kiểm tra công thức của biểu mẫu bằng một bảng tính thật']);
const loProgram = '/usr/lib/libreoffice/program';
if (has('soffice') && !fs.existsSync(`${loProgram}/swriter`) && !fs.existsSync(`${loProgram}/libswlo.so`)) {
  missing.push(['libreoffice-writer-nogui', 'LibreOffice Writer: tạo tệp .docx thật cho kiểm thử "chitieu plan"']);
}
try {
  execFileSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' });
} catch {
  missing.push(['python3-uno', 'UNO của LibreOffice: dựng một sổ tính có biểu đồ, bảng tổng hợp, chú thích… bằng script']);
}
if (!has('xmllint')) missing.push(['libxml2-utils', 'xmllint: kiểm tra manifest.xml theo lược đồ XML']);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) missing.push(['chromium', `Chromium (${chromium}): kiểm thử ngăn tác vụ trong trình duyệt thật`]);

// Files the tests read, all inside the repository: a partial checkout says so here, not in 4 failing tests.
const path = require('path');
const REPO = path.resolve(__dirname, '..');
const absent = ['schemas/manifest-xsd/OfficeAppManifestV1_1.xsd', 'test/fixtures/seed/ke-hoach-thi-dua-2023.txt', 'docs/CONTRACT.md']
  .filter((f) => !fs.existsSync(path.join(REPO, f)));
if (absent.length > 0) {
  console.error(`Bản sao kho mã thiếu tệp mà kiểm thử cần: ${absent.join(', ')}.`);
  console.error(`Lấy lại: git checkout -- ${absent.join(' ')}`);
  process.exit(1);
}

if (missing.length > 0) {
  console.error('npm test cần thêm các chương trình sau:');
  for (const [pkg, why] of missing) console.error(`  - ${pkg}: ${why}`);
  console.error(`Cài một lần: sudo apt-get update && sudo apt-get install -y ${missing.map(([p]) => p).join(' ')}`);
  console.error('(hoặc chạy "bash .ci/run", tự cài rồi chạy npm ci và npm test).');
  process.exit(1);
}
