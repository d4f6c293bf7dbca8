import { formatterPerZone } from './formatter-per-zone.js';

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

/**
 * A start and an end as people read them on a card, in the given time zone whatever the server's: "Mon 30 Nov 2026,
 * 09:30–16:30 (GMT)"; across a change of day or of clocks, each end says its own.
 */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string): string {
  const start = cardTime(startsAt, timeZone);
  const end = cardTime(endsAt, timeZone);
  if (start.date === end.date && start.zone === end.zone) return `${start.date}, ${start.time}–${end.time} (${start.zone})`;
  const endDate = start.date === end.date ? '' : `${end.date}, `;
  return `${start.date}, ${start.time} (${start.zone}) – ${endDate}${end.time} (${end.zone})`;
}
