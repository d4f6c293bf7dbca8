import { MATCHING_VERBS } from '../matching.verbs.js';
import { choiceInput } from './choice-input.js';
import { MAX_MENTORS_PUT, type PenPictureView, type Proposal, type Ranking } from '../../domain/index.js';
import { ageOn, type YoungPerson } from '../../domain/young-people/index.js';
import { bullets, card, command, confirmAction, execute, fieldProblem, heading, notice, subheading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { penPictureElements } from './pen-picture.card.js';

const CONFIDENTIAL = 'Confidential: for the scheme coordinators only.';

/** `match`: the coordinator picks a waiting young person. */
export function matchPickerCard(waiting: readonly YoungPerson[], now: Date): AdaptiveCardJson {
  if (waiting.length === 0) return card([heading('Match a young person'), text('Nobody is waiting for a mentor.')], [command('Add a young person', 'add a young person')]);
  const titles = Object.fromEntries(waiting.map((each) => [each.id, `${each.firstName} (${each.reference}), ${ageOn(each.dateOfBirth, now)}`]));
  return card(
    [
      heading('Match a young person'),
      text(CONFIDENTIAL, { subtle: true }),
      choiceInput('youngPersonId', 'Who are you looking for a mentor for?', waiting.map((each) => each.id), undefined, { required: true, titles }),
    ],
    [execute('Suggest mentors', MATCHING_VERBS.suggestMentors, {}, 'positive')],
  );
}

/** The ranked shortlist with the reasons for each mentor, who is ruled out and why; pick up to three. */
export function suggestionsCard(youngPerson: YoungPerson, ranking: Ranking, problem?: string): AdaptiveCardJson {
  const suggestions: CardElement[] = ranking.suggestions.flatMap((suggestion, index) => [
    text(`${index + 1}. ${suggestion.mentorName}`, { weight: 'Bolder', spacing: 'Medium' }),
    ...bullets(suggestion.reasons.map((reason) => reason.reason)),
  ]);
  const excluded: CardElement[] = ranking.excluded.flatMap((mentor) => [
    text(mentor.mentorName, { weight: 'Bolder' }),
    ...bullets(mentor.reasons.map((reason) => reason.message)),
  ]);
  const titles = Object.fromEntries(ranking.suggestions.map((each) => [each.mentorId, each.mentorName]));
  const body: CardElement[] = [
    heading(`Mentors for ${youngPerson.firstName} (${youngPerson.reference})`),
    text(CONFIDENTIAL, { subtle: true }),
    ...(problem ? [fieldProblem(problem)] : []),
    text('Best fit first: age, gender, interests and what the young person asked for.', { subtle: true }),
    ...(suggestions.length ? suggestions : [text('No mentor can be suggested at the moment.')]),
    ...(excluded.length ? [subheading('Ruled out', 'Large'), ...excluded] : []),
  ];
  if (ranking.suggestions.length === 0) return card(body);
  body.push(choiceInput('mentorIds', `Put up to ${MAX_MENTORS_PUT} to the young person`, ranking.suggestions.map((each) => each.mentorId), undefined, { multi: true, required: true, titles }));
  return card(body, [execute('Put to the young person', MATCHING_VERBS.putMentors, { youngPersonId: youngPerson.id }, 'positive')]);
}

/** The mentors put to the young person, as they will read them, and where their decision is recorded. */
export function proposalCard(youngPerson: YoungPerson, proposal: Proposal, pictures: readonly PenPictureView[], done?: string): AdaptiveCardJson {
  const titles: Record<string, string> = Object.fromEntries(pictures.map((picture, index) => [proposal.mentorIds[index] ?? '', picture.name]));
  titles.noneSuits = 'None of them suits';
  const open = proposal.status === 'withYoungPerson';
  return card(
    [
      heading(`Mentors put to ${youngPerson.firstName} (${youngPerson.reference})`),
      text(CONFIDENTIAL, { subtle: true }),
      ...(done ? [notice(done, 'good')] : []),
      text('Share these pen pictures with the young person (or their key adult). They decide.'),
      ...pictures.map((picture) => ({ type: 'Container', style: 'emphasis', spacing: 'Medium', items: penPictureElements(picture) })),
      ...(open ? [choiceInput('choice', 'What did the young person decide?', [...proposal.mentorIds, 'noneSuits'], undefined, { required: true, titles })] : []),
    ],
    open ? [execute("Record the young person's decision", MATCHING_VERBS.recordChoice, { youngPersonId: youngPerson.id, proposalId: proposal.id }, 'positive')] : [],
  );
}

/** After the decision is recorded, for the coordinator. */
export function choiceRecordedCard(proposal: Proposal, chosenName: string | undefined): AdaptiveCardJson {
  if (proposal.status === 'noneSuits') {
    return card([heading('Decision recorded'), text('None of the mentors suits. The young person stays on the list.')], [command('Look for other mentors', 'match')]);
  }
  return card([heading('Decision recorded'), text(`${chosenName ?? 'The chosen mentor'} has been asked to accept. You will hear when they answer.`)]);
}

/** To the chosen mentor: nothing about the young person until they accept. */
export function matchRequestCard(ref: { youngPersonId: string; proposalId: string }, state: 'open' | 'accepted' | 'declined' | 'closed' = 'open', problem?: string): AdaptiveCardJson {
  const body: CardElement[] = [
    heading('A young person has chosen you as their mentor'),
    text('A young person read your pen picture and would like you as their mentor. Their details are shared with you only once you accept.'),
    text('Accepting means at least 90 minutes a month with them, for at least 6 and at most 18 months.'),
    ...(problem ? [fieldProblem(problem)] : []),
  ];
  if (state === 'accepted') body.push(notice('You accepted. Their first name, their key adult and your emergency contacts are in your chat.', 'good'));
  if (state === 'declined') body.push(text('You declined. The coordinator has been told and will look for another mentor for them.', { weight: 'Bolder' }));
  if (state === 'closed') body.push(text('This request is no longer open.', { weight: 'Bolder' }));
  const actions =
    state === 'open'
      ? [
          execute('Accept the match', MATCHING_VERBS.acceptMatch, ref, 'positive'),
          confirmAction({
            opener: 'Decline…',
            consequence: 'The coordinator will be told that you declined, and will look for another mentor for the young person.',
            confirm: 'Decline the match',
            verb: MATCHING_VERBS.declineMatch,
            data: ref,
          }),
        ]
      : [];
  return card(body, actions, undefined, state === 'open' ? { summary: 'A young person has chosen you as their mentor: please accept or decline the match' } : {});
}

export interface MatchStartedView {
  readonly firstName: string;
  readonly age: number;
  readonly interests: string;
  readonly eetGoals: string;
  readonly meets: string;
  readonly free: string;
  readonly keyAdult: { readonly role: string; readonly name: string; readonly contact: string };
  readonly dutyLine?: string;
  readonly serviceManager?: { readonly name: string; readonly contact: string };
}

/** To the mentor once the match starts (report 4.6): the young person's first name, their key adult, the emergency contacts. */
export function matchStartedCard(view: MatchStartedView): AdaptiveCardJson {
  const rows = (pairs: Array<[string, string]>): CardElement => ({
    type: 'Container',
    items: pairs.map(([label, value]) => ({ type: 'ColumnSet', columns: [{ type: 'Column', width: 'auto', items: [text(label, { weight: 'Bolder' })] }, { type: 'Column', width: 'stretch', items: [text(value)] }] })),
  });
  return card([
    heading(`Your mentoring with ${view.firstName} has started`),
    text('Keep these details to yourself: they are shared with you so that you can mentor well and stay safe.', { subtle: true }),
    rows([
      ['First name', view.firstName],
      ['Age', String(view.age)],
      ['Interests', view.interests || 'Not given'],
      ['Aims', view.eetGoals || 'Not given'],
      ['Would meet', view.meets || 'Either way'],
      ['Free', view.free],
    ]),
    text('Key adult', { weight: 'Bolder', spacing: 'Medium' }),
    rows([[view.keyAdult.role, `${view.keyAdult.name}, ${view.keyAdult.contact}`]]),
    text('Emergency contacts', { weight: 'Bolder', spacing: 'Medium' }),
    text('If something comes up in a conversation that worries you, call the key adult; if you cannot reach them, the Leaving Care duty line; and tell the service manager.'),
    rows([
      ['Key adult', `${view.keyAdult.name}, ${view.keyAdult.contact}`],
      ['Leaving Care duty line', view.dutyLine ?? 'Ask the scheme coordinator'],
      ['Service manager', view.serviceManager ? `${view.serviceManager.name}, ${view.serviceManager.contact}` : 'Ask the scheme coordinator'],
    ]),
    text('Next: arrange your first meeting, at a time and place that suit you both.', { spacing: 'Medium' }),
  ], [command('Log a meeting', 'log meeting')], undefined, { summary: 'Your match has started: the contacts you need are here' });
}

/** To the coordinators when the chosen mentor answers. */
export function matchNoticeCard(mentorName: string, youngPerson: { firstName: string; reference: string } | undefined, outcome: 'accepted' | 'declined'): AdaptiveCardJson {
  const who = youngPerson ? `${youngPerson.firstName} (${youngPerson.reference})` : 'the young person';
  return card(
    [
      heading(outcome === 'accepted' ? 'A match has started' : 'A mentor declined'),
      text(CONFIDENTIAL, { subtle: true }),
      text(outcome === 'accepted' ? `${mentorName} accepted ${who}. The emergency contacts have been sent to them.` : `${mentorName} declined ${who}.`),
    ],
    outcome === 'declined' ? [command('Put other mentors to them', 'match')] : [],
    undefined,
    // Nothing about the young person in a notification: it shows on a locked phone.
    { summary: outcome === 'accepted' ? `${mentorName} accepted a match` : `${mentorName} declined a match: please look for another mentor` },
  );
}
