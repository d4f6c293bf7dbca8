import { describe, expect, it } from 'vitest';
import { ageOn, editYoungPerson, newYoungPerson } from '../../../../src/matching/domain/young-people/index.js';
import { NOW, youngPerson } from '../fixtures.js';

describe('young person record', () => {
  it('starts waiting, and an edit keeps the id, status and creation time', () => {
    const { id: _id, status: _status, createdAt: _created, updatedAt: _updated, ...details } = youngPerson();
    const added = newYoungPerson('yp-9', details, NOW);
    expect(added).toMatchObject({ id: 'yp-9', status: 'waiting', createdAt: NOW.toISOString() });
    const later = new Date('2026-04-01T09:00:00Z');
    const edited = editYoungPerson({ ...added, status: 'paused' }, { ...details, firstName: 'Jo' }, later);
    expect(edited).toMatchObject({ id: 'yp-9', status: 'paused', firstName: 'Jo', createdAt: NOW.toISOString(), updatedAt: later.toISOString() });
  });

  it.each([
    ['2008-03-02', 18],
    ['2008-03-03', 17],
    ['2008-02-29', 18],
    ['2000-03-03', 25],
    ['2000-03-02', 26],
  ])('someone born %s is %i on 2 March 2026', (dateOfBirth, age) => {
    expect(ageOn(dateOfBirth, NOW)).toBe(age);
  });
});
