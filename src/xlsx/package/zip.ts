// The zip container of an .xlsx, read from its central directory: parts are inflated one at a time, on
// demand, each held to the size the directory declares (checked with its CRC), so a part we never read
// costs nothing. Writing copies every unchanged part's compressed bytes as they were; only the parts a
// patch replaced are compressed anew. Inflate/deflate are Node's own zlib (native: on a 30 MB sheet part
// about 5× faster than a JavaScript inflater such as fflate, measured here).
import * as zlib from 'zlib';
import { constants, deflateRawSync, inflateRawSync } from 'zlib';

export class ZipError extends Error {}

/** A part name as an error line shows it: a damaged directory can hold control bytes and any length. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex -- control bytes are exactly what is replaced
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return JSON.stringify(clean.length > 80 ? `${clean.slice(0, 80)}…` : clean);
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  externalAttrs: number;
  /** Offset of the compressed bytes in the file. */
  dataStart: number;
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  constructor(readonly data: Uint8Array, readonly entries: ZipEntry[]) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The part's bytes; null when the zip has no such part. */
  read(name: string): Uint8Array | null {
    const e = this.byName.get(name);
    if (!e) return null;
    if (e.flags & 1) throw new ZipError(`phần ${shown(name)} được mã hoá`);
    const raw = this.data.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        // Held to the declared size: a part cannot unpack to more than the directory said.
        out = e.size === 0 ? new Uint8Array(0) : inflateRawSync(raw, { maxOutputLength: e.size, chunkSize: Math.max(65_536, Math.min(e.size, 256 * 1024 * 1024)) });
      } catch (err) {
        throw new ZipError(`phần ${shown(name)} giải nén lỗi (${(err as Error).message})`);
      }
    } else throw new ZipError(`phần ${shown(name)} nén theo kiểu ${e.method} không hỗ trợ`);
    if (out.length !== e.size || crc32(out) !== e.crc) throw new ZipError(`phần ${shown(name)} hỏng (sai kích thước hoặc CRC)`);
    return out;
  }

  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : utf8(b);
  }
}

const decoder = new TextDecoder('utf-8');
export function utf8(b: Uint8Array): string {
  // A UTF-16 part (allowed by XML, rare in Office): decode by its byte order mark.
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    return new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b);
  }
  const s = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function u16(d: Uint8Array, p: number): number {
  return d[p]! | (d[p + 1]! << 8);
}
function u32(d: Uint8Array, p: number): number {
  return (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16) | (d[p + 3]! << 24)) >>> 0;
}

/** Reads the central directory; throws ZipError for anything that is not a readable zip. */
export function openZip(data: Uint8Array): ZipArchive {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipError('không tìm thấy mục lục của tệp nén (tệp bị cắt cụt?)');
  const count = u16(data, eocd + 10);
  const cdOffset = u32(data, eocd + 16);
  const entries: ZipEntry[] = [];
  const decodeName = (b: Uint8Array, utf: boolean) => (utf ? decoder.decode(b) : String.fromCharCode(...b));
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || u32(data, p) !== 0x02014b50) throw new ZipError('mục lục của tệp nén hỏng');
    const flags = u16(data, p + 8);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    const local = u32(data, p + 42);
    const name = decodeName(data.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    if (local + 30 > data.length || u32(data, local) !== 0x04034b50) throw new ZipError(`phần ${shown(name)} không có ở vị trí mục lục ghi`);
    const dataStart = local + 30 + u16(data, local + 26) + u16(data, local + 28);
    const e: ZipEntry = {
      name, flags, method: u16(data, p + 10), time: u16(data, p + 12), date: u16(data, p + 14), crc: u32(data, p + 16),
      compressedSize: u32(data, p + 20), size: u32(data, p + 24), externalAttrs: u32(data, p + 38), dataStart,
    };
    if (dataStart + e.compressedSize > data.length) throw new ZipError(`phần ${shown(name)} bị cắt cụt`);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return new ZipArchive(data, entries);
}

/**
 * A part's new content: its bytes, or text as pieces (a patched worksheet: slices of the text as read with
 * the edits between them), encoded and compressed a chunk at a time so the whole part is never one buffer.
 */
export type PartBody = Uint8Array | readonly string[];

/** Text is encoded and deflated in chunks of about this many characters. */
const CHUNK = 1 << 20;

