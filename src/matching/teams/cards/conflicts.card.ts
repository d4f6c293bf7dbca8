import { MATCHING_VERBS } from '../matching.verbs.js';
import { choiceInput } from './choice-input.js';
import type { DeclaredConflict } from '../../domain/index.js';
import { describeValue } from '../../domain/index.js';
import type { Mentor } from '../../../journey/domain/index.js';
import type { YoungPerson } from '../../domain/young-people/index.js';
import { card, execute, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';

function describeConflicts(conflicts: readonly DeclaredConflict[]): string {
  if (conflicts.length === 0) return 'None recorded';
  const areas = conflicts.flatMap((each) => (each.kind === 'area' ? [describeValue(each.area)] : []));
  const people = conflicts.filter((each) => each.kind === 'youngPerson').length;
  return [areas.length ? `areas: ${areas.join(', ')}` : '', people ? `${people} young ${people === 1 ? 'person' : 'people'}` : ''].filter(Boolean).join('; ');
}

/** `conflicts`: each councillor's declaration of interests beside the conflicts matching checks. */
export function conflictsListCard(councillors: readonly { mentor: Mentor; conflicts: readonly DeclaredConflict[] }[], done?: string): AdaptiveCardJson {
  const rows: CardElement[] = councillors.map(({ mentor, conflicts }) => ({
    type: 'Container',
    separator: true,
    items: [
      text(mentor.name, { weight: 'Bolder' }),
      text(`Declared: ${mentor.details?.declarationOfInterests ?? 'nothing'}`),
      text(`Recorded for matching: ${describeConflicts(conflicts)}`, { subtle: true }),
      { type: 'ActionSet', actions: [execute('Record conflicts', MATCHING_VERBS.conflictsForm, { mentorId: mentor.id })] },
    ],
  }));
  return card([
    heading("Councillors' conflicts of interest"),
    ...(done ? [notice(done, 'good')] : []),
    text('A councillor is never suggested for a young person in an area, or a young person, recorded here.'),
    ...(rows.length ? rows : [text('No elected members on the scheme yet.')]),
  ]);
}

export function conflictsFormCard(mentor: Mentor, conflicts: readonly DeclaredConflict[], areas: readonly string[], youngPeople: readonly YoungPerson[], problem?: string): AdaptiveCardJson {
  const chosenAreas = conflicts.flatMap((each) => (each.kind === 'area' ? [each.area] : []));
  const chosenPeople = conflicts.flatMap((each) => (each.kind === 'youngPerson' ? [each.youngPersonId] : []));
  const titles = Object.fromEntries(youngPeople.map((each) => [each.id, `${each.firstName} (${each.reference})`]));
  return card(
    [
      heading(`Conflicts of interest: ${mentor.name}`),
      text('Confidential: for the scheme coordinators only.', { subtle: true }),
      text(`Declared: ${mentor.details?.declarationOfInterests ?? 'nothing'}`),
      ...(problem ? [text(problem, { color: 'Attention' })] : []),
      choiceInput('conflictAreas', 'Areas where they should not mentor', areas, chosenAreas, { multi: true }),
      choiceInput('conflictYoungPeople', 'Young people they should not mentor', youngPeople.map((each) => each.id), chosenPeople, { multi: true, titles }),
    ],
    [execute('Save', MATCHING_VERBS.saveConflicts, { mentorId: mentor.id }, 'positive')],
  );
}
