import { describe, expect, it } from 'vitest';
import { notYetInvited, selectAudience, supervisionAudience, type AudienceCriteria, type AudienceMentor } from '../../../src/broadcast/domain/index.js';

const mentors: AudienceMentor[] = [
  { id: 'ann', stage: 'approved' },
  { id: 'bob', stage: 'booked' },
  { id: 'cat', stage: 'trained' },
  { id: 'dan', stage: 'profileComplete' },
  { id: 'eve', stage: 'matched' },
  { id: 'fay', stage: 'active' },
  { id: 'gus', stage: 'ended' },
  { id: 'hal', stage: 'withdrawn' },
  { id: 'ivy', stage: 'profileComplete', matched: true },
  { id: 'jon', stage: 'ended', matched: true },
];

describe('selectAudience', () => {
  it.each<[string, AudienceCriteria, string[]]>([
    ['approved but not booked', { groups: ['approvedNotBooked'] }, ['ann']],
    ['trained, not yet matched', { groups: ['trainedNotMatched'] }, ['cat', 'dan', 'ivy']],
    ['matched', { groups: ['matched'] }, ['eve', 'fay']],
    ['a single stage', { stages: ['booked'] }, ['bob']],
    ['stages and groups together, each person once', { stages: ['trained', 'approved'], groups: ['trainedNotMatched'] }, ['ann', 'cat', 'dan', 'ivy']],
    ['named people only, in the order named', { people: ['zed', 'amy'] }, ['zed', 'amy']],
    ['named people who are also in a group come once', { groups: ['matched'], people: ['fay', 'zed', 'eve'] }, ['eve', 'fay', 'zed']],
    ['the same id in another case is one person', { people: ['AB12-CD', 'ab12-cd', ' ab12-CD '] }, ['AB12-CD']],
    ['blank names are ignored', { groups: ['booked'], people: ['', '  '] }, ['bob']],
  ])('%s', (_name, criteria, expected) => {
    expect(selectAudience(mentors, criteria)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, AudienceCriteria]>([
    ['nothing picked', {}],
    ['a stage nobody is at', { stages: ['interested'] }],
    ['only blank names', { people: [' '] }],
  ])('refuses an empty audience: %s', (_name, criteria) => {
    const result = selectAudience(mentors, criteria);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('AUDIENCE_EMPTY');
  });
});

describe('supervisionAudience', () => {
  it('invites everyone matched now, and nobody who has left the scheme', () => {
    expect(supervisionAudience(mentors)).toEqual(['eve', 'fay', 'ivy']);
  });

  it('is empty, not an error, when nobody is matched', () => {
    expect(supervisionAudience([{ id: 'ann', stage: 'approved' }])).toEqual([]);
  });

  it('adds mentors matched after the invitations went out', () => {
    const invited = supervisionAudience(mentors);
    const later = [...mentors, { id: 'kim', stage: 'matched' as const }, { id: 'EVE', stage: 'active' as const }];
    expect(notYetInvited(supervisionAudience(later), invited)).toEqual(['kim']);
  });
});
