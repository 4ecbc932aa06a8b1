'use strict';
/** Where scripts/start.js keeps the detached dev server's pid and log (shared with scripts/stop.js). */
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const STATE_DIR = path.join(REPO, 'node_modules', '.cache', 'chitieu');
const PID_FILE = path.join(STATE_DIR, 'dev-server.pid');
const LOG_FILE = path.join(STATE_DIR, 'dev-server.log');
const PORT = Number(process.env.CHITIEU_DEV_PORT || 3000);

/** true if a process (group leader) with this pid exists. */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Desktop Excel exists (and office-addin-debugging can sideload) only on Windows and macOS. */
function hasDesktopExcel(platform = process.platform) {
  return platform === 'win32' || platform === 'darwin';
}

module.exports = { REPO, STATE_DIR, PID_FILE, LOG_FILE, PORT, isAlive, hasDesktopExcel };
