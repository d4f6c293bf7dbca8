import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMentor } from '../../../src/journey/domain/index.js';
import { MentorRepository } from '../../../src/journey/store/mentor.repository.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import type { BroadcastConnectorStandIn } from '../../support/broadcast-connector.js';
import { conversationOf, startBroadcastWorld, WITH_SESSIONS, type BroadcastBot, type BroadcastWorld } from '../../support/broadcast-bot.js';
import { eventually } from '../../support/eventually.js';
import { realSpeedFrom } from '../../support/real-speed-clock.js';
import { ADELE, ALEX, ISAIAH } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

/** 2 November 2026: the cohort's information session (9 November) is open for booking. */
const { now } = realSpeedFrom('2026-11-02T09:00:00Z');

describe('an invitation to a session, with the sessions feature running: Book on each card', () => {
  let world: BroadcastWorld;
  let t: BroadcastBot;
  let connector: BroadcastConnectorStandIn;

  beforeAll(async () => {
    world = await startBroadcastWorld([ISAIAH, ALEX, ADELE], {}, { now, features: WITH_SESSIONS });
    ({ t, connector } = world);
    const clients = storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! });
    const mentors = new MentorRepository(clients.table(`${t.env.TABLE_PREFIX}Mentors`), { signal: async () => undefined }, now);
    for (const person of [ALEX, ADELE]) await mentors.save({ value: { ...newMentor(person, {}, now()), stage: 'approved' }, audit: [], effects: [] });
  });
  afterAll(() => world?.stop());

  it('offers the sessions on the compose card, sends the invitation with the sessions feature’s Book, and Book books', async () => {
    await t.send(message(ISAIAH, 'broadcast'));
    const compose = JSON.stringify(connector.delivered(conversationOf(ISAIAH)).at(-1)?.body);
    const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(compose)![1]!;
    const session = /"title":"Invitation: ([^"(]+) \([^"]*\)","value":"([^"]+)"/.exec(compose);
    expect(session).not.toBeNull();
    const [, title, sessionId] = session!;

    await t.send(action(ISAIAH, 'broadcastSend', { draftId, sessionId, text: 'Please book your place.', audience: 'approvedNotBooked', people: '' }));
    const invitation = await eventually(() => {
      const card = connector.delivered(conversationOf(ALEX)).find((r) => textOf(r.body).includes('Please book your place.'));
      if (!card) throw new Error('no invitation yet');
      return card;
    }, 20_000, 100);
    expect(textOf(invitation.body)).toContain(title!.trim());
    expect(JSON.stringify(invitation.body)).toContain(`"verb":"bookSession","data":{"sessionId":"${sessionId}"}`);
    await eventually(() => connector.delivered(conversationOf(ADELE)).some((r) => textOf(r.body).includes('Please book your place.')), 20_000, 100);

    const booked = invokeCard(await t.send(action(ALEX, 'bookSession', { sessionId })));
    expect(textOf(booked)).toContain('You are booked on');
  }, 60_000);
});
