import { card, execute, facts, foldedList, formatDate, heading, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { choiceInput, textInput } from '../../../platform/teams/cards/form-inputs.js';
import { MATCH_END_REASON_TITLES } from '../../../matching/domain/index.js';
import { END_REASONS, ENDING_NOTE_MAX, MINIMUM_TERM_MONTHS, type EndingFormProblem, type EndReason, type MentorNext, type YoungPersonNext, youngPersonNextFor } from '../../domain/index.js';
import type { EndingPreview } from '../../app/end-relationship.js';
import type { YoungPersonContact } from '../../app/relationship-ports.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import { supportButton } from './support-button.card.js';

const KEY_ADULT_ROLE: Record<YoungPersonContact['keyAdult']['role'], string> = { personalAdviser: 'personal adviser', socialWorker: 'social worker' };
const MENTOR_NEXT_TITLES: Record<MentorNext, string> = { offerAgain: 'Match me with another young person', stepDown: 'Step down from the scheme' };

/** Actions that end something are secondary in the action bar, so a thumb does not land on them by chance. */
function secondary(action: CardAction): CardAction {
  return { ...action, mode: 'secondary' };
}

export interface EndFormView {
  readonly matchId: string;
  readonly forMentor: boolean;
  readonly monthsElapsed: number;
  /** What was typed, when the form comes back refused. */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly problems?: readonly EndingFormProblem[];
  /** The coordinator is closing the young person's record: the match ends first. */
  readonly closeRecord?: boolean;
}

function problemFor(problems: readonly EndingFormProblem[] | undefined, field: EndingFormProblem['field']): CardElement[] {
  const found = problems?.find((problem) => problem.field === field);
  return found ? [text(found.message, { color: 'Attention', weight: 'Bolder' })] : [];
}

/** The form to end a match: a reason from the list, a note for the coordinator, and for the mentor, what next. */
export function endMatchFormCard(view: EndFormView): AdaptiveCardJson {
  const reasons = END_REASONS.filter((reason) => (reason !== 'termComplete' || view.monthsElapsed >= MINIMUM_TERM_MONTHS) && (reason !== 'safeguardingDecision' || !view.forMentor));
  const typed = (id: string): string | undefined => (typeof view.values?.[id] === 'string' ? (view.values[id] as string) : undefined);
  const body: CardElement[] = [
    heading(view.closeRecord ? 'Close the record: end the match first' : 'End the match'),
    text(
      view.forMentor
        ? 'Tell us why your match is ending. You will see what happens, and who is told, before anything changes.'
        : 'Why is this match ending? You will see what happens, and who is told, before anything changes.',
    ),
    ...(view.problems?.length ? [text('Please check the form: nothing has changed yet.', { color: 'Attention', weight: 'Bolder' })] : []),
    choiceInput('reason', 'Reason', reasons, typed('reason'), { expanded: true, required: true, errorMessage: 'Please choose a reason.', titles: MATCH_END_REASON_TITLES }),
    ...problemFor(view.problems, 'reason'),
    textInput('note', 'A note for the coordinator (optional; not shown to the next mentor)', typed('note'), ENDING_NOTE_MAX, { multiline: true, required: false }),
    text("Please do not write details of the young person's life.", { subtle: true }),
    ...problemFor(view.problems, 'note'),
  ];
  if (view.forMentor) {
    body.push(choiceInput('mentorNext', 'And then', ['offerAgain', 'stepDown'], typed('mentorNext'), { expanded: true, required: true, errorMessage: 'Please choose one.', titles: MENTOR_NEXT_TITLES }));
    body.push(...problemFor(view.problems, 'mentorNext'));
  }
  const ref = { matchId: view.matchId, ...(view.closeRecord ? { closeRecord: true } : {}) };
  return card(body, [execute('Check what happens', RELATIONSHIP_VERBS.endMatch, ref), supportButton(view.matchId)]);
}

const YOUNG_PERSON_WORDS: Record<YoungPersonNext, (name: string) => string> = {
  returnToMatchingList: (name) => `${name} goes back on the matching list, first in line for a new mentor.`,
  askAboutNewMentor: (name) => `${name}'s key adult will ask whether they would like a new mentor.`,
  holdForReview: (name) => `${name} is paused on the scheme while the Leaving Care Service reviews the decision.`,
  noFurtherMatch: (name) => `${name} will not be matched again; their record closes.`,
};

function whoTells(youngPerson: YoungPersonContact | undefined, forCoordinator: boolean): string {
  if (!youngPerson) return "The young person's key adult will tell them.";
  const { keyAdult, firstName } = youngPerson;
  const contact = forCoordinator ? ` (${keyAdult.contact})` : '';
  return `${keyAdult.name}, ${firstName}'s ${KEY_ADULT_ROLE[keyAdult.role]}${contact}, will tell ${firstName}. Please leave that to them.`;
}

/** Before anything changes: what ending the match will do, and to whom, with a clearly named confirm button. */
export function endMatchConfirmCard(preview: EndingPreview, closeRecord: boolean): AdaptiveCardJson {
  const name = preview.youngPerson?.firstName ?? 'the young person';
  const forCoordinator = !preview.forMentor;
  const whose = preview.forMentor ? `your match with ${name}` : `${preview.mentorName}'s match with ${name}${preview.youngPerson ? ` (${preview.youngPerson.reference})` : ''}`;
  const told = preview.forMentor ? 'The scheme coordinator is told.' : `${preview.mentorName} is told, in words that fit the reason.`;
  const lines: CardElement[] = [
    heading('Are you sure?'),
    text(`This ends ${whose}.`, { weight: 'Bolder' }),
    facts([['Reason', MATCH_END_REASON_TITLES[preview.form.reason]], ...(preview.form.note ? [['Note', preview.form.note] as [string, string]] : [])]),
    text(told),
    text(whoTells(preview.youngPerson, forCoordinator)),
    text(YOUNG_PERSON_WORDS[youngPersonNextFor(preview.form.reason, closeRecord)](preview.youngPerson?.firstName ?? 'The young person')),
  ];
  if (preview.form.mentorNext) lines.push(text(preview.form.mentorNext === 'offerAgain' ? 'You stay on the scheme, ready to be matched again.' : 'You step down from the scheme.'));
  if (preview.forMentor === false && !closeRecord) lines.push(text('The mentor chooses whether to be matched again or to step down.', { subtle: true }));
  const data = {
    matchId: preview.match.id,
    reason: preview.form.reason,
    note: preview.form.note,
    ...(preview.form.mentorNext ? { mentorNext: preview.form.mentorNext } : {}),
    ...(closeRecord ? { closeRecord: true } : {}),
    confirmed: true,
  };
  return card(lines, [
    execute(closeRecord ? 'End the match and close the record' : 'End the match', RELATIONSHIP_VERBS.endMatch, data, 'destructive'),
    // Back to the form as it was filled in.
    execute('Go back', RELATIONSHIP_VERBS.endForm, { ...data, confirmed: false }),
  ]);
}

/** What each side reads when a match has ended, in words that fit the reason. */
const TO_MENTOR: Record<EndReason, (name: string) => string> = {
  relationshipBrokeDown: (name) => `Your match with ${name} has ended: the relationship was not working out. This happens, and it is nobody's failure.`,
  youngPersonMovedOn: (name) => `Your match with ${name} has ended because ${name} has moved on. Thank you for the difference you made.`,
  youngPersonNoLongerWants: (name) => `${name} has decided they no longer want a mentor, so your match has ended. It is ${name}'s choice to make, and it says nothing about you.`,
  mentorUnavailable: (name) => `Your match with ${name} has ended because you are no longer available. Thank you for the time you gave.`,
  safeguardingDecision: (name) => `The Leaving Care Service has ended your match with ${name} after a safeguarding decision. Please do not contact ${name}; the coordinator will talk it through with you.`,
  termComplete: (name) => `Your match with ${name} has reached the end of its term. Thank you for everything you gave.`,
};

const TO_COORDINATOR: Record<EndReason, string> = {
  relationshipBrokeDown: 'the relationship broke down',
  youngPersonMovedOn: 'the young person has moved on',
  youngPersonNoLongerWants: 'the young person no longer wants a mentor',
  mentorUnavailable: 'the mentor is no longer available',
  safeguardingDecision: 'of a safeguarding decision',
  termComplete: 'the term is complete',
};

export interface MatchEndedView {
  readonly matchId: string;
  readonly reason: EndReason;
  readonly endedByName: string;
  readonly youngPersonNext: YoungPersonNext;
  readonly forMentor: boolean;
  readonly mentorName: string;
  readonly mentorNext?: MentorNext;
  readonly youngPerson?: YoungPersonContact;
  /** The coordinator's record only. */
  readonly note?: string;
  readonly closedRecord?: boolean;
}

export function matchEndedCard(view: MatchEndedView): AdaptiveCardJson {
  const name = view.youngPerson?.firstName ?? 'the young person';
  const body: CardElement[] = [heading('The match has ended')];
  const summary = view.forMentor ? `Your match with ${name} has ended` : `${view.mentorName}'s match with ${name} has ended`;
  if (view.forMentor) {
    body.push(text(TO_MENTOR[view.reason](name)), text(whoTells(view.youngPerson, false)));
  } else {
    const ref = view.youngPerson ? ` (${view.youngPerson.reference})` : '';
    body.push(
      text(`${view.mentorName}'s match with ${name}${ref} ended because ${TO_COORDINATOR[view.reason]} (recorded by ${view.endedByName}).`),
      text(YOUNG_PERSON_WORDS[view.youngPersonNext](view.youngPerson?.firstName ?? 'The young person')),
      text(whoTells(view.youngPerson, true)),
      ...(view.closedRecord ? [text('The young person’s record was closed.')] : []),
      ...(view.note ? [facts([['Note', view.note]])] : []),
    );
  }
  if (view.mentorNext) {
    body.push(text(view.mentorNext === 'offerAgain' ? `${view.forMentor ? 'You' : 'The mentor'} can be matched again.` : `${view.forMentor ? 'You have' : 'The mentor has'} stepped down. Thank you.`, { spacing: 'Medium' }));
    return card(body, view.forMentor ? [supportButton()] : [], undefined, { summary });
  }
  if (!view.forMentor) return card([...body, text('The mentor is asked whether to be matched again or to step down.', { subtle: true })], [], undefined, { summary });
  return card(
    [...body, text('Would you like to be matched with another young person, or step down?', { spacing: 'Medium' })],
    [
      execute('Match me again', RELATIONSHIP_VERBS.mentorNext, { matchId: view.matchId, next: 'offerAgain' }, 'positive'),
      secondary(execute('Step down', RELATIONSHIP_VERBS.mentorNext, { matchId: view.matchId, next: 'stepDown' })),
      supportButton(),
    ],
    undefined,
    { summary },
  );
}

/** Matches listed before the rest fold away. */
const MATCHES_SHOWN = 5;

/** "end match" from a coordinator: the running matches (mentors' names and start days only), each with its button. */
export function matchesToEndCard(matches: readonly { matchId: string; mentorName: string; startedOn: string }[]): AdaptiveCardJson {
  const shown = matches.slice(0, 10);
  const body: CardElement[] = [heading('End a match'), text(matches.length ? 'Choose the match to end. You will see what happens before anything changes.' : 'No match is running.')];
  const rows = shown.map((match): CardElement => ({
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [text(`${match.mentorName}, matched since ${formatDate(match.startedOn)}`)] },
      { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [execute(`End ${match.mentorName}'s match…`, RELATIONSHIP_VERBS.endForm, { matchId: match.matchId })] }] },
    ],
  }));
  body.push(...foldedList('matchesToEnd', rows, MATCHES_SHOWN, 'more matches'));
  if (matches.length > shown.length) body.push(text(`and ${matches.length - shown.length} more: open the coordinator's workspace for the full list.`, { subtle: true }));
  return card(body);
}
