import { parseMentorProfile, penPictureView, rankMentors, type Proposal, type Ranking } from '../../../src/matching/domain/index.js';
import { parseYoungPersonDetails } from '../../../src/matching/domain/young-people/index.js';
import { profileInput, youngPersonInput } from '../../../src/matching/app/form-input.js';
import type { FieldProblem } from '../../../src/platform/kernel/validation/index.js';
import { newMentor, type Mentor } from '../../../src/journey/domain/index.js';
import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';
import { conflictsFormCard, conflictsListCard } from '../../../src/matching/teams/cards/conflicts.card.js';
import { dbsFormCard, dbsListCard } from '../../../src/matching/teams/cards/dbs.card.js';
import { withTypedValues } from '../../../src/platform/teams/cards/form-inputs.js';
import { choiceRecordedCard, matchNoticeCard, matchPickerCard, matchRequestCard, matchStartedCard, proposalCard, suggestionsCard } from '../../../src/matching/teams/cards/matching.card.js';
import { penPictureCard, profileFormCard } from '../../../src/matching/teams/cards/pen-picture.card.js';
import { pipelineCard } from '../../../src/matching/teams/cards/pipeline.card.js';
import { recordReadsCard, youngPeopleListCard, youngPersonCard, youngPersonFormCard } from '../../../src/matching/teams/cards/young-person.card.js';
import { matchStartedView } from '../../../src/matching/teams/matching-view.js';
import { CLEARED_DBS, NOW, candidate, profile, youngPerson, UNDER_18_DOB } from '../domain/fixtures.js';

const AREAS = ['central', 'north', 'south'];
const hostile = 'Jay [x](http://evil) **bold**';
const teen = youngPerson({ firstName: hostile, dateOfBirth: UNDER_18_DOB, eetNote: '# not a heading' });
const mentor: Mentor = { ...newMentor({ id: 'm-1', name: 'Alex *Wilber*' }, {}, NOW), stage: 'profileComplete' };
const ranking: Ranking = must(rankMentors(teen, [candidate({ id: 'm-1', name: 'Alex' }), candidate({ id: 'm-2', name: 'Grady', dbs: undefined })], NOW));
const proposal: Proposal = { id: 'yp-1.x', youngPersonId: teen.id, mentorIds: ['m-1'], proposedBy: { id: 'c', name: 'Isaiah' }, proposedAt: NOW.toISOString(), status: 'withYoungPerson' };
const picture = penPictureView('Alex', profile());

/** What a coordinator and a mentor typed into forms the server refused, and the problems the real parsers found. */
const YOUNG_PERSON_TYPED = { firstName: 'Robin', interests: 'music,sport', eetNote: 'x'.repeat(400), keyAdultContact: 'ring the office' };
/** Every input, as Teams sends a form (empty ones as ''), from a client that let a half-filled form through. */
const PROFILE_TYPED = { aboutMe: 'Me', experience: '', interests: '', expertise: '', gender: '', ageBand: '', menteeAgeMin: '17', menteeAgeMax: '25', availability: '', meetingModes: '', venues: '', areas: '', travelMiles: 'far' };
const refusedYoungPerson = problemsFrom(parseYoungPersonDetails(youngPersonInput(YOUNG_PERSON_TYPED), NOW, { areas: AREAS }));
const refusedProfile = problemsFrom(parseMentorProfile(profileInput(PROFILE_TYPED), { areas: AREAS }));

