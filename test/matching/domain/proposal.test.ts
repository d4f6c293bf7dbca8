import { describe, expect, it } from 'vitest';
import {
  acceptProposal,
  declineProposal,
  endMatch,
  proposeMentors,
  rankMentors,
  recordYoungPersonDecision,
  type Proposal,
  type Ranking,
} from '../../../src/matching/domain/index.js';
import { NOW, UNDER_18_DOB, candidate, youngPerson } from './fixtures.js';

const coordinator = { id: 'c-1', name: 'Coordinator' };
const person = youngPerson();
const mentors = ['m-1', 'm-2', 'm-3', 'm-4'].map((id) => candidate({ id, name: `Mentor ${id}` }));

function ranking(): Ranking {
  const ranked = rankMentors(person, mentors, NOW);
  if (!ranked.ok) throw new Error(ranked.error.message);
  return ranked.value;
}

function proposal(overrides: Partial<Proposal> = {}): Proposal {
  const proposed = proposeMentors(person, ranking(), ['m-1', 'm-2'], coordinator, NOW);
  if (!proposed.ok) throw new Error(proposed.error.message);
  return { ...proposed.value, ...overrides };
}

describe('proposeMentors', () => {
  it('puts up to three shortlisted mentors to the young person', () => {
    const proposed = proposeMentors(person, ranking(), ['m-1', 'm-2', 'm-3'], coordinator, NOW);
    expect(proposed.ok && proposed.value).toMatchObject({ youngPersonId: 'yp-1', mentorIds: ['m-1', 'm-2', 'm-3'], status: 'withYoungPerson' });
  });

  it.each([
    ['no mentors', person, [], 'NO_MENTORS_CHOSEN'],
    ['four mentors', person, ['m-1', 'm-2', 'm-3', 'm-4'], 'TOO_MANY_MENTORS'],
    ['the same mentor twice', person, ['m-1', 'm-1'], 'DUPLICATE_MENTOR'],
    ['a mentor not on the shortlist', person, ['m-1', 'm-9'], 'MENTOR_NOT_SHORTLISTED'],
    ['a young person already matched', youngPerson({ status: 'matched' }), ['m-1'], 'YOUNG_PERSON_ALREADY_MATCHED'],
    ['a paused young person', youngPerson({ status: 'paused' }), ['m-1'], 'YOUNG_PERSON_NOT_WAITING'],
    ['a shortlist for someone else', youngPerson({ id: 'yp-2' }), ['m-1'], 'SHORTLIST_FOR_ANOTHER_YOUNG_PERSON'],
  ])('refuses %s', (_case, who, ids, code) => {
    const proposed = proposeMentors(who, ranking(), ids, coordinator, NOW);
    expect(!proposed.ok && proposed.error.code).toBe(code);
  });
});

describe('recordYoungPersonDecision', () => {
  it('records the mentor the young person chose, and who recorded it', () => {
    const decided = recordYoungPersonDecision(proposal(), { choose: 'm-2' }, coordinator, NOW);
    expect(decided.ok && decided.value).toMatchObject({ status: 'withMentor', chosenMentorId: 'm-2', choiceRecordedBy: coordinator });
  });

  it('records that none suits', () => {
    const decided = recordYoungPersonDecision(proposal(), 'noneSuits', coordinator, NOW);
    expect(decided.ok && decided.value.status).toBe('noneSuits');
  });

  it.each([
    ['a mentor not put to them', proposal(), { choose: 'm-3' }, 'MENTOR_NOT_SHORTLISTED'],
    ['a second decision', proposal({ status: 'withMentor', chosenMentorId: 'm-1' }), { choose: 'm-2' }, 'PROPOSAL_ALREADY_DECIDED'],
    ['a decision after none suited', proposal({ status: 'noneSuits' }), { choose: 'm-1' }, 'PROPOSAL_ALREADY_DECIDED'],
  ])('refuses %s', (_case, current, decision, code) => {
    const decided = recordYoungPersonDecision(current, decision, coordinator, NOW);
    expect(!decided.ok && decided.error.code).toBe(code);
  });
});

