#!/usr/bin/env node
'use strict';
/**
 * Vẽ các biểu tượng PNG của add-in (assets/icon-16/32/64/80.png) bằng zlib, không cần thư viện ảnh.
 * Hình: ô vuông bo góc màu xanh lá (màu Excel) với dấu kiểm trắng.
 * Chạy lại: node scripts/make-icons.js
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encode an RGBA pixel buffer (width*height*4) as PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Draw the icon at `size` px with 4x4 supersampling. */
function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const bg = [0x10, 0x7c, 0x41]; // Excel green
  const fg = [0xff, 0xff, 0xff];
  const r = size * 0.18; // corner radius
  const stroke = Math.max(1.2, size * 0.11);
  const check = [
    [0.24, 0.52],
    [0.42, 0.7],
    [0.76, 0.32],
  ].map(([x, y]) => [x * size, y * size]);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let mark = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = x + (sx + 0.5) / S;
          const py = y + (sy + 0.5) / S;
          // rounded square
          const cx = Math.min(Math.max(px, r), size - r);
          const cy = Math.min(Math.max(py, r), size - r);
          if (Math.hypot(px - cx, py - cy) <= r) {
            cover++;
            const d = Math.min(
              distToSegment(px, py, ...check[0], ...check[1]),
              distToSegment(px, py, ...check[1], ...check[2]),
            );
            if (d <= stroke / 2) mark++;
          }
        }
      }
      const i = (y * size + x) * 4;
      const a = cover / (S * S);
      const m = cover ? mark / cover : 0;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(bg[k] * (1 - m) + fg[k] * m);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const SIZES = [16, 32, 64, 80];

function main() {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const s of SIZES) {
    const file = path.join(dir, `icon-${s}.png`);
    fs.writeFileSync(file, drawIcon(s));
    console.log(`đã ghi ${path.relative(process.cwd(), file)} (${s}×${s})`);
  }
}

if (require.main === module) main();
module.exports = { encodePng, drawIcon, SIZES };
