/**
 * Table Storage keeps a string property as UTF-16 of at most 64 KiB, so 32,768 characters; a long JSON value is cut
 * into parts of this size, one property each (`data0`, `data1`, …).
 */
export const PART_LENGTH = 30_000;

/** Cuts at most PART_LENGTH UTF-16 units at a time, never between the two halves of a surrogate pair. */
export function splitIntoParts(json: string): string[] {
  const chunks: string[] = [];
  let from = 0;
  while (from < json.length || chunks.length === 0) {
    let to = Math.min(json.length, from + PART_LENGTH);
    const code = json.charCodeAt(to - 1);
    if (to < json.length && code >= 0xd800 && code <= 0xdbff) to -= 1;
    chunks.push(json.slice(from, to));
    from = to;
  }
  return chunks;
}
