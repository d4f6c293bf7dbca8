import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI, type TestPerson } from '../../support/people.js';
import { startSecondBot, type SecondBot } from '../../support/second-bot.js';
import { cardText } from '../../support/teams-connector.js';
import { botAdded, conversationOf, installation, installed, message, startTestBot, type TestBot } from '../../support/test-bot.js';

// The welcome is written for who installs: the offer, a coordinator's welcome, or an approver's.
const WELCOME = /Mentor a young person leaving care|Welcome: you run the mentoring scheme|Welcome to the mentoring scheme/;

describe('a personal install is welcomed exactly once, whichever announcement arrives', () => {
  let t: TestBot;
  let second: SecondBot;
  /** The same storage account behind another bot process: a second instance behind the load balancer. */
  const sendToSecond = async (activity: Record<string, unknown>) => {
    const response = await fetch(`http://127.0.0.1:${second.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceUrl: t.connector.url, ...activity }),
    });
    await response.text();
    return response.status;
  };

  beforeAll(async () => {
    t = await startTestBot();
    second = await startSecondBot({ ...t.env, BOT_PROCESS_WORKER: 'off' });
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    await t?.stop();
  });

  const welcomesTo = (person: TestPerson) => t.connector.to(conversationOf(person)).filter((sent) => WELCOME.test(cardText(sent))).length;
  /** Waits a moment for anything still on its way, then counts. */
  const settledWelcomesTo = async (person: TestPerson) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return welcomesTo(person);
  };

  it('welcomes on an installationUpdate (add)', async () => {
    expect((await t.send(installation(ALEX, 'add'))).status).toBe(200);
    expect(await settledWelcomesTo(ALEX)).toBe(1);
  });

  it('welcomes on a conversationUpdate whose only added member is the bot', async () => {
    await t.send(botAdded(MEGAN));
    expect(await settledWelcomesTo(MEGAN)).toBe(1);
  });

  it('welcomes on a conversationUpdate that adds the person', async () => {
    await t.send(installed(ADELE));
    expect(await settledWelcomesTo(ADELE)).toBe(1);
  });

  it('welcomes once when both announcements arrive at once, to one instance', async () => {
    await Promise.all([t.send(installation(ISAIAH, 'add')), t.send(botAdded(ISAIAH)), t.send(installed(ISAIAH))]);
    expect(await settledWelcomesTo(ISAIAH)).toBe(1);
  });

  it('welcomes once when both announcements arrive at once, one to each of two instances', async () => {
    const statuses = await Promise.all([t.send(installation(PATTI, 'add')).then((r) => r.status), sendToSecond(botAdded(PATTI))]);
    expect(statuses).toEqual([200, 200]);
    await eventually(() => expect(welcomesTo(PATTI)).toBeGreaterThan(0));
    expect(await settledWelcomesTo(PATTI)).toBe(1);
  });

  it('does not welcome again on a repeated announcement, or after the person has written', async () => {
    await t.send(message(ALEX, 'help'));
    await t.send(installation(ALEX, 'add'));
    await t.send(botAdded(ALEX));
    await sendToSecond(installed(ALEX));
    await t.send(installation(ALEX, 'add-upgrade'));
    expect(await settledWelcomesTo(ALEX)).toBe(1);
  });

  it('welcomes again, once, after the app was removed and added back', async () => {
    await t.send(installation(MEGAN, 'remove'));
    await Promise.all([t.send(installation(MEGAN, 'add')), sendToSecond(botAdded(MEGAN))]);
    expect(await settledWelcomesTo(MEGAN)).toBe(2);
  });

  it('welcomes someone first seen writing, when the install announcement comes after', async () => {
    await t.send(message(GRADY, 'help'));
    await t.send(botAdded(GRADY));
    await t.send(installation(GRADY, 'add'));
    expect(await settledWelcomesTo(GRADY)).toBe(1);
  });
});
