/**
 * The one line `chitieu: …` a script reads on stderr. A message can quote text from a damaged file
 * (a part name, a cell's text); its control characters must not break the line.
 */
export function errorLine(message: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return `chitieu: ${message.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')}\n`;
}
