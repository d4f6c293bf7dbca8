import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyFeature } from '../../../src/journey/journey.feature.js';
import { sessionsFeature } from '../../../src/sessions/sessions.feature.js';
import type { RunningBot } from '../../../src/main.js';
import { COHORT_FORM_2027 } from '../../support/cohort-form.js';
import { eventually } from '../../support/eventually.js';
import { GRADY, ISAIAH, PATTI, type TestPerson } from '../../support/people.js';
import { GRAPH_TOKEN, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { cardText, textOf, type SentActivity } from '../../support/teams-connector.js';
import { action, conversationOf, invokeCard, startBotOnAzurite } from '../../support/test-bot.js';

/** The day the issue was found: the shipped 2026 cohort's sessions (9 and 30 November) have passed. */
const SHIPPED_DAY = new Date('2026-12-04T10:00:00Z');
const SUMMARY = 'No cohort is open: open the next one so new mentors can book';
const COORDINATORS = [ISAIAH, GRADY];
/** The app id the sessions bot's Graph stand-in installs. */
const TEAMS_APP = '00000000-0000-4000-8000-00000000a11c';

const FORM_2027 = { ...COHORT_FORM_2027, location: 'online', venue: '', seats: '10' };

/**
 * With nothing to book, each coordinator is asked once, by itself, to open the next cohort: at start, not again after a
 * restart, and once more when the next cohort's booking has closed.
 */
describe('the coordinators are told when no cohort is open, once per gap', () => {
  let t: SessionsTestBot;
  /** The bot started again on the same storage (the restart); its clock runs with the first one's. */
  let again: Pick<RunningBot, 'stop'> | undefined;
  let send: SessionsTestBot['send'];
  let offset = SHIPPED_DAY.getTime() - Date.now();
  beforeAll(async () => {
    t = await startSessionsBot({
      seats: 30,
      scheme: { file: 'config/scheme.json', year: 2026 },
      startAt: SHIPPED_DAY,
      // As in Teams: the bot installs itself for a coordinator it has not talked to yet, so each can be told at once.
      env: { COORDINATOR_IDS: COORDINATORS.map((c) => c.id).join(','), SCHEDULER_INTERVAL_SECONDS: '1', TEAMS_APP_ID: TEAMS_APP },
      installs: [ISAIAH, GRADY, PATTI],
    });
    send = (activity, headers) => t.send(activity, headers);
  });
  afterAll(async () => {
    await again?.stop();
    await t?.stopAll();
  });

  /** The notices a person got, in whichever chat they went to (opened through Graph before the install, or the install's). */
  const noticesTo = (person: TestPerson): SentActivity[] =>
    t.connector.activities.filter((a) => [conversationOf(person), t.graph.chatIdFor(person.id)].includes(a.conversationId) && a.activity.summary === SUMMARY);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 2_500));

  it('sends each coordinator one card at start, naming the ask, with the button that opens the form', async () => {
    for (const coordinator of COORDINATORS) await eventually(() => expect(noticesTo(coordinator)).toHaveLength(1));
    const [notice] = noticesTo(ISAIAH);
    expect(cardText(notice)).toContain('No cohort is open for booking');
    expect(cardText(notice)).toContain('No cohort has been opened yet');
    expect(JSON.stringify(notice!.activity)).toContain('"verb":"openCohortForm"');
    expect(t.connector.activities.filter((a) => a.activity.summary === SUMMARY)).toHaveLength(2); // nobody else
    await settle(); // the job runs every second: a gap already told is not told again
    for (const coordinator of COORDINATORS) expect(noticesTo(coordinator)).toHaveLength(1);
    const form = JSON.stringify(invokeCard(await t.send(action(GRADY, 'openCohortForm', {}))));
    expect(form).toContain('"id":"trainingDate"');
    const refused = textOf(invokeCard(await t.send(action(PATTI, 'openCohortForm', {}))));
    expect(refused).toContain('That is for the scheme coordinators');
  });

  it('does not send it again when the bot starts again on the same records', async () => {
    await t.bot.stop();
    const restarted = await startBotOnAzurite(t.connector.url, t.env, {
      graphAccessToken: async () => GRAPH_TOKEN,
      features: [journeyFeature, sessionsFeature],
      now: () => new Date(Date.now() + offset),
    });
    again = restarted.bot;
    send = restarted.send;
    await settle();
    for (const coordinator of COORDINATORS) expect(noticesTo(coordinator)).toHaveLength(1);
  });

  it('sends nothing while the next cohort is open, and once more when its booking has closed', async () => {
    const opened = textOf(invokeCard(await send(action(ISAIAH, 'openCohort', FORM_2027))));
    expect(opened).toContain('Opened: 2027 cohort');
    await settle();
    for (const coordinator of COORDINATORS) expect(noticesTo(coordinator)).toHaveLength(1);
    // A day after the training's booking closed (24 hours before 09:30 on 29 November 2027).
    offset += Date.parse('2027-11-29T10:00:00Z') - (Date.now() + offset);
    for (const coordinator of COORDINATORS) await eventually(() => expect(noticesTo(coordinator)).toHaveLength(2), 15_000);
    expect(cardText(noticesTo(GRADY).at(-1))).toContain('Booking for the 2027 cohort has closed');
    await settle();
    for (const coordinator of COORDINATORS) expect(noticesTo(coordinator)).toHaveLength(2);
  });
});
