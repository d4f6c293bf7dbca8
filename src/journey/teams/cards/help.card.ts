import type { Mentor } from '../../domain/index.js';
import { nextStep } from '../../domain/index.js';
import { nextStepButton } from './next-step-button.js';
import { waitingForDecisionSection } from './waiting-for-decision.js';
import { card, command, facts, heading, subheading, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { undeliveredHelpSection, type UndeliveredLine } from '../../../platform/teams/cards/undelivered.card.js';

export interface HelpView {
  readonly mentor: Mentor | undefined;
  readonly isCoordinator: boolean;
  /** The Data Protection Officer sees every privacy command; a coordinator the ones they share, folded. */
  readonly isDataProtectionOfficer?: boolean;
  /** For coordinators: messages the bot gave up on, still waiting for Try again. */
  readonly undelivered?: readonly UndeliveredLine[];
  /** Requests waiting for this person's decision: shown first. */
  readonly waitingForDecision?: readonly Mentor[];
}

type Command = [typed: string, what: string];

const COORDINATOR_DAY: Command[] = [
  ['sessions', 'Every session with its bookings and waiting list; change seats, move or cancel'],
  ['attendance', 'Record who came to a session'],
  ['claims', "A month's refreshment claims: approve, mark paid, export"],
  ['pipeline', 'Numbers by stage; who is waiting'],
];
const COORDINATOR_MORE: Command[] = [
  ['new session', 'Add a session'],
  ['young people', 'Add, edit, pause or close a young person'],
  ['match', 'Suggest mentors for a young person'],
  ['dbs', 'Record DBS checks; who lacks one'],
  ['conflicts', "Councillors' conflicts of interest, for matching"],
  ['summary', "A month's meetings, minutes and claims across every match"],
  ['broadcast', 'Send an announcement or a session invitation to many people, and see who got it'],
  ['cohorts', 'Each cohort, who waits for dates; open the next cohort'],
  ['rota', 'The Regulation 33 rota: homes, months, the member on each visit, its gaps'],
  ['end match', 'End a match at any time, with a reason'],
  ['feedback', 'What mentors and young people said when their match ended'],
];

/** The privacy work the coordinators share with the Data Protection Officer (docs/privacy.md). */
const PRIVACY_SHARED: Command[] = [
  ['privacy', 'Subject access requests: their state and due dates'],
  ['subject access', 'Start a request: subject access, then a directory id or a case reference'],
  ['legal hold', "Keep a person's records past their retention date: legal hold, the id, the reason"],
  ['lift hold', 'Let retention run again for them: lift hold, the id'],
  ['retention dry run', 'What the next retention run would remove, by kind of record'],
];
/** The Data Protection Officer's alone. */
const PRIVACY_DPO: Command[] = [
  ['restrict', "Stop using a person's records (Art. 18): restrict, the id or case reference, the reason"],
  ['lift restriction', 'Use the records again: lift restriction, the id'],
  ['erase', 'Remove everything about a person (Art. 17), after you confirm: erase, the id or case reference'],
];

/** What this person can do now: decisions waiting for them first, then a coordinator's day, then their own journey. */
export function helpCard(view: HelpView): AdaptiveCardJson {
  const body: CardElement[] = [heading('What you can do'), ...waitingForDecisionSection(view.waitingForDecision ?? [])];
  const actions: CardAction[] = [];
  if (view.isCoordinator) {
    body.push(subheading("The coordinator's day"), commandList([...COORDINATOR_DAY, ...COORDINATOR_MORE]));
    actions.push(command('Sessions', 'sessions'), command('Attendance', 'attendance'), command('Claims', 'claims'), command('Pipeline', 'pipeline'));
    const undelivered = undeliveredHelpSection(view.undelivered ?? []);
    body.push(...undelivered.body);
    actions.unshift(...undelivered.actions);
    // A coordinator's day is long already: the privacy commands (the DPO's too, for a coordinator who is one) fold.
    body.push(...privacyFolded(view.isDataProtectionOfficer ? 'As the Data Protection Officer' : 'Privacy', view.isDataProtectionOfficer ? [...PRIVACY_SHARED, ...PRIVACY_DPO] : PRIVACY_SHARED));
  } else if (view.isDataProtectionOfficer) {
    body.push(subheading('As the Data Protection Officer'), commandList([...PRIVACY_SHARED, ...PRIVACY_DPO]));
    actions.push(command('Privacy', 'privacy'));
  }
  const staff = view.isCoordinator || view.isDataProtectionOfficer === true;
  const own = mentorCommands(view.mentor, staff);
  if (own.length > 0) {
    body.push(subheading(staff ? 'As a mentor' : 'Your next step'));
    if (view.mentor || !staff) body.push(text(`Next: ${nextStep(view.mentor)}`));
    body.push(commandList(own));
    const next = view.mentor || !staff ? nextStepButton(view.mentor) : undefined;
    if (next) actions.unshift(next);
  }
  body.push(text('Type any of the words in bold at any time; type help to see this again.', { subtle: true, spacing: 'Medium' }));
  return card(body, actions.slice(0, 5));
}

/** A coordinator's privacy commands, folded behind a button: a busy day's card stays short. */
function privacyFolded(title: string, commands: readonly Command[]): CardElement[] {
  const id = 'privacyCommands';
  return [
    { type: 'Container', id, isVisible: false, items: [subheading(title, 'Small'), commandList(commands)] },
    { type: 'ActionSet', id: `${id}Toggle`, actions: [{ type: 'Action.ToggleVisibility', title: 'Privacy commands', targetElements: [id] }] },
  ];
}

/** A mentor's own commands at their stage; a coordinator or DPO who is not a mentor gets none (no "sign up" for them). */
function mentorCommands(mentor: Mentor | undefined, staff: boolean): Command[] {
  const stage = mentor?.stage;
  if (!mentor && staff) return [];
  const commands: Command[] = [];
  if (!stage || stage === 'interested' || stage === 'declined' || stage === 'withdrawn') commands.push(['sign up', 'Sign up as a mentor']);
  commands.push(['my status', 'Where you are in the journey, and what comes next']);
  if (stage === 'approved' || stage === 'booked') commands.push(['sessions', 'Book the information session and the training']);
  if (stage === 'trained' || stage === 'profileComplete' || stage === 'matched' || stage === 'active') commands.push(['my profile', 'Your pen picture, as a young person will see it']);
  if (stage === 'matched' || stage === 'active') commands.push(['log meeting', 'Log a meeting with your mentee, and any refreshments'], ['support', 'Ask the Leaving Care Service for help, or raise a concern'], ['my match', 'Your match: its months and minutes; end it if you need to']);
  return commands;
}

function commandList(commands: readonly Command[]): CardElement {
  return facts(commands.map(([typed, what]) => [typed, what]));
}
