#!/usr/bin/env node
'use strict';
/**
 * npm stop
 *  - Windows / macOS: office-addin-debugging stop manifest.xml.
 *  - Linux: ends the process group that scripts/start.js saved in node_modules/.cache/chitieu/.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { REPO, PID_FILE, isAlive, hasDesktopExcel } = require('./dev-server-state');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stopLinux() {
  if (!fs.existsSync(PID_FILE)) {
    console.log('Không có máy chủ phát triển nào do npm start khởi động.');
    return 0;
  }
  const pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  if (!(pid > 0) || !isAlive(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log('Máy chủ phát triển đã dừng từ trước.');
    return 0;
  }
  const killGroup = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* group already gone */
    }
  };
  killGroup('SIGTERM');
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) killGroup('SIGKILL');
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Đã dừng máy chủ phát triển (nhóm tiến trình ${pid}).`);
  return 0;
}

if (hasDesktopExcel()) {
  const bin = path.join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
  const child = spawn(bin, ['stop', 'manifest.xml'], { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code === null ? 1 : code));
} else {
  stopLinux().then((code) => process.exit(code));
}
