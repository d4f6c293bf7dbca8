import { card, execute, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import type { Restriction, Tombstone } from '../../domain/index.js';
import { PRIVACY_VERBS } from '../privacy.verbs.js';

export function restrictionsCard(restrictions: readonly Restriction[], headline?: string): AdaptiveCardJson {
  return card([
      heading(headline ?? 'Restricted records'),
      ...(restrictions.length ? restrictions.map((each) => text(`${each.kind === 'mentor' ? 'Mentor' : 'Young person'} ${each.personId}: ${each.reason} (by ${each.by.name})`)) : [text('No records are restricted.')]),
    ]);
}

/** A destructive action: says what will happen, and asks for a clearly named confirmation. */
export function confirmErasureCard(kind: 'mentor' | 'youngPerson', key: string): AdaptiveCardJson {
  const who = kind === 'mentor' ? `the mentor ${key}` : `the young person with case reference ${key}`;
  return card(
      [heading(`Erase ${who}?`), text('Everything held about them is removed from every table; records of who read what keep the read but not whose record it was. This cannot be undone. A tombstone records that an erasure happened, when and by you.')],
      [{ ...execute(`Erase ${who}`, PRIVACY_VERBS.confirmErasure, { kind, key }, 'destructive'), mode: 'secondary' }],
    );
}

export function erasedCard(tombstone: Tombstone): AdaptiveCardJson {
  return card([heading('Erased'), text(`The erasure ${tombstone.id} finished at ${tombstone.finishedAt ?? 'an unknown time'}.`)]);
}

export function doneCard(title: string, line: string): AdaptiveCardJson {
  return card([heading(title), text(line)]);
}
