import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { ALEX, ISAIAH, MEGAN } from '../../support/people.js';
import { cardText } from '../../support/teams-connector.js';
import { action, conversationOf, installed, message, startTestBot, type TestBot } from '../../support/test-bot.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';

describe('an approval request Teams will not deliver', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
    for (const person of [ALEX, MEGAN, ISAIAH]) await t.send(installed(person));
  });
  afterAll(() => t.stop());

  const to = (person: { id: string }, words: string) => t.connector.to(conversationOf(person)).filter((a) => cardText(a).includes(words));
  const megansChat = `/v3/conversations/${conversationOf(MEGAN)}/activities`;

  it('tells the applicant, once, that their request could not reach the manager; the request stays open', async () => {
    t.connector.http.override((r) => r.method === 'POST' && r.path.startsWith(megansChat), { status: 403, body: { error: { code: 'BotBlocked' } } });
    await t.send(message(ALEX, 'sign up'));
    await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));

    await eventually(() => expect(to(ALEX, 'Your request could not reach Megan Bowen')).toHaveLength(1));
    const told = to(ALEX, 'Your request could not reach Megan Bowen')[0]!;
    expect(cardText(told)).toContain('The scheme coordinators have been told');
    expect(JSON.stringify(told.activity)).toContain('"summary":"Your mentoring request could not reach Megan Bowen"');
    await eventually(() => expect(to(ISAIAH, 'could not be delivered')).toHaveLength(1));

    // Still waiting for Megan's decision: nothing about the request changed.
    const status = await t.send(message(ALEX, 'my status'));
    expect(status.status).toBe(200);
    await eventually(() => expect(cardText(t.connector.to(conversationOf(ALEX)).at(-1))).toContain('Megan Bowen'));
    expect(cardText(t.connector.to(conversationOf(ALEX)).at(-1))).not.toMatch(/declined|approved by/i);
  });

  it('tells no one twice when it fails again', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(to(ALEX, 'Your request could not reach Megan Bowen')).toHaveLength(1);
    expect(to(ISAIAH, 'could not be delivered')).toHaveLength(1);
    t.connector.http.clearOverrides();
  });
});
