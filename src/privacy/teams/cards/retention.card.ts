import { card, facts, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import type { ClassCounts } from '../../app/privacy-ports.js';
import { CLASS_NAMES, RECORD_CLASSES, TRIGGERS, type RetentionSchedule } from '../../domain/index.js';

/** What a retention run would remove (or removed), by class: counts only. */
export function retentionCountsCard(title: string, counts: ClassCounts, schedule: RetentionSchedule, note?: string): AdaptiveCardJson {
  const total = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
  return card([
      heading(title),
      text(total ? `${total} records have passed their retention date.` : 'Nothing has passed its retention date.'),
      facts(RECORD_CLASSES.map((recordClass) => [CLASS_NAMES[recordClass], `${counts[recordClass] ?? 0} (kept ${periodWords(schedule[recordClass])} after ${TRIGGERS[recordClass]})`])),
      ...(note ? [text(note, { subtle: true })] : []),
  ]);
}

function periodWords(period: RetentionSchedule[keyof RetentionSchedule]): string {
  const months = period.months % 12 === 0 ? `${period.months / 12} years` : `${period.months} months`;
  return period.toYearEnd ? `${months} and to the end of that year` : months;
}
