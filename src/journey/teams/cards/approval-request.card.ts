import { JOURNEY_VERBS } from '../journey.verbs.js';
import type { ApprovalRequest, Mentor } from '../../domain/index.js';
import { approverNames } from '../../domain/index.js';
import { card, execute, facts, formatDate, heading, text, userMri, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { TIME_COST } from './scheme-facts.js';

export interface ApprovalCardView {
  /** The viewer is a stored approver and the request is still open: show the buttons. */
  readonly canDecide: boolean;
  readonly reminder?: boolean;
  readonly problem?: string;
}


export function approvalRequestCard(mentor: Mentor, view: ApprovalCardView): AdaptiveCardJson {
  const approval = mentor.approval!;
  const ref = { mentorId: mentor.id, approvalId: approval.id };
  const refresh = {
    action: execute('Refresh', JOURNEY_VERBS.refreshApproval, ref),
    userIds: [...approval.approvers.map((approver) => userMri(approver.id)), userMri(mentor.id)],
  };
  const body: CardElement[] = [
    heading(view.reminder ? 'Reminder: a mentoring request is waiting for you' : 'Mentoring scheme: approval request'),
    text(`${mentor.name} asks to become a mentor for a young person leaving care.`),
    facts(requestFacts(mentor)),
    text('What it costs in time', { weight: 'Bolder', spacing: 'Medium' }),
    facts(TIME_COST),
    statusLine(approval),
    ...(view.problem ? [text(view.problem, { color: 'Attention' })] : []),
  ];
  const open = approval.status === 'pending' && view.canDecide;
  return card(body, open ? decisionActions(ref) : [], refresh);
}

function requestFacts(mentor: Mentor): Array<[string, string]> {
  const details = mentor.details;
  const rows: Array<[string, string]> = [
    ['Role', details?.role === 'electedMember' ? 'Elected member' : 'Senior manager'],
    ['Job title', details?.jobTitle ?? mentor.directory.jobTitle ?? 'Not given'],
    ['Directorate or ward', details?.directorateOrWard ?? 'Not given'],
    ["Children's Services", details?.worksInChildrensServices ? 'Works in Children\'s Services' : 'Not in Children\'s Services'],
    ['Why', details?.motivation ?? ''],
  ];
  if (details?.declarationOfInterests) rows.push(['Declared interests', details.declarationOfInterests]);
  return rows;
}

export function statusLine(approval: ApprovalRequest): CardElement {
  if (approval.status === 'pending') return text(`Waiting for ${approverNames(approval)} to decide.`, { weight: 'Bolder', spacing: 'Medium' });
  const who = approval.decidedBy?.name ?? 'the approver';
  const when = approval.decidedAt ? formatDate(approval.decidedAt) : '';
  if (approval.status === 'approved') return text(`Approved by ${who} on ${when}.`, { weight: 'Bolder', color: 'Good', spacing: 'Medium' });
  return text(`Declined by ${who} on ${when}: ${approval.reason ?? ''}`, { weight: 'Bolder', color: 'Attention', spacing: 'Medium' });
}

function decisionActions(ref: { mentorId: string; approvalId: string }): CardAction[] {
  return [
    execute('Approve', JOURNEY_VERBS.decideApproval, { ...ref, decision: 'approve' }, 'positive'),
    {
      type: 'Action.ShowCard',
      title: 'Decline…',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: 'reason', label: 'Reason (the applicant will see it)', isMultiline: true, maxLength: 500, isRequired: true, errorMessage: 'Please give a reason.' }],
        actions: [execute('Decline', JOURNEY_VERBS.decideApproval, { ...ref, decision: 'decline' }, 'destructive')],
      },
    },
  ];
}
