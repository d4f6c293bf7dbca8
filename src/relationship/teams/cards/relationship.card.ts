import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import type { RelationshipProgress } from '../../app/progress.js';
import {
  CLAIM_TEXT_MAX,
  describeClaimState,
  describeEndReason,
  END_REASONS,
  formatPounds,
  MEETING_FOCUS_GUIDANCE,
  MEETING_FOCUS_MAX,
  MEETING_MINUTES_MAX,
  MEETING_MINUTES_MIN,
  type EndReason,
  type MentorNext,
  type MonthlySummary,
  type RefreshmentClaim,
  type YoungPersonNext,
} from '../../domain/index.js';
import { card, execute, facts, heading, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';

/** Every relationship card carries this: asking for help is always one press away (report 3.8, 4.6). */
export function supportButton(matchId?: string): CardAction {
  return execute('Support', RELATIONSHIP_VERBS.supportForm, matchId ? { matchId } : {});
}

export interface MeetingFormView {
  readonly matchId: string;
  /** Made when the form is drawn; the same submit twice is stored once. */
  readonly logId: string;
  readonly today: string;
  readonly problem?: string;
  /** What was typed, shown again with a problem. */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly intro?: string;
}

const MODE_CHOICES = [
  { title: 'In person', value: 'inPerson' },
  { title: 'Online or by phone', value: 'online' },
];

function typed(values: MeetingFormView['values'], key: string): string {
  const value = values?.[key];
  return typeof value === 'string' ? value.slice(0, 300) : typeof value === 'number' ? String(value) : '';
}

export function meetingFormCard(view: MeetingFormView): AdaptiveCardJson {
  const v = view.values;
  const body: CardElement[] = [heading('Log a meeting')];
  if (view.intro) body.push(text(view.intro));
  if (view.problem) body.push(text(view.problem, { color: 'Attention', weight: 'Bolder' }));
  body.push(
    { type: 'Input.Date', id: 'date', label: 'Date of the meeting', value: typed(v, 'date') || view.today, max: view.today, isRequired: true, errorMessage: 'Please give the date.' },
    {
      type: 'Input.Number',
      id: 'minutes',
      label: 'How long (minutes)',
      min: MEETING_MINUTES_MIN,
      max: MEETING_MINUTES_MAX,
      ...(typed(v, 'minutes') && /^\d{1,4}$/.test(typed(v, 'minutes')) ? { value: Number(typed(v, 'minutes')) } : {}),
      isRequired: true,
      errorMessage: `Whole minutes, from ${MEETING_MINUTES_MIN} to ${MEETING_MINUTES_MAX}.`,
    },
    { type: 'Input.ChoiceSet', id: 'mode', label: 'How you met', style: 'expanded', value: typed(v, 'mode') || 'inPerson', choices: MODE_CHOICES, isRequired: true, errorMessage: 'Please choose one.' },
    text(MEETING_FOCUS_GUIDANCE, { subtle: true, spacing: 'Medium' }),
    { type: 'Input.Text', id: 'focus', label: 'Focus (a few words)', value: typed(v, 'focus'), maxLength: MEETING_FOCUS_MAX, isRequired: true, errorMessage: 'Please add a few words on the focus.' },
    text('Refreshments to reclaim (leave empty if none)', { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'Input.Text', id: 'refreshmentAmount', label: 'Amount (£)', placeholder: '4.50', value: typed(v, 'refreshmentAmount'), maxLength: 12 },
    { type: 'Input.Text', id: 'refreshmentPurpose', label: 'What it was for', placeholder: 'Two coffees', value: typed(v, 'refreshmentPurpose'), maxLength: CLAIM_TEXT_MAX },
    { type: 'Input.Text', id: 'refreshmentNote', label: 'Note (needed for larger amounts)', value: typed(v, 'refreshmentNote'), maxLength: CLAIM_TEXT_MAX },
  );
  return card(body, [execute('Log meeting', RELATIONSHIP_VERBS.logMeeting, { matchId: view.matchId, logId: view.logId }, 'positive'), supportButton(view.matchId)]);
}

function progressFacts(progress: RelationshipProgress): CardElement {
  const term = progress.term;
  return facts([
    ['This month', `${progress.minutesThisMonth} of ${progress.expectedMinutes} minutes`],
    ['Months so far', `${term.monthsElapsed} (at least ${term.minimumMonths}, at most ${term.maximumMonths})`],
    ['Review', term.reviewDate],
    ['Ends by', term.endDate],
  ]);
}

export function meetingLoggedCard(progress: RelationshipProgress, options: { repeated: boolean; claim?: { amountPence: number } }): AdaptiveCardJson {
  const met = progress.minutesThisMonth >= progress.expectedMinutes;
  return card(
    [
      heading(options.repeated ? 'Already logged' : 'Meeting logged'),
      text(options.repeated ? 'This meeting was logged already; nothing new was added.' : 'Thank you. Your meeting is on record.', { color: 'Good' }),
      ...(options.claim ? [text(`Refreshments of ${formatPounds(options.claim.amountPence)} claimed; the Leaving Care Team will approve them.`)] : []),
      progressFacts(progress),
      text(met ? 'You have met the 90 minutes for this month.' : `${progress.expectedMinutes - progress.minutesThisMonth} minutes to go this month.`, { spacing: 'Medium' }),
    ],
    [execute('Log another', RELATIONSHIP_VERBS.meetingForm, { matchId: progress.matchId }), supportButton(progress.matchId)],
  );
}

export function commitmentNudgeCard(progress: RelationshipProgress): AdaptiveCardJson {
  return card(
    [
      heading('A gentle reminder'),
      text(
        `The month is nearly over and ${progress.minutesThisMonth} of the ${progress.expectedMinutes} minutes are logged. ` +
          'If you have met and not logged it yet, log it now; if meeting has been hard, the Leaving Care Team can help.',
      ),
      progressFacts(progress),
    ],
    [execute('Log a meeting', RELATIONSHIP_VERBS.meetingForm, { matchId: progress.matchId }, 'positive'), supportButton(progress.matchId)],
  );
}

export function shortfallCard(view: { mentorName: string; month: string; minutesByMonth: readonly [string, number][] }): AdaptiveCardJson {
  return card([
    heading('A match under 90 minutes two months running'),
    text(`${view.mentorName} has logged under 90 minutes a month for two months running, up to ${view.month}. They may need support.`),
    facts(view.minutesByMonth.map(([month, minutes]) => [month, `${minutes} minutes`])),
  ]);
}

export interface ReviewView {
  readonly matchId: string;
  readonly forCoordinator: boolean;
  readonly mentorName: string;
  readonly monthsElapsed: number;
  readonly answered?: boolean;
}

export function reviewCard(view: ReviewView): AdaptiveCardJson {
  const who = view.forCoordinator ? `${view.mentorName}'s match` : 'Your match';
  const body = [
    heading('Six-month review'),
    text(`${who} has run ${view.monthsElapsed} months. The scheme asks mentor and coordinator whether to continue (up to 18 months), or to end it now.`),
  ];
  if (view.answered) return card([...body, text('Thank you: your answer is recorded.', { color: 'Good' })], [supportButton(view.matchId)]);
  return card(body, [
    execute('Continue', RELATIONSHIP_VERBS.answerReview, { matchId: view.matchId, answer: 'continue' }, 'positive'),
    execute('End the match', RELATIONSHIP_VERBS.endForm, { matchId: view.matchId }),
    supportButton(view.matchId),
  ]);
}

const REASON_TITLES: Record<EndReason, string> = {
  termComplete: 'The term is complete',
  relationshipBrokeDown: 'The relationship broke down',
  youngPersonMovedOn: 'The young person has moved on',
  mentorUnavailable: 'The mentor is no longer available',
};

export function endFormCard(view: { matchId: string; forMentor: boolean; problem?: string }): AdaptiveCardJson {
  const body: CardElement[] = [heading('End the match')];
  if (view.problem) body.push(text(view.problem, { color: 'Attention', weight: 'Bolder' }));
  body.push(
    text('Why is it ending? When a relationship breaks down the young person goes back on the list for a new mentor.'),
    {
      type: 'Input.ChoiceSet',
      id: 'reason',
      label: 'Reason',
      style: 'expanded',
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
      isRequired: true,
      errorMessage: 'Please choose one.',
      choices: [
        { title: 'Match me with another young person', value: 'offerAgain' },
        { title: 'Step down from the scheme', value: 'stepDown' },
      ],
    });
  }
  return card(body, [execute('End the match', RELATIONSHIP_VERBS.endMatch, { matchId: view.matchId }, 'destructive'), supportButton(view.matchId)]);
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
      execute('Step down', RELATIONSHIP_VERBS.mentorNext, { matchId: view.matchId, next: 'stepDown' }),
      supportButton(),
    ],
  );
}

