#!/usr/bin/env node
'use strict';
/**
 * npm start
 *  - Windows / macOS: office-addin-debugging start manifest.xml (dev server + sideload into desktop Excel).
 *  - Linux (no desktop Excel): starts the dev server detached in its own process group (pid in
 *    node_modules/.cache/chitieu/dev-server.pid, log beside it), waits until it answers, prints how to
 *    upload manifest.xml to Excel on the web, exits 0. `npm stop` ends it.
 */
const fs = require('fs');
const path = require('path');
const http = require('http');
const https = require('https');
const { spawn } = require('child_process');
const { REPO, STATE_DIR, PID_FILE, LOG_FILE, PORT, isAlive, hasDesktopExcel } = require('./dev-server-state');

const WAIT_MS = Number(process.env.CHITIEU_START_TIMEOUT_MS || 180000);

function officeAddinDebugging(command) {
  const bin = path.join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
  const child = spawn(bin, [command, 'manifest.xml'], { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code === null ? 1 : code));
  child.on('error', (err) => {
    console.error(`Không chạy được office-addin-debugging: ${err.message}`);
    process.exit(1);
  });
}

/** Resolves 'https' or 'http' once the server answers on PORT, or null. */
function probe() {
  const get = (mod, url) =>
    new Promise((resolve) => {
      const req = mod.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode !== undefined && res.statusCode < 500);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
    });
  return get(https, `https://localhost:${PORT}/taskpane.html`).then((ok) =>
    ok ? 'https' : get(http, `http://localhost:${PORT}/taskpane.html`).then((ok2) => (ok2 ? 'http' : null)),
  );
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function printInstructions(protocol) {
  const base = `${protocol}://localhost:${PORT}/`;
  const manifest = path.join(REPO, 'manifest.xml');
  console.log(`
Máy chủ phát triển đang chạy tại ${base} (nhật ký: ${path.relative(REPO, LOG_FILE)}).
Linux không có Excel cho máy tính: hãy nạp thử add-in vào Excel trên web.

  1. Mở một sổ làm việc trong Excel trên web (https://excel.cloud.microsoft hoặc office.com), cùng máy này.
  2. Trang đầu (Home) → Phần bổ trợ (Add-ins) → Phần bổ trợ khác (More add-ins).
  3. Chọn "Tải lên phần bổ trợ của tôi" (Upload My Add-in) → Duyệt → chọn tệp:
       ${manifest}
     → Tải lên. Thẻ "Chỉ tiêu" xuất hiện trên dải băng.
  4. Trình duyệt phải tin chứng chỉ của ${base} (dùng lại ở mọi lần npm start): làm theo lệnh ⚠ ở trên
     nếu có, hoặc mở ${base}taskpane.html một lần và chấp nhận.

Dừng máy chủ: npm stop`);
  if (protocol === 'http') {
    console.log(`
⚠ Máy chủ đang chạy bằng http (không có chứng chỉ): Excel chỉ nạp add-in qua https.
  Xem thông báo ⚠ về chứng chỉ ở trên, rồi "npm stop" và "npm start" lại.`);
  }
}

async function startLinux() {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  if (fs.existsSync(PID_FILE)) {
    const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
    if (pid > 0 && isAlive(pid)) {
      const protocol = await probe();
      if (protocol) {
        console.log(`Máy chủ phát triển đã chạy sẵn (nhóm tiến trình ${pid}).`);
        printInstructions(protocol);
        return 0;
      }
    }
    fs.rmSync(PID_FILE, { force: true });
  }
  if (await probe()) {
    console.error(`Cổng ${PORT} đã có máy chủ khác (không do npm start khởi động). Hãy tắt nó trước.`);
    return 1;
  }

  const log = fs.openSync(LOG_FILE, 'w');
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [REPO] });
  const child = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
    cwd: REPO,
    detached: true, // own process group: npm stop kills the whole group
    stdio: ['ignore', log, log],
    env: process.env,
  });
  fs.closeSync(log);
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  console.log(`Đang khởi động máy chủ phát triển (nhóm tiến trình ${child.pid}), có thể mất một phút…`);

  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (exited) {
      fs.rmSync(PID_FILE, { force: true });
      console.error(`Máy chủ phát triển đã dừng (mã ${exited.code ?? exited.signal}). Nhật ký:\n${tail(LOG_FILE)}`);
      return 1;
    }
    const protocol = await probe();
    if (protocol) {
      child.unref();
      printInstructions(protocol);
      return 0;
    }
    await sleep(1000);
  }
  console.error(`Máy chủ phát triển không trả lời sau ${WAIT_MS / 1000} giây. Nhật ký:\n${tail(LOG_FILE)}`);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  fs.rmSync(PID_FILE, { force: true });
  return 1;
}

/**
 * Before the server starts, in the foreground: the certificate is reused (or made once) and any failure to
 * trust it is printed here, with the command that fixes it — not buried in the server's log.
 */
async function prepareCertificates() {
  if (process.env.CHITIEU_DEV_HTTP === '1') return;
  try {
    await require('./dev-certs').ensureDevCertificates({ trust: true });
  } catch (err) {
    console.error(`⚠ Không chuẩn bị được chứng chỉ HTTPS: ${String((err && err.message) || err).split('\n')[0]}`);
  }
}

if (hasDesktopExcel()) {
  prepareCertificates().then(() => officeAddinDebugging('start'));
} else {
  prepareCertificates().then(startLinux).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
