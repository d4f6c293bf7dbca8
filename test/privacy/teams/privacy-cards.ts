import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';
import { buildExport, DEFAULT_RETENTION, newRequest } from '../../../src/privacy/domain/index.js';
import { retentionCountsCard } from '../../../src/privacy/teams/cards/retention.card.js';
import { confirmErasureCard, doneCard, erasedCard, restrictionsCard } from '../../../src/privacy/teams/cards/restriction.card.js';
import { subjectAccessCard, subjectAccessDueCard, subjectAccessExportCard, subjectAccessListCard } from '../../../src/privacy/teams/cards/subject-access.card.js';

const hostile = 'Contests [x](http://evil) **bold**';
const DPO = { id: 'dpo', name: 'Dana *Officer*' };
const received = newRequest('r-1', { kind: 'mentor', personId: 'm-1', name: 'Alex *Wilber*' }, DPO, '2027-01-31');
const view = { request: received, dueOn: '2027-02-28' };
const extended = { request: { ...received, state: 'inReview' as const, extension: { reason: hostile, by: DPO, on: '2027-02-02' } }, dueOn: '2027-04-30' };
const document = buildExport(received.subject, [{ table: 'Mentors', kind: 'audit entry', fields: { actorName: 'Isaiah Langer', action: 'decide' } }], '2027-02-01T00:00:00.000Z');

/** Every privacy card, in each of its states (test/platform/teams/cards.test.ts parses them all). */
export const PRIVACY_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['privacy: subject access request, received', subjectAccessCard(view)],
  ['privacy: subject access request, paused', subjectAccessCard({ ...view, request: { ...received, state: 'paused', pausedOn: '2027-02-01' } })],
  ['privacy: subject access request, extended, in review', subjectAccessCard(extended, 'This request is in review before release, so that step does not apply now.')],
  ['privacy: subject access export', subjectAccessExportCard(view, document)],
  ['privacy: subject access list', subjectAccessListCard([view, extended])],
  ['privacy: subject access list, empty', subjectAccessListCard([])],
  ['privacy: subject access due', subjectAccessDueCard('Alex Wilber (mentor)', '2027-02-28', 'r-1')],
  ['privacy: retention counts', retentionCountsCard('Retention dry run', { meetingLog: 12, accessLog: 3 }, DEFAULT_RETENTION, 'Nothing has been removed yet.')],
  ['privacy: retention, nothing due', retentionCountsCard('Retention dry run', {}, DEFAULT_RETENTION)],
  ['privacy: restricted records', restrictionsCard([{ personId: 'm-1', kind: 'mentor', reason: hostile, by: DPO, at: '2027-02-01T00:00:00.000Z' }])],
  ['privacy: restricted records, none', restrictionsCard([])],
  ['privacy: confirm erasure', confirmErasureCard('youngPerson', 'LC-0042')],
  ['privacy: erased', erasedCard({ id: 't-1', kind: 'mentor', requestedBy: DPO, startedAt: '2027-02-01T00:00:00.000Z', finishedAt: '2027-02-01T00:00:05.000Z' })],
  ['privacy: done', doneCard('Legal hold placed', 'Retention will keep every record.')],
];