export const CLAIMS_ON_A_CARD = 15;

export function claimsCard(view: { month: string; claims: readonly RefreshmentClaim[]; mentorNames: ReadonlyMap<string, string>; problem?: string }): AdaptiveCardJson {
  const body: CardElement[] = [heading(`Refreshment claims: ${view.month}`)];
  if (view.problem) body.push(text(view.problem, { color: 'Attention', weight: 'Bolder' }));
  if (view.claims.length === 0) body.push(text('No claims this month.'));
  // Those waiting for a decision first; a card holds at most CLAIMS_ON_A_CARD (Teams refuses a message over about 28 KB; 15 claims with their buttons come to about 16 KB).
  const order: Record<string, number> = { submitted: 0, approved: 1, paid: 2, rejected: 3 };
  const shown = [...view.claims].sort((a, b) => (order[a.state] ?? 4) - (order[b.state] ?? 4)).slice(0, CLAIMS_ON_A_CARD);
  for (const claim of shown) {
    const actions: CardAction[] = [];
    const ref = { matchId: claim.matchId, claimId: claim.id, month: view.month };
    if (claim.state === 'submitted') actions.push(execute('Approve', RELATIONSHIP_VERBS.decideClaim, { ...ref, decision: 'approve' }, 'positive'));
    if (claim.state === 'approved') actions.push(execute('Mark paid', RELATIONSHIP_VERBS.decideClaim, { ...ref, decision: 'pay' }, 'positive'));
    if (claim.state === 'submitted' || claim.state === 'approved') {
      actions.push({
        type: 'Action.ShowCard',
        title: 'Reject',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: `reason:${claim.id}`, label: 'Why (the mentor sees this)', maxLength: CLAIM_TEXT_MAX, isRequired: true, errorMessage: 'Please give a reason.' }],
          actions: [execute('Reject the claim', RELATIONSHIP_VERBS.decideClaim, { ...ref, decision: 'reject' }, 'destructive')],
        },
      });
    }
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(`${claim.date}  ${view.mentorNames.get(claim.mentorId) ?? 'A mentor'}  ${formatPounds(claim.amountPence)}`, { weight: 'Bolder' }),
        text(`${claim.purpose}${claim.note ? ` (${claim.note})` : ''}`),
        text(`Status: ${describeClaimState(claim.state)}${claim.rejectionReason ? ` (${claim.rejectionReason})` : ''}`, { subtle: true }),
        ...(actions.length ? [{ type: 'ActionSet', actions }] : []),
      ],
    });
  }
  if (view.claims.length > shown.length) {
    body.push(text(`${view.claims.length - shown.length} more not shown (already paid or rejected ones last); the export lists them all.`, { subtle: true }));
  }
  const total = view.claims.filter((claim) => claim.state !== 'rejected').reduce((sum, claim) => sum + claim.amountPence, 0);
  body.push(text(`Total claimed: ${formatPounds(total)}`, { weight: 'Bolder', spacing: 'Medium' }));
  return card(body, [execute('Export for finance (CSV)', RELATIONSHIP_VERBS.exportClaims, { month: view.month })]);
}

