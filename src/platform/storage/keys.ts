/** Azure Tables forbids / \ # ? and control characters in keys; percent-encoding removes them all. */
export function encodeKey(id: string): string {
  return encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}

/** A row key prefix range: every key that starts with `prefix`. */
export function prefixRange(prefix: string): { from: string; to: string } {
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1) };
}
