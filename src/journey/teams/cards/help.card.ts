import type { Mentor } from '../../domain/index.js';
import { nextStep } from '../../domain/index.js';
import { card, facts, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import { undeliveredHelpSection, type UndeliveredLine } from '../../../platform/teams/cards/undelivered.card.js';

export interface HelpView {
  readonly mentor: Mentor | undefined;
  readonly isCoordinator: boolean;
  /** For coordinators: messages the bot gave up on, still waiting for Try again. */
  readonly undelivered?: readonly UndeliveredLine[];
}

/** The commands that make sense now, given where the person is in the journey. */
export function helpCard(view: HelpView): AdaptiveCardJson {
  const commands: Array<[string, string]> = [['help', 'What you can do now']];
  const stage = view.mentor?.stage;
  if (!stage || stage === 'interested' || stage === 'declined' || stage === 'withdrawn') commands.push(['sign up', 'Sign up as a mentor']);
  commands.push(['my status', 'Where you are in the journey, and what comes next']);
  if ((stage === 'approved' || stage === 'booked') && !view.isCoordinator) commands.push(['sessions', 'Book the information session and the training']);
  const coordinator: Array<[string, string]> = [];
  if (view.isCoordinator) {
    coordinator.push(['sessions', 'Every session with its bookings and waiting list; change its seats, move or cancel it'], ['new session', 'Add a session'], ['attendance', 'Record who came to a session']);
  }
  if (stage === 'trained' || stage === 'profileComplete' || stage === 'matched' || stage === 'active') commands.push(['my profile', 'Your pen picture, as a young person will see it']);
  if (view.isCoordinator) {
    coordinator.push(['young people', 'Add, edit, pause or close a young person'], ['match', 'Suggest mentors for a young person'], ['dbs', 'Record DBS checks; who lacks one'], ['conflicts', "Councillors' conflicts of interest, for matching"], ['pipeline', 'Numbers by stage; who is waiting']);
  }
  if (stage === 'matched' || stage === 'active') commands.push(['log meeting', 'Log a meeting with your mentee, and any refreshments'], ['support', 'Ask the Leaving Care Service for help, or raise a concern']);
  if (view.isCoordinator) coordinator.push(['claims', "A month's refreshment claims: approve, mark paid, export"], ['summary', "A month's meetings, minutes and claims across every match"]);
  if (view.isCoordinator) coordinator.push(['cohorts', 'Each cohort, who waits for dates; open the next cohort (information session and training)'], ['rota', 'The Regulation 33 rota: homes, months, the member on each visit, its gaps']);
  if (view.isCoordinator) coordinator.push(['broadcast', 'Send an announcement or a session invitation to many people, and see who got it']);
  const undelivered = undeliveredHelpSection(view.isCoordinator ? (view.undelivered ?? []) : []);
  return card(
    [heading('What you can do'), facts([...commands, ...coordinator]), text(`Next: ${nextStep(view.mentor)}`, { spacing: 'Medium' }), ...undelivered.body],
    undelivered.actions,
  );
}