/** Most CSV characters on one card, leaving room under Teams' message size limit (about 28 KB). */
export const CSV_PART_CHARS = 18_000;

/** Splits CSV text on line ends into parts that each fit on a card; pasted one after another they make the file. */
export function csvParts(csv: string, maxChars = CSV_PART_CHARS): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of csv.split(/(?<=\r\n)/)) {
    if (current !== '' && current.length + line.length > maxChars) {
      parts.push(current);
      current = '';
    }
    current += line;
  }
  if (current !== '' || parts.length === 0) parts.push(current);
  return parts;
}

/**
 * The CSV, in a box the coordinator selects and copies into a .csv file (or pastes into a spreadsheet). A 1:1 chat
 * cannot take a file from a bot without the file-consent flow; see docs/relationship.md. A long month comes in parts.
 */
export function claimsCsvCard(view: { month: string; csv: string; count: number; part?: number; parts?: number }): AdaptiveCardJson {
  const parts = view.parts ?? 1;
  const part = view.part ?? 1;
  const intro =
    parts === 1
      ? `${view.count} claim${view.count === 1 ? '' : 's'}. Select all the text below, copy it, and save it as claims-${view.month}.csv.`
      : `${view.count} claims, in ${parts} parts (this is part ${part}). Copy each part in order into one file, claims-${view.month}.csv.`;
  return card(
    [heading(`Claims for finance: ${view.month}${parts > 1 ? ` (part ${part} of ${parts})` : ''}`), text(intro), { type: 'Input.Text', id: 'csv', label: 'CSV', isMultiline: true, value: view.csv }],
    part === 1 ? [execute('Back to the claims', RELATIONSHIP_VERBS.claimsForMonth, { month: view.month })] : [],
  );
}

