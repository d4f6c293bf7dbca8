import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import type { SupportContacts } from '../../app/relationship-ports.js';
import { supportContactLines } from '../../app/support-contacts.js';
import type { SupportConcern } from '../../domain/index.js';
import { card, execute, facts, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';

/**
 * A request for help. The numbers to call come first, before any button: in an emergency nobody should have to press
 * anything to find them. No details are typed here: the duty contact calls the mentor back, and details stay off the record.
 */
export function supportFormCard(view: { concernId: string; matchId?: string; contacts: Pick<SupportContacts, 'dutyLine' | 'serviceManager'> }): AdaptiveCardJson {
  return card(
    [
      heading('Ask the Leaving Care Service'),
      text('If anyone is in immediate danger, call 999 now.', { color: 'Attention', weight: 'Bolder' }),
      emergencyFacts(view.contacts),
      text('Or choose what you need below, and someone from the service will contact you. Please do not write details about the young person here.', { spacing: 'Medium' }),
    ],
    [
      execute('Urgent safeguarding concern', RELATIONSHIP_VERBS.raiseConcern, { concernId: view.concernId, urgency: 'urgent safeguarding', ...(view.matchId ? { matchId: view.matchId } : {}) }, 'destructive'),
      execute('Ask for support', RELATIONSHIP_VERBS.raiseConcern, { concernId: view.concernId, urgency: 'support', ...(view.matchId ? { matchId: view.matchId } : {}) }),
    ],
  );
}

function emergencyFacts(contacts: Pick<SupportContacts, 'dutyLine' | 'serviceManager'>): CardElement {
  return facts(supportContactLines(contacts).map(([label, value]) => [label, value]));
}

/** What the mentor sees at once after raising a concern: the numbers to call, whatever happens next. */
export function concernRaisedCard(concern: SupportConcern, contacts: Pick<SupportContacts, 'dutyLine' | 'serviceManager'>): AdaptiveCardJson {
  const urgent = concern.urgency === 'urgent safeguarding';
  return card([
    heading(urgent ? 'Your concern has been sent' : 'Your request has been sent'),
    notice(
      urgent
        ? 'The duty contact and the service manager have been told and will contact you. Call them now if you need to: do not wait.'
        : 'The Leaving Care Team will contact you.',
      urgent ? 'warning' : 'good',
    ),
    text('Emergency contacts', { weight: 'Bolder', spacing: 'Medium' }),
    emergencyFacts(contacts),
  ]);
}

const RAISED = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

export interface ConcernView {
  readonly concern: SupportConcern;
  readonly mentorName: string;
  /** How to reach them (their email from the directory), when known. */
  readonly mentorContact?: string;
  /** Their phone number from the directory, to call them back, when known. */
  readonly mentorPhone?: string;
  readonly reminder: boolean;
  readonly acknowledgedByName?: string;
  readonly canAcknowledge: boolean;
}

/** To the duty contact and the service manager (or the Leaving Care Team for support); they acknowledge it here. */
export function concernCard(view: ConcernView): AdaptiveCardJson {
  const urgent = view.concern.urgency === 'urgent safeguarding';
  const body: CardElement[] = [
    heading(urgent ? `${view.reminder ? 'Still not acknowledged: ' : ''}URGENT safeguarding concern` : 'A mentor asks for support'),
    notice(`${view.mentorName} ${asked(urgent)}. Please contact them now.`, urgent ? 'attention' : 'info'),
    facts([
      ['Raised', RAISED.format(view.concern.raisedAt)],
      ...(view.mentorPhone ? [['Phone', view.mentorPhone] as [string, string]] : []),
      ...(view.mentorContact ? [['Email', view.mentorContact] as [string, string]] : []),
    ]),
  ];
  if (view.concern.acknowledgedAt) {
    body.push(notice(`Acknowledged by ${view.acknowledgedByName ?? 'a recipient'}.`, 'good'));
    return card(body);
  }
  const summary = `${view.reminder ? 'Still not acknowledged: ' : ''}${view.mentorName} ${asked(urgent)}`;
  return card(body, view.canAcknowledge ? [execute(`I've got this: ${view.mentorName}`, RELATIONSHIP_VERBS.acknowledgeConcern, { concernId: view.concern.id }, 'positive')] : [], undefined, { summary });
}

function asked(urgent: boolean): string {
  return urgent ? 'has raised an urgent safeguarding concern' : 'has asked the Leaving Care Service for support';
}

/** To the mentor: someone has their concern in hand. */
export function concernPickedUpCard(view: { concern: SupportConcern; acknowledgedByName: string }): AdaptiveCardJson {
  const what = view.concern.urgency === 'urgent safeguarding' ? 'concern' : 'request';
  return card(
    [heading(`Your ${what} has been picked up`), notice(`${view.acknowledgedByName} has it and will contact you. If anyone is in immediate danger, call 999.`, 'good')],
    [],
    undefined,
    { summary: `${view.acknowledgedByName} has picked up your ${what} and will contact you` },
  );
}
