

/** Most CSV characters on one card, leaving room under Teams' message size limit (about 28 KB). */
export const CSV_PART_CHARS = 18_000;

/** Splits CSV text on line ends into parts that each fit on a card; pasted one after another they make the file. */
export function csvParts(csv: string, maxChars = CSV_PART_CHARS): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of csv.split(/(?<=\r\n)/)) {
    if (current !== '' && current.length + line.length > maxChars) {
      parts.push(current);
      current = '';
    }
    current += line;
  }
  if (current !== '' || parts.length === 0) parts.push(current);
  return parts;
}
