import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dbsInput, profileInput, youngPersonInput } from '../../../src/matching/app/form-input.js';
import { parseDbsRecord, parseMentorProfile } from '../../../src/matching/domain/index.js';
import { parseYoungPersonDetails } from '../../../src/matching/domain/young-people/index.js';

const NOW = new Date('2026-11-02T10:00:00Z');

const PROFILE_FIELDS = ['aboutMe', 'experience', 'interests', 'expertise', 'gender', 'ageBand', 'menteeAgeMin', 'menteeAgeMax', 'availability', 'meetingModes', 'venues', 'areas', 'travelMiles'];
const YOUNG_PERSON_FIELDS = [
  'reference', 'firstName', 'dateOfBirth', 'gender', 'homeArea', 'interests', 'eetGoals', 'eetNote', 'availability',
  'prefMentorGender', 'prefMentorGenderRequired', 'prefMeetingMode', 'prefMeetingModeRequired', 'prefArea', 'prefAreaRequired',
  'keyAdultRole', 'keyAdultName', 'keyAdultContact',
];

/** What a card (or a forged payload) may send: any of the form's fields, with values of any shape. */
const payload = (fields: string[]) =>
  fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...fields), fc.oneof(fc.string(), fc.constantFrom('true', 'false', '17', 'music,sport', ''), fc.anything())));

describe('card inputs to the matching parsers', () => {
  it('reads the flat strings a card sends into the shapes the domain parses', () => {
    const profile = parseMentorProfile(
      profileInput({
        aboutMe: 'About me.', experience: 'Work.', interests: 'music,sport', expertise: '', gender: 'female', ageBand: '40to49',
        menteeAgeMin: '16', menteeAgeMax: '21', availability: 'weekdayEvening', meetingModes: 'online', venues: '', areas: '', travelMiles: '0',
      }),
    );
    expect(profile.ok && profile.value.penPicture.interests).toEqual(['music', 'sport']);
    expect(profile.ok && profile.value.needs.menteeAges).toEqual({ min: 16, max: 21 });
    const dbs = parseDbsRecord(dbsInput({ checkedOn: '2026-01-10', certificateReference: '001234567890', updateService: 'false' }), NOW);
    expect(dbs.ok && dbs.value.updateService).toBe(false);
    const youngPerson = parseYoungPersonDetails(
      youngPersonInput({
        reference: 'LC-1', firstName: 'Robin', dateOfBirth: '2008-01-01', gender: 'male', homeArea: 'north', availability: 'weekdayEvening',
        prefMeetingMode: 'online', prefMeetingModeRequired: 'true', keyAdultRole: 'socialWorker', keyAdultName: 'Sam', keyAdultContact: 'sam@example.org',
      }),
      NOW,
    );
    expect(youngPerson.ok && youngPerson.value.preferences.meetingMode).toEqual({ values: ['online'], required: true });
  });

  it('never throws on any payload, and a refusal always says why', () => {
    fc.assert(
      fc.property(payload(PROFILE_FIELDS), payload(YOUNG_PERSON_FIELDS), payload(['checkedOn', 'certificateReference', 'updateService']), (p, y, d) => {
        for (const result of [parseMentorProfile(profileInput(p)), parseYoungPersonDetails(youngPersonInput(y), NOW), parseDbsRecord(dbsInput(d), NOW)]) {
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a multi-select value that is not on the list rather than dropping it', () => {
    const parsed = parseMentorProfile(profileInput({ interests: 'music,<script>' }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toContain('Interests can only be');
  });
});
