// A zip of the given text parts, made with the package layer's own writer (no zip library for tests).
import { writeZip, ZipArchive } from '../../src/xlsx/package/zip';

export function zipOf(parts: Record<string, string>): Uint8Array {
  const added = new Map(Object.entries(parts).map(([name, text]) => [name, new TextEncoder().encode(text)] as const));
  return writeZip(new ZipArchive(new Uint8Array(0), []), new Map(), added);
}
