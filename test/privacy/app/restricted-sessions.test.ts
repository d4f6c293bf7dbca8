import { beforeAll, describe, expect, it } from 'vitest';
import { newMentor } from '../../../src/journey/domain/index.js';
import type { PersonRef } from '../../../src/platform/kernel/person.js';
import { restrictionList } from '../../../src/privacy/app/restriction-list.js';
import { restrictPerson } from '../../../src/privacy/app/restrictions.js';
import { expandFanOut } from '../../../src/sessions/app/expand-fan-out.js';
import { recordSessionAttendance } from '../../../src/sessions/app/record-attendance.js';
import type { SessionDeps } from '../../../src/sessions/app/session-deps.js';
import { sessionForAttendance, sessionsForAttendance, sessionsToManage } from '../../../src/sessions/app/session-views.js';
import { aSession } from '../../sessions/domain/session.fixture.js';
import { COORDINATOR, DPO, privacyWorld, type PrivacyWorld } from '../../support/privacy-storage.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const RESTRICTED: PersonRef = { id: 'a0000071-0000-4000-8000-000000000071', name: 'Restricted Rowe' };
const FREE: PersonRef = { id: 'a0000072-0000-4000-8000-000000000072', name: 'Free Fairweather' };
const booked = (who: PersonRef) => ({ personId: who.id, displayName: who.name, status: 'confirmed' as const, bookedAt: '2026-06-01T10:00:00.000Z' });
const at = (hoursFromNow: number): string => new Date(NOW.getTime() + hoursFromNow * 3_600_000).toISOString();

/**
 * A restricted person's booking stays stored, but the coordinator's session list and registers leave it out, and they
 * are not told the session was cancelled or moved (docs/privacy.md, "Restriction").
 */
describe("sessions leave a restricted person's booking out of what is shown and sent", () => {
  let world: PrivacyWorld;
  let deps: SessionDeps;

  beforeAll(async () => {
    world = await privacyWorld(NOW);
    for (const mentor of [RESTRICTED, FREE]) {
      world.people.set(mentor.id, mentor);
      await world.mentors.save({ value: { ...newMentor(mentor, {}, NOW), stage: 'booked' }, audit: [], effects: [] });
    }
    const bookings = [booked(RESTRICTED), booked(FREE)];
    const declined = [{ personId: RESTRICTED.id, displayName: RESTRICTED.name, at: at(-100) }];
    await world.sessions.save({ session: aSession({ id: 'coming', startsAt: at(48), endsAt: at(54), bookingClosesAt: at(24), seats: 10, bookings, declined }), version: 1, audit: [], effects: [] });
    await world.sessions.save({ session: aSession({ id: 'held', startsAt: at(-48), endsAt: at(-42), bookingClosesAt: at(-72), seats: 10, bookings }), version: 1, audit: [], effects: [] });
    deps = { mentors: world.mentors, directory: world.deps.directory, roles: world.deps.schemeRoles, clock: world.deps.clock, restricted: restrictionList(world.store), sessions: world.sessions };
    const done = await restrictPerson(world.deps, DPO, { kind: 'mentor', personId: RESTRICTED.id }, 'Objects to the processing');
    if (!done.ok) throw new Error(done.error.message);
  });

  const names = (session: { bookings: readonly { displayName: string }[] }): string[] => session.bookings.map((booking) => booking.displayName);

  it('the cancel and move notices go only to the person who is not restricted; both journeys are still kept in line', async () => {
    const cancelled = await expandFanOut(deps, { sessionId: 'coming', version: 2, purpose: 'cancelled', actor: COORDINATOR });
    expect(cancelled.filter((effect) => effect.message.type === 'sessionCancelled').map((effect) => effect.recipientId)).toEqual([FREE.id]);
    expect(cancelled.filter((effect) => effect.message.type === 'sessionMentorStage').map((effect) => effect.recipientId).sort()).toEqual([RESTRICTED.id, FREE.id].sort());
    const moved = await expandFanOut(deps, { sessionId: 'coming', version: 3, purpose: 'moved', actor: COORDINATOR });
    expect(moved.map((effect) => [effect.message.type, effect.recipientId])).toEqual([['sessionMoved', FREE.id]]);
  });

  it("the coordinator's session list leaves the restricted booking and answer out; the stored session keeps them", async () => {
    const managed = await sessionsToManage(deps, COORDINATOR);
    if (!managed.ok) throw new Error(managed.error.message);
    const coming = managed.value.find((view) => view.session.id === 'coming')!.session;
    expect(names(coming)).toEqual([FREE.name]);
    expect(coming.declined).toEqual([]);
    const stored = (await world.sessions.get('coming'))!.session;
    expect(names(stored)).toEqual([RESTRICTED.name, FREE.name]);
    expect(stored.declined?.map((answer) => answer.personId)).toEqual([RESTRICTED.id]);
  });

  it('the registers (the attendance list, the form, and the register shown after saving) leave them out too', async () => {
    const listed = await sessionsForAttendance(deps, COORDINATOR);
    expect(listed.ok && listed.value.map((session) => [session.id, names(session)])).toEqual([['held', [FREE.name]]]);
    const form = await sessionForAttendance(deps, COORDINATOR, 'held');
    expect(form.ok && names(form.value)).toEqual([FREE.name]);
    const saved = await recordSessionAttendance(deps, COORDINATOR, 'held', [{ personId: FREE.id, present: true }]);
    expect(saved.ok && names(saved.value.session)).toEqual([FREE.name]);
    const stored = (await world.sessions.get('held'))!.session;
    expect(stored.bookings.map((booking) => [booking.displayName, booking.attended])).toEqual([[RESTRICTED.name, undefined], [FREE.name, true]]);
  });
});
