import { formatterPerZone } from '../../platform/kernel/time/formatter-per-zone.js';
import { wallTimeAt } from '../../platform/kernel/time/zoned-time.js';

const dayName = formatterPerZone({ weekday: 'long', day: 'numeric', month: 'long' });

/**
 * When something starts, said the way a person would, in the zone's own calendar: "today at 15:40", "tomorrow at
 * 09:30", "on Monday 9 November". Days are counted by the date on the wall in `timeZone` (not by 24-hour steps), so a
 * start a minute away is "today" and one at 00:10 after 23:50 is "tomorrow", on either side of a clock change.
 */
export function relativeDay(startsAt: Date, now: Date, timeZone: string): string {
  const start = wallTimeAt(startsAt, timeZone);
  const today = wallTimeAt(now, timeZone);
  const days = Math.round((Date.UTC(start.year, start.month - 1, start.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000);
  const time = `${pad(start.hour)}:${pad(start.minute)}`;
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days === -1) return `yesterday at ${time}`;
  return `on ${dayPhrase(startsAt, timeZone)}`;
}

function dayPhrase(instant: Date, timeZone: string): string {
  const parts = dayName(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