/**
 * Deflates text pieces chunk by chunk: each chunk is its own deflate run ended by a sync flush (byte-aligned,
 * not final), the last one by a final block, so the runs joined are one valid deflate stream. Memory is a
 * chunk, not the part; the cost is a few bytes per MB and no matches across a chunk boundary.
 */
function deflatePieces(pieces: readonly string[]): { body: Uint8Array; size: number; crc: number } {
  const chars = pieces.reduce((n, s) => n + s.length, 0);
  const level = chars > 4 * 1024 * 1024 ? 1 : 6;
  const out: Buffer[] = [];
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let size = 0;
  let crc = 0;
  const flush = (last: boolean) => {
    const b = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingLength);
    crc = crc32(b, crc);
    size += b.length;
    out.push(deflateRawSync(b, { level, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
    pending = [];
    pendingLength = 0;
  };
  for (const s of pieces) {
    for (let i = 0; i < s.length;) {
      let end = Math.min(s.length, i + CHUNK);
      // Never cut a surrogate pair (it would encode as two replacement characters).
      const last = s.charCodeAt(end - 1);
      if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
      const b = Buffer.from(i === 0 && end === s.length ? s : s.slice(i, end), 'utf8');
      pending.push(b);
      pendingLength += b.length;
      i = end;
      if (pendingLength >= CHUNK) flush(false);
    }
  }
  flush(true);
  return { body: out.length === 1 ? out[0]! : Buffer.concat(out), size, crc };
}

/**
 * A new zip: the archive's entries in their order, each unchanged one with its original compressed bytes,
 * `replaced` ones (and `added` ones, at the end) compressed anew. A null replacement drops the part.
 */
export function writeZip(archive: ZipArchive, replaced: Map<string, PartBody | null>, added: Map<string, PartBody>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  const put = (e: Omit<ZipEntry, 'dataStart'>, body: Uint8Array) => {
    const name = enc.encode(e.name);
    const flags = (e.flags & ~0x08) | 0x800; // sizes in the header (no data descriptor); UTF-8 names
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(6, flags, true); lv.setUint16(8, e.method, true);
    lv.setUint16(10, e.time, true); lv.setUint16(12, e.date, true); lv.setUint32(14, e.crc, true);
    lv.setUint32(18, body.length, true); lv.setUint32(22, e.size, true); lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true); cv.setUint16(8, flags, true);
    cv.setUint16(10, e.method, true); cv.setUint16(12, e.time, true); cv.setUint16(14, e.date, true); cv.setUint32(16, e.crc, true);
    cv.setUint32(20, body.length, true); cv.setUint32(24, e.size, true); cv.setUint16(28, name.length, true);
    cv.setUint32(38, e.externalAttrs, true); cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  };
  const fresh = (base: Pick<ZipEntry, 'name' | 'time' | 'date' | 'externalAttrs' | 'flags'>, content: PartBody) => {
    if (content instanceof Uint8Array) {
      put({ ...base, method: 8, crc: crc32(content), size: content.length, compressedSize: 0 }, deflateRawSync(content, { level: content.length > 4 * 1024 * 1024 ? 1 : 6 }));
    } else {
      const { body, size, crc } = deflatePieces(content);
      put({ ...base, method: 8, crc, size, compressedSize: 0 }, body);
    }
  };
  for (const e of archive.entries) {
    if (replaced.has(e.name)) {
      const content = replaced.get(e.name);
      if (content) fresh(e, content);
    } else put(e, archive.data.subarray(e.dataStart, e.dataStart + e.compressedSize));
  }
  const now = archive.entries[0] ?? { time: 0, date: 0x21 };
  for (const [name, content] of added) fresh({ name, time: now.time, date: now.date, externalAttrs: 0, flags: 0 }, content);
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, central.length, true); ev.setUint16(10, central.length, true);
  ev.setUint32(12, cdSize, true); ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) { out.set(c, p); p += c.length; }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

const nativeCrc = (zlib as { crc32?: (b: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `b`, continuing from `previous` (the CRC of what came before it). */
export function crc32(b: Uint8Array, previous = 0): number {
  // Node ≥ 20.15 has a native CRC-32; older ones use the table.
  if (nativeCrc) return nativeCrc(b, previous) >>> 0;
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
