import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMentor } from '../../../src/journey/domain/index.js';
import { MentorRepository } from '../../../src/journey/store/mentor.repository.js';
import { SessionRepository } from '../../../src/sessions/store/session.repository.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import type { BroadcastConnectorStandIn } from '../../support/broadcast-connector.js';
import { conversationOf, startBroadcastWorld, type BroadcastBot, type BroadcastWorld } from '../../support/broadcast-bot.js';
import { eventually } from '../../support/eventually.js';
import { realSpeedFrom } from '../../support/real-speed-clock.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, type TestPerson } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

/** The bot's clock runs at real speed from 28 December 2026, when the Q1 2027 session (Tuesday 12 January) is due. */
const { now } = realSpeedFrom('2026-12-28T09:00:00Z');
const SESSION_ID = 'supervision-2027-Q1';

describe('quarterly group supervision, end to end', () => {
  let world: BroadcastWorld;
  let connector: BroadcastConnectorStandIn;
  let t: BroadcastBot;
  let mentors: MentorRepository;
  const invitations = (person: TestPerson) => connector.delivered(conversationOf(person)).filter((r) => textOf(r.body).includes('Group supervision, 2027 Q1'));
  const match = (person: TestPerson) => mentors.save({ value: { ...newMentor(person, {}, now()), stage: 'matched' }, audit: [], effects: [] });

  beforeAll(async () => {
    world = await startBroadcastWorld(
      [ALEX, ADELE, MEGAN, GRADY, ISAIAH],
      { SUPERVISION_SCHEDULE: '{"weekOfQuarter":2,"weekday":"tuesday","startTime":"10:00"}', SCHEDULER_INTERVAL_SECONDS: '1' },
      { now },
    );
    ({ t, connector } = world);
    const clients = storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! });
    mentors = new MentorRepository(clients.table(`${t.env.TABLE_PREFIX}Mentors`), { signal: async () => undefined }, now);
    await match(ALEX);
    await match(ADELE);
  });
  afterAll(() => world?.stop());

  it('creates the quarter’s session ahead of time and invites every matched mentor once, with Attend and Can’t make it', async () => {
    await eventually(() => invitations(ALEX).length === 1 && invitations(ADELE).length === 1, 50_000, 100);
    const card = textOf(invitations(ALEX)[0]!.body);
    expect(card).toContain('Tue 12 Jan 2027, 10:00–12:00 (GMT)');
    expect(card).toContain('Attend');
    expect(card).toContain("Can't make it");
    expect(invitations(GRADY)).toHaveLength(0);
  }, 60_000);

  it('puts an Attend into the session’s bookings, refuses someone not invited, and shows it on my status', async () => {
    const attending = invokeCard(await t.send(action(ALEX, 'supervisionRsvp', { occurrenceId: SESSION_ID, answer: 'attend' })));
    expect(textOf(attending)).toContain("You're attending");
    const declined = invokeCard(await t.send(action(ADELE, 'supervisionRsvp', { occurrenceId: SESSION_ID, answer: 'decline' })));
    expect(textOf(declined)).toContain("can't make it");
    const stranger = invokeCard(await t.send(action(GRADY, 'supervisionRsvp', { occurrenceId: SESSION_ID, answer: 'attend' })));
    expect(textOf(stranger)).toContain('not for you');

    const clients = storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! });
    const sessions = new SessionRepository(clients.table(`${t.env.TABLE_PREFIX}Sessions`), { signal: async () => undefined }, now);
    const stored = (await sessions.get(SESSION_ID))!.session;
    expect(stored.kind).toBe('supervision');
    expect(stored.bookings.filter((b) => b.status === 'confirmed').map((b) => b.personId)).toEqual([ALEX.id]);

    await t.send(message(ALEX, 'my status'));
    const status = textOf(connector.delivered(conversationOf(ALEX)).at(-1)?.body);
    expect(status).toContain('Next group supervision');
    expect(status).toContain("Tue 12 Jan 2027, 10:00–12:00 (GMT) (you're attending)");
  });

  it('invites a mentor matched later in the quarter, and nobody twice', async () => {
    await match(MEGAN);
    await eventually(() => invitations(MEGAN).length === 1, 50_000, 100);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // another scheduler run or two
    expect([ALEX, ADELE, MEGAN].map((p) => invitations(p).length)).toEqual([1, 1, 1]);
  }, 60_000);
});