function problemsFrom(result: { ok: true } | { ok: false; error: { problems: readonly FieldProblem[] } }): readonly FieldProblem[] {
  if (result.ok) throw new Error('expected a refusal');
  return result.error.problems;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Every card the matching feature sends, in each of its states; cards.test.ts parses them all. */
export const MATCHING_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['profile form, empty', profileFormCard(undefined, AREAS, { intro: 'Thank you for the training.' })],
  ['profile form, filled, with a problem', profileFormCard(profile(), AREAS, { problems: [{ field: 'penPicture.interests', code: 'UNKNOWN_VALUE', message: 'Interests can only be: Sport, Football, Fitness, Music…' }] })],
  ['pen picture as a young person sees it', penPictureCard(picture, 'Next: wait.')],
  ['DBS list', dbsListCard([{ mentor, status: 'missing' }], 'Recorded.')],
  ['conflicts list', conflictsListCard([{ mentor, conflicts: [{ kind: 'area', area: 'north' }, { kind: 'youngPerson', youngPersonId: 'yp-1' }] }], 'Recorded.')],
  ['conflicts list, none', conflictsListCard([])],
  ['conflicts form', conflictsFormCard(mentor, [{ kind: 'area', area: 'north' }], AREAS, [teen], 'Areas can only be…')],
  ['DBS list, none missing', dbsListCard([])],
  ['DBS form', dbsFormCard(mentor, { ...CLEARED_DBS }, 'The date cannot be in the future.')],
  ['young person form, new', youngPersonFormCard(AREAS, undefined)],
  ['young person form, edit with a problem', youngPersonFormCard(AREAS, teen, undefined, [{ field: 'eetNote', code: 'TOO_LONG', message: 'The note on EET goals is 340 characters; 300 or fewer, please.' }])],
  ['young person form, refused as a whole', youngPersonFormCard(AREAS, teen, 'This record is closed and can no longer be changed. Nothing was saved.')],
  ['young person form, refilled after a refusal', withTypedValues(youngPersonFormCard(AREAS, undefined, undefined, refusedYoungPerson), YOUNG_PERSON_TYPED)],
  ['profile form, refilled after a refusal', withTypedValues(profileFormCard(undefined, AREAS, { problems: refusedProfile }), PROFILE_TYPED)],
  ['profile form, refused as a whole', profileFormCard(undefined, AREAS, { problem: 'You can write your pen picture once the coordinator has recorded your training. Nothing was saved.' })],
  ['young person record', youngPersonCard(teen, NOW, 'Added.')],
  ['young person record, paused', youngPersonCard({ ...teen, status: 'paused' }, NOW)],
  ['young people list', youngPeopleListCard([teen], NOW)],
  ['who has read a record', recordReadsCard(teen, [{ at: NOW.toISOString(), readerName: 'Isaiah *L*', purpose: 'view' }, { at: NOW.toISOString(), readerName: 'X', purpose: 'unknownPurpose' }])],
  ['who has read a record, nobody', recordReadsCard(teen, [])],
  ['young people list, empty', youngPeopleListCard([], NOW)],
  ['match picker', matchPickerCard([teen], NOW)],
  ['match picker, nobody waiting', matchPickerCard([], NOW)],
  ['suggestions', suggestionsCard(teen, ranking, 'Choose at most 3.')],
  ['suggestions, none', suggestionsCard(teen, { youngPersonId: teen.id, suggestions: [], excluded: [] })],
  ['proposal for the young person', proposalCard(teen, proposal, [picture])],
  ['choice recorded', choiceRecordedCard({ ...proposal, status: 'withMentor', chosenMentorId: 'm-1' }, 'Alex')],
  ['choice recorded, none suits', choiceRecordedCard({ ...proposal, status: 'noneSuits' }, undefined)],
  ['match request to the mentor', matchRequestCard({ youngPersonId: teen.id, proposalId: proposal.id })],
  ['match request, accepted', matchRequestCard({ youngPersonId: teen.id, proposalId: proposal.id }, 'accepted')],
  ['match request, closed', matchRequestCard({ youngPersonId: teen.id, proposalId: proposal.id }, 'closed', 'Already matched.')],
  ['match started, with contacts', matchStartedCard(matchStartedView(teen, { dutyLine: '0300 555 0100', serviceManager: { name: 'Isaiah', contact: '0300' } }, NOW))],
  ['match started, no contacts configured', matchStartedCard(matchStartedView(teen, {}, NOW))],
  ['match notice, accepted', matchNoticeCard('Alex', teen, 'accepted')],
  ['match notice, declined', matchNoticeCard('Alex', undefined, 'declined')],
  [
    'pipeline',
    pipelineCard({
      mentorsByStage: { interested: 1, awaitingApproval: 0, approved: 2, declined: 0, booked: 0, trained: 1, profileComplete: 1, matched: 1, active: 0, ended: 0, withdrawn: 0 },
      trainedUnmatched: [{ mentor, hasProfile: true, dbsCleared: false }],
      youngPeopleByStatus: { waiting: 2, paused: 0, matched: 1, closed: 0 },
      waiting: { count: 2, longestDays: 12 },
    }),
  ],
];
