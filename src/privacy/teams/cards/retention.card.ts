import { card, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import type { ClassCounts } from '../../app/privacy-ports.js';
import { CLASS_NAMES, RECORD_CLASSES, TRIGGERS, type RetentionSchedule } from '../../domain/index.js';

/** What a retention run would remove (or removed), by class: counts only. */
export function retentionCountsCard(title: string, counts: ClassCounts, schedule: RetentionSchedule, note?: string): AdaptiveCardJson {
  const total = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
  return card([
      heading(title),
      text(total ? `${total} records have passed their retention date.` : 'Nothing has passed its retention date.'),
      // One class to a line, its rule below it: a fact table's two columns cut these words off at 360 px.
      ...RECORD_CLASSES.map((recordClass): CardElement => ({
        type: 'Container',
        spacing: 'Small',
        items: [
          text(`${capitalised(CLASS_NAMES[recordClass])}: ${counts[recordClass] ?? 0}`, { weight: 'Bolder' }),
          text(`Kept ${periodWords(schedule[recordClass])} after ${TRIGGERS[recordClass]}.`, { subtle: true, spacing: 'None' }),
        ],
      })),
      ...(note ? [text(note, { subtle: true })] : []),
  ]);
}

function periodWords(period: RetentionSchedule[keyof RetentionSchedule]): string {
  const months = period.months % 12 === 0 ? `${period.months / 12} years` : `${period.months} months`;
  return period.toYearEnd ? `${months} and to the end of that year` : months;
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
