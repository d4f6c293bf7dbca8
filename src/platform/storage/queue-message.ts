/** The named string fields of a queue message's JSON; undefined for anything else (a message this bot did not write). */
export function queueMessageFields<K extends string>(text: string, keys: readonly K[]): Record<K, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const fields = value as Record<string, unknown>;
  return keys.every((key) => typeof fields[key] === 'string') ? (fields as Record<K, string>) : undefined;
}
