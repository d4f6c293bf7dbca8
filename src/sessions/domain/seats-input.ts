/** Cards send numbers as text, so '20' is read as 20; '20.5', '1e2', '-3' and '' are not read at all. */
export function readSeatsInput(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value)) return Number(value);
  return undefined;
}
