import { describe, expect, it } from 'vitest';
import {
  failedRecipients,
  recipientStates,
  summariseProgress,
  tallyRecipients,
  type DeliveryOutcome,
  type RecipientRow,
  type RecipientTally,
  type OutcomeEvent,
} from '../../../src/broadcast/domain/index.js';

const delivered: DeliveryOutcome = { kind: 'delivered' };
const blocked: DeliveryOutcome = { kind: 'failed', code: 'BOT_BLOCKED', reason: 'This person has blocked the bot.' };
const gone: DeliveryOutcome = { kind: 'failed', code: 'RECIPIENT_GONE', reason: 'This person no longer exists.' };
const later: DeliveryOutcome = { kind: 'retry', at: new Date('2026-10-05T09:00:05Z'), waitMs: 5_000, reason: 'Teams asked the bot to slow down.' };

const event = (recipientId: string, outcome: DeliveryOutcome): OutcomeEvent => ({ recipientId, outcome });
const people = ['a', 'b', 'c', 'd'];

describe('broadcast progress', () => {
  it.each<[string, OutcomeEvent[], { sent: number; failed: number; remaining: number; finished: boolean }]>([
    ['nothing sent yet', [], { sent: 0, failed: 0, remaining: 4, finished: false }],
    ['some delivered', [event('a', delivered), event('b', delivered)], { sent: 2, failed: 0, remaining: 2, finished: false }],
    ['waiting to retry is still remaining', [event('a', later)], { sent: 0, failed: 0, remaining: 4, finished: false }],
    ['a duplicate delivery counts once', [event('a', delivered), event('a', delivered)], { sent: 1, failed: 0, remaining: 3, finished: false }],
    ['a late failure never undoes a delivery', [event('a', delivered), event('a', blocked)], { sent: 1, failed: 0, remaining: 3, finished: false }],
    ['a retried failure that goes through is sent', [event('a', gone), event('a', delivered)], { sent: 1, failed: 0, remaining: 3, finished: false }],
    ['outcomes for strangers are ignored', [event('zz', delivered)], { sent: 0, failed: 0, remaining: 4, finished: false }],
    [
      'everyone accounted for',
      [event('a', delivered), event('b', later), event('b', delivered), event('c', blocked), event('d', gone)],
      { sent: 2, failed: 2, remaining: 0, finished: true },
    ],
  ])('%s', (_name, events, expected) => {
    expect(summariseProgress(recipientStates(people, events))).toMatchObject({ total: 4, ...expected });
  });

  it('lists failures with their reasons, in recipient order, and selects them for Retry failed', () => {
    const states = recipientStates(people, [event('d', gone), event('a', delivered), event('b', blocked), event('c', delivered)]);
    expect(summariseProgress(states).failures).toEqual([
      { recipientId: 'b', code: 'BOT_BLOCKED', reason: 'This person has blocked the bot.' },
      { recipientId: 'd', code: 'RECIPIENT_GONE', reason: 'This person no longer exists.' },
    ]);
    expect(failedRecipients(states)).toEqual(['b', 'd']);
  });

  it('an empty broadcast is finished', () => {
    expect(summariseProgress(recipientStates([], []))).toEqual({ total: 0, sent: 0, failed: 0, remaining: 0, finished: true, failures: [] });
  });
});

describe('the stored counts', () => {
  const row = (recipientId: string, status: RecipientRow['status'], inDoubt = false): RecipientRow => ({ recipientId, status, inDoubt });

  it.each<[string, RecipientRow[], number | undefined, Partial<RecipientTally>]>([
    ['nothing in doubt', [row('a', 'sent'), row('b', 'pending')], undefined, { total: 2, sent: 1, remaining: 1, mayHaveReceivedTwice: 0 }],
    ['sent after an unrecorded send: may have received it twice', [row('a', 'sent', true), row('b', 'sent')], undefined, { sent: 2, mayHaveReceivedTwice: 1 }],
    ['in doubt and not yet sent again: still remaining, not yet counted', [row('a', 'pending', true)], undefined, { remaining: 1, mayHaveReceivedTwice: 0 }],
    ['in doubt and then failed: not counted as twice', [{ ...row('a', 'failed', true), code: 'BOT_BLOCKED', reason: 'Blocked.' }], undefined, { failed: 1, mayHaveReceivedTwice: 0 }],
    ['the broadcast total runs ahead of the rows', [row('a', 'sent', true)], 3, { total: 3, sent: 1, remaining: 2, mayHaveReceivedTwice: 1 }],
  ])('%s', (_name, rows, total, expected) => {
    expect(tallyRecipients(rows, total)).toMatchObject(expected);
  });

  it('lists failures with a code and a reason even when the row has none', () => {
    expect(tallyRecipients([row('a', 'failed')]).failures).toEqual([{ recipientId: 'a', code: 'REJECTED', reason: '' }]);
  });
});
