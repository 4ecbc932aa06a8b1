// What an .xlsx (a zip) would unpack to, from its central directory, before anything is decompressed:
// a small file can expand to gigabytes (a "zip bomb") and take the machine's memory with it.
// Declared sizes are what a decompressor is held to (JSZip refuses data that does not match them).

/** Total uncompressed bytes the zip declares; null when no central directory can be found. */
export function declaredUnpackedSize(zip: Buffer): number | null {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  // Zip64 (more than 65.535 entries or 4 GB): no workbook of ours comes near; count it as too large.
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return Number.POSITIVE_INFINITY;
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(p + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return total;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= earliest; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