describe('the chosen mentor answers', () => {
  const chosen = proposal({ status: 'withMentor', chosenMentorId: 'm-1' });

  it('starts the match on acceptance and marks the young person matched', () => {
    const accepted = acceptProposal(chosen, candidate({ id: 'm-1' }), person, NOW);
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.value.match).toEqual({ id: chosen.id, mentorId: 'm-1', youngPersonId: 'yp-1', startedOn: '2026-03-02', status: 'active' });
    expect(accepted.value.proposal.status).toBe('accepted');
    expect(accepted.value.youngPerson.status).toBe('matched');
  });

  it('gives the same match id when an acceptance is retried, so storage writes it once', () => {
    const first = acceptProposal(chosen, candidate({ id: 'm-1' }), person, NOW);
    const again = acceptProposal(chosen, candidate({ id: 'm-1' }), person, new Date('2026-03-02T10:00:05Z'));
    expect(first.ok && again.ok && first.value.match.id === again.value.match.id).toBe(true);
  });

  it.each([
    ['another mentor', chosen, candidate({ id: 'm-2' }), person, 'NOT_CHOSEN_MENTOR'],
    ['a request not yet decided by the young person', proposal(), candidate({ id: 'm-1' }), person, 'NOT_AWAITING_MENTOR'],
    ['a request already accepted', { ...chosen, status: 'accepted' as const }, candidate({ id: 'm-1' }), person, 'NOT_AWAITING_MENTOR'],
    ['a young person matched meanwhile', chosen, candidate({ id: 'm-1' }), youngPerson({ status: 'matched' }), 'YOUNG_PERSON_ALREADY_MATCHED'],
    ['a young person closed meanwhile', chosen, candidate({ id: 'm-1' }), youngPerson({ status: 'closed' }), 'YOUNG_PERSON_NOT_WAITING'],
    ['a mentor matched meanwhile', chosen, candidate({ id: 'm-1', activeMatches: 1 }), person, 'MATCH_NOT_ALLOWED'],
    ['an under-18 and a mentor whose DBS is missing', chosen, candidate({ id: 'm-1', dbs: undefined }), youngPerson({ dateOfBirth: UNDER_18_DOB }), 'MATCH_NOT_ALLOWED'],
  ])('refuses acceptance by %s', (_case, current, mentor, who, code) => {
    const accepted = acceptProposal(current, mentor, who, NOW);
    expect(!accepted.ok && accepted.error.code).toBe(code);
  });

  it('explains why a match cannot start', () => {
    const accepted = acceptProposal(chosen, candidate({ id: 'm-1', dbs: undefined }), youngPerson({ dateOfBirth: UNDER_18_DOB }), NOW);
    expect(!accepted.ok && accepted.error.message).toBe(
      'This match cannot start. This young person is under 18 and they have no enhanced DBS check recorded.',
    );
  });

  it('lets the chosen mentor decline, and nobody else', () => {
    expect(declineProposal(chosen, 'm-1', NOW)).toMatchObject({ ok: true, value: { status: 'declinedByMentor' } });
    expect(declineProposal(chosen, 'm-2', NOW)).toMatchObject({ ok: false, error: { code: 'NOT_CHOSEN_MENTOR' } });
  });
});

describe('endMatch', () => {
  it('ends an active match once', () => {
    const match = { id: 'x', mentorId: 'm-1', youngPersonId: 'yp-1', startedOn: '2025-09-01', status: 'active' as const };
    const ended = endMatch(match, NOW);
    expect(ended).toEqual({ ok: true, value: { ...match, status: 'ended', endedOn: '2026-03-02' } });
    expect(ended.ok && endMatch(ended.value, NOW)).toMatchObject({ ok: false, error: { code: 'MATCH_ALREADY_ENDED' } });
  });
});
