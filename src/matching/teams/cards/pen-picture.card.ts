import { MATCHING_VERBS } from '../matching.verbs.js';
import { choiceInput } from './choice-input.js';
import { AVAILABILITY, FIELDS, GENDERS, INTERESTS, MEETING_MODES, MENTOR_AGE_BANDS, PROFILE_LIMITS, SCHEME_MAX_AGE, SCHEME_MIN_AGE, VENUES, type MentorProfile, type PenPictureView } from '../../domain/index.js';
import { card, execute, facts, fieldProblem, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { numberInput, textInput } from '../../../platform/teams/cards/form-inputs.js';

/** The pen picture exactly as a young person will read it: nothing of DBS or the mentor's own matching needs. */
export function penPictureElements(view: PenPictureView): CardElement[] {
  return [
    text(view.name, { weight: 'Bolder', size: 'Medium' }),
    text(view.aboutMe),
    facts([
      ['Experience', view.experience],
      ['Interests', view.interests],
      ...(view.expertise ? [['Knows about', view.expertise] as [string, string]] : []),
      ['Can meet', view.meets],
    ]),
  ];
}

export function penPictureCard(view: PenPictureView, note: string): AdaptiveCardJson {
  return card(
    [heading('Your pen picture'), text('This is how a young person will see it:', { subtle: true }), { type: 'Container', style: 'emphasis', items: penPictureElements(view) }, text(note, { spacing: 'Medium' })],
    [execute('Edit my profile', MATCHING_VERBS.editProfile)],
  );
}

/** The profile form (report 4.2); `intro` says why it is shown (asked after training, or an edit). */
export function profileFormCard(profile: MentorProfile | undefined, areas: readonly string[], options: { intro?: string; problem?: string } = {}): AdaptiveCardJson {
  const needs = profile?.needs;
  return card(
    [
      heading('Your mentor profile'),
      text(options.intro ?? 'A young person reads the first part when choosing a mentor; the second part is for matching only.'),
      ...(options.problem ? [fieldProblem(options.problem)] : []),
      text('What a young person reads', { weight: 'Bolder', spacing: 'Medium' }),
      textInput('aboutMe', 'About me', profile?.aboutMe, PROFILE_LIMITS.aboutMe, { multiline: true }),
      textInput('experience', 'My experience (work, life, what I could help with)', profile?.penPicture.experience, PROFILE_LIMITS.experience, { multiline: true }),
      choiceInput('interests', 'Interests', INTERESTS, profile?.penPicture.interests, { multi: true, required: true }),
      choiceInput('expertise', 'Areas of expertise', FIELDS, profile?.penPicture.expertise, { multi: true }),
      text('For matching only', { weight: 'Bolder', spacing: 'Medium' }),
      choiceInput('gender', 'My gender', GENDERS, needs?.gender, { required: true }),
      choiceInput('ageBand', 'My age', MENTOR_AGE_BANDS, needs?.ageBand, { required: true }),
      numberInput('menteeAgeMin', 'Youngest age I would mentor', needs?.menteeAges.min ?? SCHEME_MIN_AGE, SCHEME_MIN_AGE, SCHEME_MAX_AGE),
      numberInput('menteeAgeMax', 'Oldest age I would mentor', needs?.menteeAges.max ?? SCHEME_MAX_AGE, SCHEME_MIN_AGE, SCHEME_MAX_AGE),
      choiceInput('availability', 'When I am free', AVAILABILITY, needs?.availability, { multi: true, required: true }),
      choiceInput('meetingModes', 'How I can meet', MEETING_MODES, needs?.meetingModes, { multi: true, required: true }),
      choiceInput('venues', 'Places I would meet', VENUES, needs?.venues, { multi: true }),
      choiceInput('areas', 'Areas I can meet in (in person)', areas, needs?.areas, { multi: true }),
      numberInput('travelMiles', 'How far I can travel (miles)', needs?.travelMiles ?? 5, 0, PROFILE_LIMITS.travelMiles),
    ],
    [execute('Save my profile', MATCHING_VERBS.saveProfile, {}, 'positive')],
    undefined,
    options.intro ? { summary: 'Please write your mentor profile, so that a young person can choose you' } : {},
  );
}
