import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADELE, ALEX, ISAIAH } from '../../support/people.js';
import { COHORT_SESSIONS, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, conversationOf, invokeCard, message } from '../../support/test-bot.js';

describe('a mentor sees their coming bookings on "my status", over the bot endpoint', () => {
  let t: SessionsTestBot;
  const { training, information } = COHORT_SESSIONS;
  beforeAll(async () => {
    t = await startSessionsBot({ seats: 1, installs: [ALEX, ADELE, ISAIAH], approvedMentors: [ALEX, ADELE] });
  });
  afterAll(() => t.stopAll());

  const statusOf = async (person: { id: string; name: string }): Promise<string> => {
    await t.send(message(person, 'my status'));
    return cardText(t.connector.to(conversationOf(person)).at(-1));
  };
  const trainingLine = () => `Mentor training ${t.year} (full day), ${new Date(Date.UTC(t.year, 10, 30)).toUTCString().slice(0, 3)} 30 Nov ${t.year}, 09:30–16:30 (GMT)`;
  const informationTitle = () => `Mentoring scheme information session ${t.year}`;

  it('shows nothing about sessions before anything is booked', async () => {
    const status = await statusOf(ALEX);
    expect(status).toContain('Your status');
    expect(status).not.toContain('Booked');
    expect(status).not.toContain('Waiting list');
  });

  it('shows a confirmed place with its date and time in the council zone, and a waiting place with its position', async () => {
    expect(textOf(invokeCard(await t.send(action(ALEX, 'bookSession', { sessionId: training }))))).toContain('You are booked');
    expect(textOf(invokeCard(await t.send(action(ALEX, 'bookSession', { sessionId: information }))))).toContain('You are booked');
    expect(textOf(invokeCard(await t.send(action(ADELE, 'bookSession', { sessionId: training }))))).toContain('number 1 on the waiting list');

    const alex = await statusOf(ALEX);
    expect(alex).toContain(`Booked ${trainingLine()}`);
    expect(alex).toContain(`Booked ${informationTitle()}`);
    // Soonest first: the information session (9 November) before the training.
    expect(alex.indexOf(informationTitle())).toBeLessThan(alex.indexOf('Mentor training'));

    const adele = await statusOf(ADELE);
    expect(adele).toContain(`Waiting list ${trainingLine()}: number 1 on the waiting list`);
    expect(adele).not.toContain(informationTitle());
  });

  it('drops a session the coordinator cancels', async () => {
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'cancelSession', { sessionId: information }))))).toContain('Cancelled');
    const alex = await statusOf(ALEX);
    expect(alex).not.toContain(informationTitle());
    expect(alex).toContain(`Booked ${trainingLine()}`);
  });

  it('drops a session once it has started', async () => {
    t.advance(Date.UTC(t.year, 10, 30, 10, 0) - Date.now());
    expect(await statusOf(ALEX)).not.toContain('Mentor training');
    expect(await statusOf(ADELE)).not.toContain('Waiting list');
  });
});
