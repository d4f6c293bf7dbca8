import { MATCHING_VERBS } from '../matching.verbs.js';
import { choiceInput } from './choice-input.js';
import { AVAILABILITY, FIELDS, GENDERS, INTERESTS, MEETING_MODES, MENTOR_AGE_BANDS, PROFILE_LIMITS, SCHEME_MAX_AGE, SCHEME_MIN_AGE, VENUES, type MentorProfile, type PenPictureView } from '../../domain/index.js';
import { card, execute, facts, heading, notice, subheading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { placeProblems } from '../../../platform/teams/cards/field-problems.js';
import { foldedSection, sideBySide } from '../../../platform/teams/cards/form-sections.js';
import type { FieldProblem } from '../../../platform/kernel/validation/index.js';
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

export interface ProfileFormOptions {
  /** Why it is shown (asked after training); it also makes the card a proactive one, with a summary. */
  readonly intro?: string;
  /** A refusal of the whole form, with no field to mark. */
  readonly problem?: string;
  /** A refusal's problems, each shown under its field. */
  readonly problems?: readonly FieldProblem[];
}

/** The parser's fields ("needs.menteeAges.min") as the form's input ids ("menteeAgeMin"). */
const PROFILE_INPUTS: Record<string, string> = {
  aboutMe: 'aboutMe',
  'penPicture.experience': 'experience',
  'penPicture.interests': 'interests',
  'penPicture.expertise': 'expertise',
  'needs.gender': 'gender',
  'needs.ageBand': 'ageBand',
  'needs.menteeAges': 'menteeAgeMin',
  'needs.menteeAges.min': 'menteeAgeMin',
  'needs.menteeAges.max': 'menteeAgeMax',
  'needs.availability': 'availability',
  'needs.meetingModes': 'meetingModes',
  'needs.venues': 'venues',
  'needs.areas': 'areas',
  'needs.travelMiles': 'travelMiles',
};

/**
 * The profile form (report 4.2). What a young person reads and what matching must know are shown; optional and
 * rarely changed answers (expertise, ages, venues, distance) fold behind "More…", opened in place; a refused answer in
 * there is named under the button as well as shown under its field.
 */
export function profileFormCard(profile: MentorProfile | undefined, areas: readonly string[], options: ProfileFormOptions = {}): AdaptiveCardJson {
  const needs = profile?.needs;
  const placed = placeProblems(options.problems ?? [], (field) => PROFILE_INPUTS[field]);
  const lead = placed.lead('Nothing was saved');
  const field = (input: CardElement): CardElement[] => [input, ...placed.under(String(input.id))];
  const more = [
    ...field(choiceInput('expertise', 'Areas of expertise (a young person reads these)', FIELDS, profile?.penPicture.expertise, { multi: true })),
    text(`Ages of the young people I would mentor (${SCHEME_MIN_AGE} to ${SCHEME_MAX_AGE})`, { weight: 'Bolder' }),
    sideBySide(
      field(numberInput('menteeAgeMin', 'Youngest', needs?.menteeAges.min ?? SCHEME_MIN_AGE, SCHEME_MIN_AGE, SCHEME_MAX_AGE)),
      field(numberInput('menteeAgeMax', 'Oldest', needs?.menteeAges.max ?? SCHEME_MAX_AGE, SCHEME_MIN_AGE, SCHEME_MAX_AGE)),
    ),
    ...field(choiceInput('venues', 'Places I would meet', VENUES, needs?.venues, { multi: true })),
    ...field(numberInput('travelMiles', 'How far I can travel (miles)', needs?.travelMiles ?? 5, 0, PROFILE_LIMITS.travelMiles)),
  ];
  return card(
    [
      heading('Your mentor profile'),
      ...(options.intro ? [text(options.intro, { subtle: true })] : []),
      ...(lead.length ? lead : options.problem ? [notice(options.problem, 'attention')] : []),
      subheading('What a young person reads', 'Small'),
      ...field(textInput('aboutMe', 'About me', profile?.aboutMe, PROFILE_LIMITS.aboutMe, { multiline: true, placeholder: 'Who you are and what you enjoy, in a few friendly lines' })),
      ...field(textInput('experience', 'My experience', profile?.penPicture.experience, PROFILE_LIMITS.experience, { multiline: true, placeholder: 'Work, life, and what you could help with' })),
      ...field(choiceInput('interests', 'Interests', INTERESTS, profile?.penPicture.interests, { multi: true, required: true })),
      subheading('For matching only', 'Small'),
      sideBySide(field(choiceInput('gender', 'My gender', GENDERS, needs?.gender, { required: true })), field(choiceInput('ageBand', 'My age', MENTOR_AGE_BANDS, needs?.ageBand, { required: true }))),
      sideBySide(field(choiceInput('availability', 'When I am free', AVAILABILITY, needs?.availability, { multi: true, required: true })), [
        ...field(choiceInput('meetingModes', 'How I can meet', MEETING_MODES, needs?.meetingModes, { multi: true, required: true })),
        ...field(choiceInput('areas', 'Areas (in person)', areas, needs?.areas, { multi: true })),
      ]),
      ...foldedSection('moreAboutMe', 'More: expertise, ages, travel', more, placed.refusedIn(more)),
    ],
    [execute('Save my profile', MATCHING_VERBS.saveProfile, {}, 'positive')],
    undefined,
    options.intro ? { summary: 'Please write your mentor profile, so that a young person can choose you' } : {},
  );
}
