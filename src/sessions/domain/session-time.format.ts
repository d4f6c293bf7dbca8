import { formatterPerZone } from '../../platform/kernel/time/formatter-per-zone.js';
import type { Session } from './session.js';

const cardFormatter = formatterPerZone({
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

interface CardTime {
  readonly date: string;
  readonly time: string;
  readonly zone: string;
}

function cardTime(iso: string, timeZone: string): CardTime {
  const parts = cardFormatter(timeZone).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`,
    time: `${part('hour')}:${part('minute')}`,
    zone: part('timeZoneName'),
  };
}

const formatted = new Map<string, string>();

/** "Mon 30 Nov 2026, 09:30–16:30 (GMT)", in the session's own time zone, whatever the server's. */
export function formatSessionTime(session: Pick<Session, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  // Every card shows the same few sessions, and Intl's formatToParts is slow enough to show in a rush of bookings.
  const key = `${session.startsAt}|${session.endsAt}|${session.timeZone}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatTimes(session);
    if (formatted.size >= 1_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

function formatTimes(session: Pick<Session, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const start = cardTime(session.startsAt, session.timeZone);
  const end = cardTime(session.endsAt, session.timeZone);
  if (start.date === end.date && start.zone === end.zone) return `${start.date}, ${start.time}–${end.time} (${start.zone})`;
  const endDate = start.date === end.date ? '' : `${end.date}, `;
  return `${start.date}, ${start.time} (${start.zone}) – ${endDate}${end.time} (${end.zone})`;
}
