/** Working days are Monday to Friday, counted on UTC dates; bank holidays are passed in as 'YYYY-MM-DD'. */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  const date = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

export function isWorkingDay(date: Date, holidays: ReadonlySet<string> = new Set()): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date.toISOString().slice(0, 10));
}
