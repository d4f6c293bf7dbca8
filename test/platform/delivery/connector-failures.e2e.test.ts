import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { ALEX, GRADY, ISAIAH, MEGAN } from '../../support/people.js';
import { cardText } from '../../support/teams-connector.js';
import { action, conversationOf, installed, message, startTestBot, type TestBot } from '../../support/test-bot.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';

describe('when Teams throttles or refuses a message', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
    for (const person of [ALEX, MEGAN, ISAIAH, GRADY]) await t.send(installed(person));
  });
  afterAll(() => t.stop());

  const to = (person: { id: string }, words: string) => t.connector.to(conversationOf(person)).filter((a) => cardText(a).includes(words));

  it('waits as long as Retry-After asks, then delivers once', async () => {
    const megansChat = `/v3/conversations/${conversationOf(MEGAN)}/activities`;
    t.connector.http.override((r) => r.method === 'POST' && r.path.startsWith(megansChat), { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'Throttled' } } }, 1);
    await t.send(message(ALEX, 'sign up'));
    await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));
    // The stand-in records every attempt, the refused one too: wait for the second try of the approval card.
    const tries = () => t.connector.http.requests.filter((r) => r.method === 'POST' && r.path.startsWith(megansChat) && JSON.stringify(r.body).includes('is waiting for your decision'));
    await eventually(() => expect(tries()).toHaveLength(2), 10_000);
    const [refused, accepted] = tries();
    // The Bot Connector client and our worker both honour Retry-After; either way the second try waits.
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(950);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tries()).toHaveLength(2);
  });

  it('gives up on a blocked person at once and tells the coordinator why', async () => {
    const alexChat = `/v3/conversations/${conversationOf(ALEX)}/activities`;
    t.connector.http.override((r) => r.method === 'POST' && r.path.startsWith(alexChat), { status: 403, body: { error: { code: 'BotBlocked' } } });
    const approvalId = JSON.stringify(to(MEGAN, 'is waiting for your decision')[0]!.activity).match(/"approvalId":"([^"]+)"/)![1]!;
    await t.send(action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
    await eventually(() => expect(to(ISAIAH, 'could not be delivered')).toHaveLength(1));
    const notice = cardText(to(ISAIAH, 'could not be delivered')[0]);
    expect(notice).toContain('The outcome of their mentoring request to Alex Wilber: they have blocked the bot');
    // One try only: a 403 is final.
    expect(t.connector.http.requests.filter((r) => r.method === 'POST' && r.path.startsWith(alexChat) && JSON.stringify(r.body).includes('You can become a mentor'))).toHaveLength(1);
    t.connector.http.clearOverrides();
  });
});
