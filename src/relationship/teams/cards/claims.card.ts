import { card, confirmAction, execute, fieldProblem, foldedList, formatDate, formatMonth, heading, openUrl, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { CLAIM_TEXT_MAX, describeClaimState, formatPounds, type RefreshmentClaim } from '../../domain/index.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import { supportButton } from './support-button.card.js';

export const CLAIMS_ON_A_CARD = 15;
/** Claims open before "Show more": what fits a phone screen within the card's height budget. */
const CLAIMS_OPEN = 4;

/** `workspaceUrl`: the workspace's Claims view, where a month is approved, paid and exported in bulk. */
export function claimsCard(view: { month: string; claims: readonly RefreshmentClaim[]; mentorNames: ReadonlyMap<string, string>; problem?: string; workspaceUrl?: string }): AdaptiveCardJson {
  const body: CardElement[] = [heading(`Refreshment claims: ${formatMonth(view.month)}`)];
  if (view.problem) body.push(fieldProblem(view.problem));
  if (view.claims.length === 0) body.push(text('No claims this month.'));
  // Those waiting for a decision first; a card holds at most CLAIMS_ON_A_CARD (Teams refuses a message over about 28 KB; 15 claims with their buttons come to about 16 KB).
  const order: Record<string, number> = { submitted: 0, approved: 1, paid: 2, rejected: 3 };
  const shown = [...view.claims].sort((a, b) => (order[a.state] ?? 4) - (order[b.state] ?? 4)).slice(0, CLAIMS_ON_A_CARD);
  const rows = shown.map((claim): CardElement => {
    const actions: CardAction[] = [];
    const ref = { matchId: claim.matchId, claimId: claim.id, month: view.month };
    const mentor = view.mentorNames.get(claim.mentorId) ?? 'a mentor';
    const which = formatPounds(claim.amountPence);
    if (claim.state === 'submitted') actions.push(execute(`Approve ${which}`, RELATIONSHIP_VERBS.decideClaim, { ...ref, decision: 'approve' }, 'positive'));
    if (claim.state === 'approved') actions.push(execute(`Mark paid ${which}`, RELATIONSHIP_VERBS.decideClaim, { ...ref, decision: 'pay' }, 'positive'));
    if (claim.state === 'submitted' || claim.state === 'approved') {
      actions.push(
        confirmAction({
          opener: 'Reject…',
          consequence: `${mentor} will be told the claim of ${formatPounds(claim.amountPence)} was rejected, with your reason.`,
          reason: { id: `reason:${claim.id}`, label: `Why (${mentor} will read it)`, maxLength: CLAIM_TEXT_MAX },
          confirm: `Reject ${which}`,
          verb: RELATIONSHIP_VERBS.decideClaim,
          data: { ...ref, decision: 'reject' },
        }),
      );
    }
    return {
      type: 'Container',
      separator: true,
      items: [
        text(`${formatDate(claim.date)}  ${mentor}  ${formatPounds(claim.amountPence)}`, { weight: 'Bolder' }),
        text(`${claim.purpose}${claim.note ? ` (${claim.note})` : ''}`),
        text(`Status: ${describeClaimState(claim.state)}${claim.rejectionReason ? ` (${claim.rejectionReason})` : ''}`, { subtle: true }),
        ...(actions.length ? [{ type: 'ActionSet', actions }] : []),
      ],
    };
  });
  body.push(...foldedList('claims', rows, CLAIMS_OPEN, 'more claims'));
  if (view.claims.length > shown.length) {
    body.push(text(`${view.claims.length - shown.length} more not shown (already paid or rejected ones last); the export lists them all.`, { subtle: true }));
  }
  const total = view.claims.filter((claim) => claim.state !== 'rejected').reduce((sum, claim) => sum + claim.amountPence, 0);
  body.push(text(`Total claimed: ${formatPounds(total)}`, { weight: 'Bolder', spacing: 'Medium' }));
  return card(body, [
    execute('Export for finance (CSV)', RELATIONSHIP_VERBS.exportClaims, { month: view.month }),
    ...(view.workspaceUrl ? [openUrl('Open in the workspace', view.workspaceUrl)] : []),
  ]);
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

/** To the mentor when a claim is rejected, with the coordinator's reason. */
export function claimRejectedCard(claim: RefreshmentClaim): AdaptiveCardJson {
  return card(
    [
      heading('A refreshment claim was not approved'),
      text(`Your claim of ${formatPounds(claim.amountPence)} for the meeting on ${formatDate(claim.date)} (${claim.purpose}) was rejected.`),
      text(`Reason: ${claim.rejectionReason ?? 'none given'}`),
      text('If you think this is wrong, ask the scheme coordinator.', { subtle: true }),
    ],
    [supportButton(claim.matchId)],
    undefined,
    { summary: `Your refreshment claim of ${formatPounds(claim.amountPence)} was not approved` },
  );
}
