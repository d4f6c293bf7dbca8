import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { ALEX, ISAIAH, MEGAN } from '../../support/people.js';
import { cardText } from '../../support/teams-connector.js';
import { action, conversationOf, installed, message, startTestBot, type TestBot } from '../../support/test-bot.js';

const MOTIVATION = 'My own brother left care at sixteen';

describe('a request left waiting is reminded, then escalated, once each', () => {
  let t: TestBot;
  // Monday 2 November 2026; the test moves the bot's clock forward.
  let clock = new Date('2026-11-02T09:00:00Z');
  beforeAll(async () => {
    t = await startTestBot({ SCHEDULER_INTERVAL_SECONDS: '1', APPROVAL_REMINDER_WORKING_DAYS: '3', APPROVAL_ESCALATION_WORKING_DAYS: '2' }, { now: () => clock });
    for (const person of [ALEX, MEGAN, ISAIAH]) await t.send(installed(person));
    await t.send(message(ALEX, 'sign up'));
    await t.send(
      action(ALEX, 'submitSignUp', {
        role: 'seniorManager', directorateOrWard: 'Highways', jobTitle: 'Head of Highways', worksInChildrensServices: 'false',
        motivation: MOTIVATION, consent: 'true', commitment: 'true',
      }),
    );
  });
  afterAll(() => t.stop());

  const cardsTo = (person: { id: string }, words: string) => t.connector.to(conversationOf(person)).filter((a) => cardText(a).includes(words));

  it('sends the request at once and nothing more before three working days', async () => {
    await eventually(() => expect(cardsTo(MEGAN, 'is waiting for your decision')).toHaveLength(1));
    clock = new Date('2026-11-04T09:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(cardsTo(MEGAN, 'Reminder')).toHaveLength(0);
  });

  it('reminds the manager after three working days, once', async () => {
    clock = new Date('2026-11-05T10:00:00Z');
    await eventually(() => expect(cardsTo(MEGAN, 'Reminder: Alex Wilber is waiting for your decision')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(cardsTo(MEGAN, 'Reminder')).toHaveLength(1);
  });

  it('escalates to the coordinator two working days later (after the weekend), once', async () => {
    clock = new Date('2026-11-09T10:00:00Z');
    await eventually(() => expect(cardsTo(ISAIAH, 'waiting too long')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(cardsTo(ISAIAH, 'waiting too long')).toHaveLength(1);
    expect(cardText(cardsTo(ISAIAH, 'waiting too long')[0])).toContain('Megan Bowen');
  });

  it('never writes what people typed into the log', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(MOTIVATION);
    expect(logs).not.toContain('Head of Highways');
  });
});
