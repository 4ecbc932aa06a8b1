// JSON.parse puts integer-like keys ("1", "2") before the others ("1.1"), so a plan's order of ids cannot
// be read from the parsed object: this scanner reads the keys of one object, in the order of the text.
// It runs after JSON.parse has accepted the text, so it only needs to walk valid JSON.

/** Keys of the object at `path` (keys from the root), in text order; [] when there is none. */
export function keyOrderAt(text: string, path: readonly string[]): string[] {
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i]!)) i++; };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '"') { str(); return; }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++; ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') { ws(); str(); ws(); i++; /* : */ }
        skip(); ws();
        if (text[i] === ',') { i++; continue; }
        i++; // close
        return;
      }
    }
    while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
  };
  const walk = (depth: number): string[] => {
    ws();
    if (text[i] !== '{') return [];
    i++; ws();
    const keys: string[] = [];
    if (text[i] === '}') return keys;
    for (;;) {
      ws();
      const key = str();
      ws(); i++; // :
      if (depth < path.length) {
        if (key === path[depth]) return walk(depth + 1);
        skip();
      } else {
        keys.push(key);
        skip();
      }
      ws();
      if (text[i] === ',') { i++; continue; }
      return depth < path.length ? [] : keys;
    }
  };
  return walk(0);
}
