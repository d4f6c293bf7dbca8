import { describe, expect, it } from 'vitest';
import { stageSteps, syncMentorStage } from '../../../src/sessions/app/sync-mentor-stage.js';
import type { MentorStage } from '../../../src/journey/domain/index.js';
import type { Booking, Session } from '../../../src/sessions/domain/index.js';
import { freshSessionStorage } from '../../support/session-storage.js';
import { approvedMentor } from '../../support/sessions-bot.js';
import { aSession } from '../domain/session.fixture.js';

const NOW = new Date('2026-11-02T10:00:00Z');
const base = aSession({ id: 't', title: 'Training', location: { type: 'online' }, seats: 5 });
const withBooking = (status: Booking['status'], attended?: boolean): Session => ({
  ...base,
  bookings: [{ personId: 'a', displayName: 'A', status, bookedAt: NOW.toISOString(), ...(attended === undefined ? {} : { attended }) }],
});

describe('the mentor stage follows the training booking', () => {
  it.each<[string, MentorStage, Session, string[]]>([
    ['a confirmed place books an approved mentor', 'approved', withBooking('confirmed'), ['bookTraining']],
    ['a place on the waiting list changes nothing', 'approved', withBooking('waiting'), []],
    ['a cancelled place takes a booked mentor back to approved', 'booked', withBooking('cancelled'), ['cancelTraining']],
    ['no booking at all takes a booked mentor back', 'booked', base, ['cancelTraining']],
    ['being present trains a booked mentor', 'booked', withBooking('confirmed', true), ['recordTrainingAttendance']],
    ['being present trains an approved mentor whose booking step is late', 'approved', withBooking('confirmed', true), ['bookTraining', 'recordTrainingAttendance']],
    ['being absent leaves them booked', 'booked', withBooking('confirmed', false), []],
    ['a trained mentor is never moved back', 'trained', withBooking('cancelled'), []],
    ['a cancelled session takes a booked mentor back', 'booked', { ...withBooking('confirmed'), cancelledAt: NOW.toISOString() }, ['cancelTraining']],
    ['the information session moves nobody', 'approved', { ...withBooking('confirmed'), kind: 'informationSession' }, []],
    ['someone already profiled is left alone', 'profileComplete', withBooking('confirmed', true), []],
    ['a present mark taken back (the register corrected) makes a trained mentor booked again', 'trained', withBooking('confirmed', false), ['unrecordTrainingAttendance']],
    ['a mark taken back never moves someone past trained', 'profileComplete', withBooking('confirmed', false), []],
    ['never marked at all leaves a trained mentor trained', 'trained', withBooking('confirmed'), []],
  ])('%s', (_name, stage, session, steps) => {
    expect(stageSteps(stage, session, 'a')).toEqual(steps);
  });

  it('keeps a mentor trained when another training has them present', () => {
    expect(stageSteps('trained', withBooking('confirmed', false), 'a', true)).toEqual([]);
  });

  it('takes a present mark back on the stored mentor, unless another training has them present', async () => {
    const { deps, sessions, mentors } = await freshSessionStorage(() => NOW);
    await approvedMentor(mentors, { id: 'a', name: 'A' }, NOW);
    const actor = { id: 'c', name: 'Coordinator' };
    await sessions.save({ session: withBooking('confirmed', true), version: 1, audit: [], effects: [] });
    expect(await syncMentorStage(deps, 't', 'a', actor)).toBe('trained');
    const current = (await sessions.get('t'))!;
    await sessions.save({ session: withBooking('confirmed', false), version: 2, etag: current.etag, audit: [], effects: [] });
    expect(await syncMentorStage(deps, 't', 'a', actor)).toBe('booked');
    // Present at another training: the mark taken back here does not untrain them.
    const other: Session = { ...withBooking('confirmed', true), id: 't2' };
    await sessions.save({ session: other, version: 1, audit: [], effects: [] });
    expect(await syncMentorStage(deps, 't2', 'a', actor)).toBe('trained');
    expect(await syncMentorStage(deps, 't', 'a', actor)).toBe('trained');
  });

  it('moves the stored mentor with an audit entry, and a repeat changes nothing', async () => {
    const { deps, sessions, mentors } = await freshSessionStorage(() => NOW);
    await approvedMentor(mentors, { id: 'a', name: 'A' }, NOW);
    await sessions.save({ session: withBooking('confirmed', true), version: 1, audit: [], effects: [] });
    const actor = { id: 'c', name: 'Coordinator' };
    expect(await syncMentorStage(deps, 't', 'a', actor)).toBe('trained');
    const etag = (await mentors.get('a'))!.etag;
    expect(await syncMentorStage(deps, 't', 'a', actor)).toBe('trained');
    expect((await mentors.get('a'))!.etag).toBe(etag);
  });
});
