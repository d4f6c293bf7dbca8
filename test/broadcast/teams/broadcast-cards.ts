import type { Broadcast, SessionSummary } from '../../../src/broadcast/app/broadcast.js';
import { broadcastComposeCard, broadcastPreviewCard, broadcastProgressCard } from '../../../src/broadcast/teams/cards/broadcast.card.js';
import { broadcastMessageCard, supervisionAnsweredCard } from '../../../src/broadcast/teams/cards/broadcast-message.card.js';
import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';

const HOSTILE = '# Heading\n\n[click](http://evil.example) **bold** <at>everyone</at> {{DATE(2026-01-01T00:00:00Z)}}\n    indented code';
const SESSION: SessionSummary = {
  id: 'session-1',
  title: 'Information session [x](http://evil)',
  startsAt: '2026-11-09T10:00:00Z',
  endsAt: '2026-11-09T12:00:00Z',
  timeZone: 'Europe/London',
  where: 'Town Hall, Committee Room 2',
  answer: 'book',
};
const SUPERVISION: SessionSummary = { ...SESSION, id: 'supervision-2027-Q1', title: 'Group supervision, 2027 Q1', answer: 'rsvp' };
const BROADCAST: Broadcast = {
  id: '5f0c2b1e-8a7d-4c3b-9e2f-1a0b9c8d7e6f',
  createdBy: { id: 'c', name: 'Isaiah' },
  createdAt: '2026-11-02T10:00:00Z',
  content: { text: HOSTILE, session: SESSION },
  audienceLabel: 'Matched mentors; 3 named people',
  total: 300,
  reportTo: 'c',
};
const FAILURES = [
  { recipientId: 'a', code: 'BOT_BLOCKED', reason: 'This person has blocked the bot.' },
  { recipientId: 'b', code: 'RECIPIENT_GONE', reason: 'This person no longer exists.' },
];

/** The broadcast and supervision cards, in each of their states (added to CARDS in cards.test.ts). */
export const BROADCAST_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['broadcast: compose', broadcastComposeCard({ draftId: BROADCAST.id, sessions: [SESSION, SUPERVISION], groupsConfigured: true })],
  ['broadcast: compose with a problem', broadcastComposeCard({ draftId: BROADCAST.id, sessions: [], groupsConfigured: false, values: { text: HOSTILE, audience: 'matched' }, problem: 'Please choose who to send it to.' })],
  [
    'broadcast: compose, back on Edit with three people picked by name',
    broadcastComposeCard({
      draftId: BROADCAST.id,
      sessions: [SESSION],
      groupsConfigured: true,
      values: { text: 'Supervision is on Thursday.', audience: '', picked: 'p-1,p-2,p-3', people: 'lynne.robbins@council.example' },
      pickedPeople: [{ id: 'p-1', name: 'Megan Bowen' }, { id: 'p-2', name: 'Christopher-James Featherstonehaugh' }, { id: 'p-3', name: 'Adele Vance' }],
    }),
  ],
  ['broadcast: preview', broadcastPreviewCard({ draftId: BROADCAST.id, values: { text: HOSTILE }, text: HOSTILE, session: SESSION, audienceLabel: 'Matched mentors', recipients: 300, unknown: ['nobody@council.example'], bookVerb: 'bookSession' })],
  ['broadcast: preview, named people and an id not found', broadcastPreviewCard({ draftId: BROADCAST.id, values: { text: 'Hello' }, text: 'Hello', audienceLabel: '12 named people', recipients: 12, unknown: ['alex.wilbur@council.example', '11111111-1111-4111-8111-111111111111'], named: ['Megan Bowen', 'Isaiah Langer', 'Patti Fernandez', 'Adele Vance', 'Grady Archie', 'Lidia Holloway', 'Nestor Wilke', 'Johanna Lorenz', 'Lynne Robbins', 'Diego Siciliani', 'Miriam Graham', 'Henrietta Mueller'] })],
  ['broadcast: progress', broadcastProgressCard({ broadcast: BROADCAST, progress: { total: 300, sent: 120, failed: 1, remaining: 179, failures: FAILURES.slice(0, 1) }, finished: false, failures: [] })],
  ['broadcast: final report', broadcastProgressCard({ broadcast: BROADCAST, progress: { total: 300, sent: 298, failed: 2, remaining: 0, failures: FAILURES }, finished: true, failures: [{ name: 'Recipient 8', reason: FAILURES[0]!.reason }, { name: 'Recipient 151', reason: FAILURES[1]!.reason }] })],
  ['broadcast: report, reached nobody', broadcastProgressCard({ broadcast: { ...BROADCAST, total: 2 }, progress: { total: 2, sent: 0, failed: 2, remaining: 0, failures: FAILURES }, finished: true, failures: [{ name: 'Megan Bowen', reason: FAILURES[0]!.reason }, { name: 'Someone no longer in the directory', reason: FAILURES[1]!.reason }] })],
  ['broadcast: final report after a worker was killed mid-send', broadcastProgressCard({ broadcast: BROADCAST, progress: { total: 300, sent: 300, failed: 0, remaining: 0, mayHaveReceivedTwice: 3, failures: [] }, finished: true, failures: [] })],
  ['broadcast: report for a non-coordinator', broadcastProgressCard({ broadcast: BROADCAST, progress: { total: 0, sent: 0, failed: 0, remaining: 0, failures: [] }, finished: false, failures: [], forbidden: true })],
  ['broadcast: announcement', broadcastMessageCard({ text: HOSTILE })],
  ['broadcast: session invitation with Book', broadcastMessageCard({ text: HOSTILE, session: SESSION }, { bookVerb: 'bookSession' })],
  ['supervision: invitation', broadcastMessageCard({ text: 'Quarterly supervision', session: SUPERVISION })],
  ['supervision: attending', supervisionAnsweredCard({ text: 'Quarterly supervision', session: SUPERVISION }, 'attend')],
  ['supervision: not attending', supervisionAnsweredCard({ text: 'Quarterly supervision', session: SUPERVISION }, 'decline')],
];
