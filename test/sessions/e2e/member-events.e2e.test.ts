import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveriesOf, startBroadcastWorld, WITH_SESSIONS, type BroadcastBot, type BroadcastWorld } from '../../support/broadcast-bot.js';
import { realSpeedFrom } from '../../support/real-speed-clock.js';
import { ADELE, GRADY, ISAIAH } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

const { now } = realSpeedFrom('2026-12-04T10:00:00Z');

/**
 * The councillors' paper's other arrangements: a Corporate Parenting Board workshop and a shadowing day are sessions the
 * coordinator schedules and invites an audience to (here, named members who are not mentors); the answer is a place.
 */
describe('member workshops and shadowing days, invited to by audience, with an answer on the card', () => {
  let world: BroadcastWorld;
  let t: BroadcastBot;
  beforeAll(async () => {
    world = await startBroadcastWorld([ISAIAH, ADELE, GRADY], {}, { now, features: WITH_SESSIONS });
    t = world.t;
  });
  afterAll(() => world?.stop());
  const { delivered, cardWith } = deliveriesOf(() => world);

  for (const [kind, title] of [['memberWorkshop', 'CPB and Children in Care Council workshop'], ['shadowingDay', 'Shadowing day: a full council meeting']] as const) {
    it(`invites named members to a ${kind === 'memberWorkshop' ? 'workshop' : 'shadowing day'}; one takes a place, one gives it back`, async () => {
      const form = { kind: kind === 'shadowingDay' ? 'shadowing' : kind, title, startsAt: '2027-01-20 14:00', endsAt: '2027-01-20 16:00', location: 'inPerson', venue: 'Town Hall', seats: '12' };
      const created = JSON.stringify(invokeCard(await t.send(action(ISAIAH, 'createSession', form))));
      expect(created).toContain(`Created: ${title}`);
      await t.send(message(ISAIAH, 'broadcast'));
      const compose = JSON.stringify(delivered(ISAIAH).at(-1)?.body);
      const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(compose)![1]!;
      const sessionId = new RegExp(`"title":"Invitation: ${title}[^"]*","value":"([^"]+)"`).exec(compose)![1]!;
      await t.send(action(ISAIAH, 'broadcastSend', { draftId, sessionId, text: 'Members are invited: please take a place.', audience: '', people: `${ADELE.id}, ${GRADY.id}` }));
      const invitation = await cardWith(ADELE, title);
      expect(JSON.stringify(invitation.body)).toContain(`"verb":"bookSession","data":{"sessionId":"${sessionId}"}`);
      await cardWith(GRADY, title);

      const booked = textOf(invokeCard(await t.send(action(ADELE, 'bookSession', { sessionId }))));
      expect(booked).toContain(`You are booked on ${title}`);
      // No organiser mailbox here: nothing promises a calendar entry that will never come.
      expect(booked).not.toContain('calendar');
      expect(textOf(invokeCard(await t.send(action(GRADY, 'bookSession', { sessionId }))))).toContain(`You are booked on ${title}`);
      expect(textOf(invokeCard(await t.send(action(GRADY, 'cancelSessionBooking', { sessionId }))))).toContain('is cancelled');
      await t.send(message(ISAIAH, 'sessions'));
      expect(textOf(delivered(ISAIAH).at(-1)?.body)).toContain('Booked (1): Adele Vance');
    }, 60_000);
  }
});
