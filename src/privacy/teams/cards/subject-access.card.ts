import { card, execute, facts, heading, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { textInput } from '../../../platform/teams/cards/form-inputs.js';
import type { RequestView } from '../../app/subject-access-requests.js';
import { STATE_WORDS, subjectLabel, type ExportDocument } from '../../domain/index.js';
import { PRIVACY_VERBS } from '../privacy.verbs.js';

/** One subject access request: who it is about, its state and deadline, and the next steps as buttons. */
export function subjectAccessCard(view: RequestView, problem?: string): AdaptiveCardJson {
  const { request } = view;
  const body: CardElement[] = [
    heading(`Subject access request: ${subjectLabel(request.subject)}`),
    facts([
      ['State', STATE_WORDS[request.state]],
      ['Received', request.receivedOn],
      ['Due', view.dueOn + (request.extension ? ' (extended)' : '')],
      ['Started by', request.startedBy.name],
      ...(request.extension ? ([['Why extended', request.extension.reason]] as Array<[string, string]>) : []),
    ]),
    ...(problem ? [text(problem, { weight: 'Bolder', color: 'Attention' })] : []),
  ];
  const actions: CardAction[] = [];
  const step = (title: string, name: string) => execute(title, PRIVACY_VERBS.subjectAccessStep, { requestId: request.id, step: name });
  if (request.state === 'received') actions.push(execute('Prepare the export', PRIVACY_VERBS.subjectAccessExport, { requestId: request.id }), step('Pause: identity to check', 'pause'), step('Ready for review', 'review'));
  if (request.state === 'paused') actions.push(step('Identity confirmed', 'identityConfirmed'));
  if (request.state === 'inReview') actions.push(execute('Prepare the export', PRIVACY_VERBS.subjectAccessExport, { requestId: request.id }), step('Mark as sent', 'send'));
  if (!request.extension && (request.state === 'received' || request.state === 'inReview')) {
    body.push(textInput('reason', 'Reason, if the request needs up to three months', undefined, 500, { multiline: true }));
    actions.push(step('Extend to three months', 'extend'));
  }
  return card(body, actions);
}

/** What the export holds, table by table, and the other people named in it, to review before release. */
export function subjectAccessExportCard(view: RequestView, document: ExportDocument): AdaptiveCardJson {
  const byTable = new Map<string, number>();
  for (const row of document.rows) byTable.set(row.table, (byTable.get(row.table) ?? 0) + 1);
  const shown = document.thirdParties.slice(0, 8);
  const body: CardElement[] = [
    heading(`Export prepared: ${document.subject}`),
    text(`${document.rows.length} records across ${byTable.size} tables, as a readable page and as JSON.`),
    facts([...byTable].map(([table, count]) => [table, String(count)])),
    heading(document.thirdParties.length ? `Review before release: ${document.thirdParties.length} mentions of other people` : 'No other person is named'),
    ...shown.map((third) => text(`${third.table}, ${third.kind}, ${third.field}: ${third.value}`)),
    ...(document.thirdParties.length > shown.length ? [text(`and ${document.thirdParties.length - shown.length} more`, { subtle: true })] : []),
  ];
  return card(body, [execute('Back to the request', PRIVACY_VERBS.subjectAccessStep, { requestId: view.request.id, step: 'show' })]);
}

export function subjectAccessListCard(views: readonly RequestView[]): AdaptiveCardJson {
  const open = views.filter((view) => view.request.state !== 'sent');
  const body: CardElement[] = [
    heading('Subject access requests'),
    ...(open.length ? [] : [text('No open requests. To start one: type "subject access" and the mentor\'s directory id or the young person\'s case reference.')]),
    ...open.slice(0, 6).map((view) => text(`${subjectLabel(view.request.subject)}: ${STATE_WORDS[view.request.state]}, due ${view.dueOn}`)),
  ];
  const actions = open.slice(0, 5).map((view) => execute(`Open: ${subjectLabel(view.request.subject)}`, PRIVACY_VERBS.subjectAccessStep, { requestId: view.request.id, step: 'show' }));
  return card(body, actions);
}

export function subjectAccessDueCard(label: string, dueOn: string, requestId: string): AdaptiveCardJson {
  return card([heading(`Subject access due ${dueOn}`), text(`The request about ${label} must be answered by ${dueOn}.`)], [execute('Open the request', PRIVACY_VERBS.subjectAccessStep, { requestId, step: 'show' })]);
}