export function summaryCard(view: { summary: MonthlySummary; mentorNames: ReadonlyMap<string, string> }): AdaptiveCardJson {
  const { summary } = view;
  const totals = summary.totals;
  const body: CardElement[] = [
    heading(`Relationships: ${summary.month}`),
    facts([
      ['Matches running', String(totals.matches)],
      ['Minutes logged', String(totals.minutes)],
      ['Under 90 minutes', String(totals.matchesUnderExpectation)],
      ['Two months under', String(totals.coordinatorAlerts)],
      ['Refreshments claimed', formatPounds(totals.claims.claimedPence)],
      ['Paid', formatPounds(totals.claims.paidPence)],
    ]),
  ];
  for (const row of summary.matches.slice(0, 30)) {
    const flags = [row.metExpectation ? '' : 'under 90', row.coordinatorToBeTold ? 'follow up' : '', row.reviewDue ? 'review due' : '', row.endDue ? 'term over' : '']
      .filter(Boolean)
      .join(', ');
    body.push(text(`${view.mentorNames.get(row.mentorId) ?? 'A mentor'}: ${row.minutes} min, month ${row.monthsElapsed}${flags ? ` (${flags})` : ''}`));
  }
  if (summary.matches.length > 30) body.push(text(`and ${summary.matches.length - 30} more.`, { subtle: true }));
  return card(body, [execute('Claims this month', RELATIONSHIP_VERBS.claimsForMonth, { month: summary.month })]);
}

/** To the mentor when a claim is rejected, with the coordinator's reason. */
export function claimRejectedCard(claim: RefreshmentClaim): AdaptiveCardJson {
  return card(
    [
      heading('A refreshment claim was not approved'),
      text(`Your claim of ${formatPounds(claim.amountPence)} for the meeting on ${claim.date} (${claim.purpose}) was rejected.`),
      text(`Reason: ${claim.rejectionReason ?? 'none given'}`),
      text('If you think this is wrong, ask the scheme coordinator.', { subtle: true }),
    ],
    [supportButton(claim.matchId)],
  );
}
