import { JOURNEY_VERBS } from '../journey.verbs.js';
import type { ApprovalRequest, Mentor } from '../../domain/index.js';
import { approverNames } from '../../domain/index.js';
import { card, confirmAction, execute, facts, fieldProblem, formatDate, heading, notice, subheading, text, userMri, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { TIME_COST } from './scheme-facts.js';

/** Who is reading the card: it is written for them (the approver decides, the applicant waits, anyone else reads). */
export type ApprovalViewer = 'approver' | 'applicant' | 'other';

export interface ApprovalCardView {
  /** The viewer is a stored approver and the request is still open: show the buttons. */
  readonly canDecide: boolean;
  /** Defaults to the approver when they can decide, otherwise someone else. */
  readonly viewer?: ApprovalViewer;
  readonly reminder?: boolean;
  readonly problem?: string;
}

export function approvalRequestCard(mentor: Mentor, view: ApprovalCardView): AdaptiveCardJson {
  const approval = mentor.approval!;
  const viewer = view.viewer ?? (view.canDecide ? 'approver' : 'other');
  const ref = { mentorId: mentor.id, approvalId: approval.id };
  const refresh = {
    action: execute('Refresh', JOURNEY_VERBS.refreshApproval, ref),
    userIds: [...approval.approvers.map((approver) => userMri(approver.id)), userMri(mentor.id)],
  };
  const open = approval.status === 'pending' && view.canDecide;
  const body: CardElement[] = [
    heading(headingFor(mentor, approval, viewer, view.reminder === true)),
    text(viewer === 'applicant' ? 'Your request to become a mentor for a young person leaving care.' : `${mentor.name} asks to become a mentor for a young person leaving care.`),
    facts(requestFacts(mentor)),
    subheading('What it costs in time'),
    facts(TIME_COST),
    statusLine(approval, viewer),
    ...(view.problem ? [fieldProblem(view.problem)] : []),
  ];
  const summary = viewer === 'approver' && open ? approverSummary(mentor, view.reminder === true) : undefined;
  return card(body, open ? decisionActions(mentor, ref) : [], refresh, summary ? { summary } : {});
}

function headingFor(mentor: Mentor, approval: ApprovalRequest, viewer: ApprovalViewer, reminder: boolean): string {
  if (viewer === 'applicant') return approval.status === 'pending' ? `Sent to ${approverNames(approval)} for approval` : 'Your mentoring request';
  if (viewer === 'approver' && approval.status === 'pending') return reminder ? `Reminder: ${mentor.name} is waiting for your decision` : `${mentor.name} is waiting for your decision`;
  return 'Mentoring request';
}

function approverSummary(mentor: Mentor, reminder: boolean): string {
  return reminder ? `Reminder: ${mentor.name} is waiting for your approval to mentor a care leaver` : `${mentor.name} asks for your approval to mentor a care leaver`;
}

function requestFacts(mentor: Mentor): Array<[string, string]> {
  const details = mentor.details;
  const councillor = details?.role === 'electedMember';
  const rows: Array<[string, string]> = [
    ['Role', councillor ? 'Elected member' : 'Senior manager'],
    ...(councillor ? [] : [['Job title', details?.jobTitle ?? mentor.directory.jobTitle ?? 'Not given'] as [string, string]]),
    [councillor ? 'Ward' : 'Directorate', details?.directorateOrWard ?? 'Not given'],
    ...(councillor ? [] : [["Children's Services", details?.worksInChildrensServices ? "Works in Children's Services" : "Not in Children's Services"] as [string, string]]),
    ['Why', details?.motivation ?? ''],
  ];
  if (details?.declarationOfInterests) rows.push(['Declared interests', details.declarationOfInterests]);
  return rows;
}

/** Where the request stands, for whoever reads it; a decline's reason is shown here, once. */
export function statusLine(approval: ApprovalRequest, viewer: ApprovalViewer = 'other'): CardElement {
  if (approval.status === 'pending') {
    return notice(viewer === 'approver' ? 'Waiting for your decision.' : `Waiting for ${approverNames(approval)} to decide.`, 'info');
  }
  const who = approval.decidedBy?.name ?? 'the approver';
  const when = approval.decidedAt ? ` on ${formatDate(approval.decidedAt)}` : '';
  if (approval.status === 'approved') return notice(`Approved by ${who}${when}.`, 'good');
  return notice(`Declined by ${who}${when}. Reason: ${approval.reason ?? 'none given'}`, 'info');
}

function decisionActions(mentor: Mentor, ref: { mentorId: string; approvalId: string }): CardAction[] {
  return [
    execute(`Approve ${mentor.name}`, JOURNEY_VERBS.decideApproval, { ...ref, decision: 'approve' }, 'positive'),
    confirmAction({
      opener: 'Decline…',
      consequence: `${mentor.name} will be told that you declined, with your reason.`,
      reason: { id: 'reason', label: `Reason (${mentor.name} will read it)` },
      confirm: `Decline ${mentor.name}'s request`,
      verb: JOURNEY_VERBS.decideApproval,
      data: { ...ref, decision: 'decline' },
    }),
  ];
}
