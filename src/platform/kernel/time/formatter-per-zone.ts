/**
 * An en-GB Intl.DateTimeFormat with these options, one per time zone, made on first use and kept: making one is slow,
 * using one is not. Throws RangeError for a zone the runtime does not know.
 */
export function formatterPerZone(options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): (timeZone: string) => Intl.DateTimeFormat {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let formatter = formatters.get(timeZone);
    if (formatter === undefined) {
      formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
      formatters.set(timeZone, formatter);
    }
    return formatter;
  };
}
