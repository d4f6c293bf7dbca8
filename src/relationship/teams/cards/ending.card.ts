import { card, confirmAction, execute, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { describeEndReason, END_REASONS, type EndReason, type MentorNext, type YoungPersonNext } from '../../domain/index.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import { supportButton } from './support-button.card.js';

const REASON_TITLES: Record<EndReason, string> = {
  termComplete: 'The term is complete',
  relationshipBrokeDown: 'The relationship broke down',
  youngPersonMovedOn: 'The young person has moved on',
  mentorUnavailable: 'The mentor is no longer available',
};

export function endFormCard(view: { matchId: string; forMentor: boolean; problem?: string }): AdaptiveCardJson {
  const body: CardElement[] = [heading('End the match')];
  if (view.problem) body.push(notice(view.problem, 'attention'));
  body.push(
    text('Why is it ending? When a relationship breaks down the young person goes back on the list for a new mentor.'),
    {
      type: 'Input.ChoiceSet',
      id: 'reason',
      label: 'Reason',
      style: 'expanded',
      wrap: true,
      isRequired: true,
      errorMessage: 'Please choose a reason.',
      choices: END_REASONS.map((reason) => ({ title: REASON_TITLES[reason], value: reason })),
    },
  );
  if (view.forMentor) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'mentorNext',
      label: 'And then',
      style: 'expanded',
      wrap: true,
      isRequired: true,
      errorMessage: 'Please choose one.',
      choices: [
        { title: 'Match me with another young person', value: 'offerAgain' },
        { title: 'Step down from the scheme', value: 'stepDown' },
      ],
    });
  }
  const end = confirmAction({
    opener: 'End the match…',
    consequence: view.forMentor ? 'The match ends now. The coordinator will be told, with the reason you chose.' : 'The match ends now. The mentor will be told, with the reason you chose.',
    confirm: 'End the match now',
    verb: RELATIONSHIP_VERBS.endMatch,
    data: { matchId: view.matchId },
  });
  return card(body, [supportButton(view.matchId), end]);
}

const YOUNG_PERSON_WORDS: Record<YoungPersonNext, string> = {
  returnToMatchingList: 'The young person is back on the matching list for a new mentor.',
  askAboutNewMentor: "The young person's key adult will ask whether they would like a new mentor.",
  noFurtherMatch: 'No new match is planned for the young person.',
};

export interface EndedView {
  readonly matchId: string;
  readonly reason: EndReason;
  readonly endedByName: string;
  readonly youngPerson: YoungPersonNext;
  readonly forMentor: boolean;
  readonly mentorNext?: MentorNext;
  readonly mentorName: string;
}

export function matchEndedCard(view: EndedView): AdaptiveCardJson {
  const body = [
    heading('The match has ended'),
    text(`${view.forMentor ? 'Your' : `${view.mentorName}'s`} match ended because ${describeEndReason(view.reason)} (recorded by ${view.endedByName}).`),
    text(YOUNG_PERSON_WORDS[view.youngPerson]),
  ];
  if (view.mentorNext) {
    body.push(text(view.mentorNext === 'offerAgain' ? `${view.forMentor ? 'You' : 'The mentor'} can be matched again.` : `${view.forMentor ? 'You have' : 'The mentor has'} stepped down. Thank you.`, { spacing: 'Medium' }));
    return card(body, view.forMentor ? [supportButton()] : []);
  }
  if (!view.forMentor) return card([...body, text('The mentor is asked whether to be matched again or step down.', { subtle: true })]);
  return card(
    [...body, text('Would you like to be matched with another young person, or step down?', { spacing: 'Medium' })],
    [
      execute('Match me again', RELATIONSHIP_VERBS.mentorNext, { matchId: view.matchId, next: 'offerAgain' }, 'positive'),
      execute('Step down from the scheme', RELATIONSHIP_VERBS.mentorNext, { matchId: view.matchId, next: 'stepDown' }),
      supportButton(),
    ],
    undefined,
    { summary: 'Your match has ended: would you like another young person, or to step down?' },
  );
}
