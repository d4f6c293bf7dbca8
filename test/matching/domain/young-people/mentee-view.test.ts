import { describe, expect, it } from 'vitest';
import { menteeView } from '../../../../src/matching/domain/young-people/index.js';
import { NOW, youngPerson } from '../fixtures.js';

describe('menteeView', () => {
  const person = youngPerson({ dateOfBirth: '2006-06-15', eetNote: 'Has a court date in May.' });
  const view = menteeView(person, NOW);

  it('carries the first name, the age and what the mentor needs', () => {
    expect(view).toEqual({
      firstName: 'Jay',
      age: 19,
      interests: ['music', 'football'],
      eetGoals: ['construction'],
      meetingModes: [],
      availability: ['weekdayEvening'],
      keyAdult: { role: 'personalAdviser', name: 'Sam Patel', contact: '01709 123456' },
    });
  });

  it('never carries the reference, date of birth, gender, home area, notes or preferences', () => {
    const text = JSON.stringify(view);
    for (const secret of [person.reference, person.dateOfBirth, person.id, 'Has a court date', 'north', 'male']) {
      expect(text).not.toContain(secret);
    }
  });
});
