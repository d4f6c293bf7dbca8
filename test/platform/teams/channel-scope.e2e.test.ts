import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { ALEX, ISAIAH, MEGAN } from '../../support/people.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';
import { cardText } from '../../support/teams-connector.js';
import { action, conversationOf, installed, message, startTestBot, type TestBot } from '../../support/test-bot.js';

const CHANNEL = '19:mentoring-team-general@thread.tacv2';

/** The same activity, sent in a team channel instead of the person's chat with the bot. */
function inChannel<T extends { conversation: object }>(activity: T): T {
  return { ...activity, conversation: { id: CHANNEL, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true } };
}

describe('in a team channel the bot shows nothing about anyone, over the bot endpoint', () => {
  let t: TestBot;
  const channelText = () => t.connector.to(CHANNEL).map((activity) => cardText(activity)).join('\n');

  beforeAll(async () => {
    t = await startTestBot();
    for (const person of [ALEX, MEGAN, ISAIAH]) await t.send(installed(person));
    await t.send(message(ALEX, 'sign up'));
    await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));
    // The request now waits on Megan: its card reaches her own chat.
    await eventually(() => expect(t.connector.to(conversationOf(MEGAN)).map((a) => cardText(a)).join('\n')).toContain('Alex Wilber'));
  });
  afterAll(() => t.stop());

  it('brings no welcome and no approval request into the channel when an approver joins the team', async () => {
    const inHerChat = t.connector.to(conversationOf(MEGAN)).length;
    await t.send(inChannel(installed(MEGAN)));
    expect(t.connector.to(CHANNEL)).toHaveLength(0);
    expect(t.connector.to(conversationOf(MEGAN))).toHaveLength(inHerChat);
  });

  it('answers every command in the channel, a coordinator\'s included, with a pointer to the personal chat', async () => {
    const asked = [
      [ISAIAH, 'pipeline'],
      [ISAIAH, 'sessions'],
      [ISAIAH, 'young people'],
      [ISAIAH, 'attendance'],
      [ALEX, 'my status'],
      [ALEX, 'help'],
      [ALEX, 'something else'],
    ] as const;
    for (const [person, text] of asked) await t.send(inChannel(message(person, text)));
    const answers = t.connector.to(CHANNEL);
    expect(answers).toHaveLength(asked.length);
    for (const answer of answers) expect(cardText(answer)).toContain('only answer in a personal chat');
    expect(channelText()).not.toMatch(/Alex|Wilber|Megan|Highways|awaiting|approval/i);
  });

  it('still answers the same person in their personal chat', async () => {
    await t.send(message(ALEX, 'my status'));
    expect(cardText(t.connector.to(conversationOf(ALEX)).at(-1))).toMatch(/Megan Bowen/);
  });
});
