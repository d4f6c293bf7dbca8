import { MATCHING_VERBS } from '../matching.verbs.js';
import { choiceInput } from './choice-input.js';
import { AVAILABILITY, FIELDS, GENDERS, INTERESTS, MATCH_END_REASON_TITLES, MEETING_MODES, MENTOR_AGE_BANDS, describeList, describeValue, type Match } from '../../domain/index.js';
import { END_MATCH_FORM_VERB } from '../relationship-verbs.js';
import { KEY_ADULT_ROLES, YOUNG_PERSON_LIMITS, ageOn, describeYoungPersonStatus, type Preference, type YoungPerson } from '../../domain/young-people/index.js';
import { card, confirmAction, execute, facts, foldedList, formatDate, heading, notice, subheading, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { placeProblems } from '../../../platform/teams/cards/field-problems.js';
import { foldedSection, sideBySide } from '../../../platform/teams/cards/form-sections.js';
import type { FieldProblem } from '../../../platform/kernel/validation/index.js';
import { dateInput, textInput, toggleInput } from '../../../platform/teams/cards/form-inputs.js';

const KEY_ADULT_TITLES = { personalAdviser: 'Personal adviser (PA)', socialWorker: 'Social worker' };
const CONFIDENTIAL = 'Confidential: for the scheme coordinators only. Do not forward or share.';

/** The parser's fields ("keyAdult.contact", "preferences.area.values") as the form's input ids. */
function youngPersonInputOf(field: string): string | undefined {
  const preference = /^preferences\.(mentorGender|mentorAgeBand|meetingMode|area)\b/.exec(field);
  if (preference) return `pref${preference[1]!.charAt(0).toUpperCase()}${preference[1]!.slice(1)}`;
  const keyAdult = /^keyAdult\.(role|name|contact)$/.exec(field);
  if (keyAdult) return `keyAdult${keyAdult[1]!.charAt(0).toUpperCase()}${keyAdult[1]!.slice(1)}`;
  return ['reference', 'firstName', 'dateOfBirth', 'gender', 'homeArea', 'interests', 'eetGoals', 'eetNote', 'availability'].includes(field) ? field : undefined;
}


/**
 * The coordinator's form to add or edit a young person: the least data matching needs, and a reference, not a full
 * name. What matching must have is shown; interests, goals and wishes (all optional) fold behind buttons that open
 * them in place; a refused answer in there is named under the button as well as shown under its field.
 */
export function youngPersonFormCard(areas: readonly string[], current: YoungPerson | undefined, problem?: string, problems: readonly FieldProblem[] = []): AdaptiveCardJson {
  const p = current?.preferences;
  const placed = placeProblems(problems, youngPersonInputOf);
  const lead = placed.lead('Nothing was saved');
  const field = (input: CardElement): CardElement[] => [input, ...placed.under(String(input.id))];
  const preference = (id: string, label: string, known: readonly string[], value: Preference<string> | undefined): CardElement[] => [
    ...field(choiceInput(id, label, known, value?.values, { multi: true })),
    toggleInput(`${id}Required`, `${label}: a must, not a wish`, value?.required ?? false),
  ];
  const goals = [
    ...field(choiceInput('interests', 'Interests', INTERESTS, current?.interests, { multi: true })),
    ...field(choiceInput('eetGoals', 'EET goals: work, education or training', FIELDS, current?.eetGoals, { multi: true })),
    ...field(textInput('eetNote', 'Note on EET goals', current?.eetNote, YOUNG_PERSON_LIMITS.eetNote, { multiline: true, required: false })),
  ];
  const wishes = [
    text('Leave a list empty for no preference. "A must" rules out mentors who do not fit.', { subtle: true }),
    ...preference('prefMentorGender', 'Mentor gender', GENDERS, p?.mentorGender),
    ...preference('prefMentorAgeBand', 'Mentor age', MENTOR_AGE_BANDS, p?.mentorAgeBand),
    ...preference('prefMeetingMode', 'Online or in person', MEETING_MODES, p?.meetingMode),
    ...preference('prefArea', 'Area to meet in', areas, p?.area),
  ];
  return card(
    [
      heading(current ? 'Edit young person' : 'Add a young person'),
      text(CONFIDENTIAL, { subtle: true }),
      ...(lead.length ? lead : problem ? [notice(problem, 'attention')] : []),
      ...field(textInput('reference', 'Case reference (not a name)', current?.reference, YOUNG_PERSON_LIMITS.reference, { placeholder: 'Such as LC-1042' })),
      ...field(textInput('firstName', 'First or chosen name', current?.firstName, YOUNG_PERSON_LIMITS.firstName)),
      sideBySide(field(dateInput('dateOfBirth', 'Date of birth', current?.dateOfBirth)), field(choiceInput('gender', 'Gender', GENDERS, current?.gender, { required: true }))),
      ...field(choiceInput('homeArea', 'Home area', areas, current?.homeArea, { required: true })),
      ...field(choiceInput('availability', 'When they are free', AVAILABILITY, current?.availability, { multi: true, required: true })),
      ...foldedSection('interestsAndGoals', 'Interests and goals (optional)', goals, placed.refusedIn(goals)),
      ...foldedSection('preferences', 'Their wishes for a mentor (optional)', wishes, placed.refusedIn(wishes)),
      subheading('Key adult'),
      ...field(choiceInput('keyAdultRole', 'Role', KEY_ADULT_ROLES, current?.keyAdult.role, { required: true, titles: KEY_ADULT_TITLES })),
      ...field(textInput('keyAdultName', 'Name', current?.keyAdult.name, YOUNG_PERSON_LIMITS.keyAdultName)),
      ...field(textInput('keyAdultContact', 'Phone or email', current?.keyAdult.contact, YOUNG_PERSON_LIMITS.contact)),
    ],
    [execute(current ? 'Save changes' : 'Add young person', MATCHING_VERBS.saveYoungPerson, current ? { youngPersonId: current.id } : {}, 'positive')],
  );
}

function statusActions(youngPerson: YoungPerson, running: Match | undefined): CardAction[] {
  const ref = { youngPersonId: youngPerson.id };
  const actions: CardAction[] = [];
  if (youngPerson.status === 'matched' && running) {
    const pause = running.pausedSince ? execute('Resume the match', MATCHING_VERBS.changeYoungPersonStatus, { ...ref, event: 'resume' }) : execute('Pause', MATCHING_VERBS.changeYoungPersonStatus, { ...ref, event: 'pause' });
    // Closing a matched record ends the match first: the relationship capability's form, with its confirmation.
    const close = { ...execute('Close', END_MATCH_FORM_VERB, { matchId: running.id, closeRecord: true }, 'destructive'), mode: 'secondary' };
    return [execute('Edit', MATCHING_VERBS.youngPersonForm, ref), pause, close, execute('Who has read this', MATCHING_VERBS.youngPersonReads, ref)];
  }
  if (youngPerson.status === 'waiting') actions.push(execute('Suggest mentors', MATCHING_VERBS.suggestMentors, ref, 'positive'));
  if (youngPerson.status !== 'closed') actions.push(execute('Edit', MATCHING_VERBS.youngPersonForm, ref));
  if (youngPerson.status === 'waiting') actions.push(execute('Pause', MATCHING_VERBS.changeYoungPersonStatus, { ...ref, event: 'pause' }));
  if (youngPerson.status === 'paused') actions.push(execute('Resume', MATCHING_VERBS.changeYoungPersonStatus, { ...ref, event: 'resume' }));
  actions.push(execute('Who has read this', MATCHING_VERBS.youngPersonReads, ref));
  if (youngPerson.status !== 'closed') {
    actions.push(
      confirmAction({
        opener: 'Close the record…',
        consequence: `${youngPerson.firstName} (${youngPerson.reference}) will leave the matching list and no mentor will be suggested for them.`,
        confirm: `Close ${youngPerson.firstName}'s record`,
        verb: MATCHING_VERBS.changeYoungPersonStatus,
        data: { ...ref, event: 'close' },
      }),
    );
  }
  return actions;
}

/** The match running (paused or not), whether they are first in line, and earlier matches: for the coordinator only. */
function matchHistory(youngPerson: YoungPerson, running: Match | undefined, matches: readonly Match[]): CardElement[] {
  const lines: Array<[string, string]> = [];
  if (running) lines.push(['Match', `since ${formatDate(running.startedOn)}${running.pausedSince ? `, paused since ${formatDate(running.pausedSince)}` : ''}`]);
  if (youngPerson.status === 'waiting' && youngPerson.returnedToListAt) lines.push(['Matching list', `first in line (back since ${formatDate(youngPerson.returnedToListAt)})`]);
  for (const match of matches.filter((each) => each.status === 'ended').slice(-3)) {
    lines.push(['Earlier match', `${formatDate(match.startedOn)} to ${match.endedOn ? formatDate(match.endedOn) : 'ended'}${match.endReason ? `: ${MATCH_END_REASON_TITLES[match.endReason]}` : ''}`]);
  }
  return lines.length ? [facts(lines)] : [];
}

function prefer(label: string, preference: Preference<string>): [string, string] {
  if (preference.values.length === 0) return [label, 'No preference'];
  return [label, `${describeList(preference.values, 'or')}${preference.required ? ' (a must)' : ''}`];
}

/** One young person's record, for a coordinator. */
export function youngPersonCard(youngPerson: YoungPerson, now: Date, done?: string, matches: readonly Match[] = []): AdaptiveCardJson {
  const { preferences: p, keyAdult } = youngPerson;
  const running = matches.find((match) => match.status === 'active');
  return card(
    [
      heading(`${youngPerson.firstName} (${youngPerson.reference})`),
      text(CONFIDENTIAL, { subtle: true }),
      ...(done ? [notice(done, 'good')] : []),
      facts([
        ['Status', describeYoungPersonStatus(youngPerson.status)],
        ['Age', String(ageOn(youngPerson.dateOfBirth, now))],
        ['Date of birth', formatDate(youngPerson.dateOfBirth)],
        ['Gender', describeValue(youngPerson.gender)],
        ['Home area', describeValue(youngPerson.homeArea)],
        ['Interests', describeList(youngPerson.interests) || 'None given'],
        ['EET goals', describeList(youngPerson.eetGoals) || 'None given'],
        ...(youngPerson.eetNote ? [['EET note', youngPerson.eetNote] as [string, string]] : []),
        ['Free', describeList(youngPerson.availability, 'or')],
        prefer('Mentor gender', p.mentorGender),
        prefer('Mentor age', p.mentorAgeBand),
        prefer('Meeting', p.meetingMode),
        prefer('Area', p.area),
        ['Key adult', `${keyAdult.name}, ${KEY_ADULT_TITLES[keyAdult.role]}, ${keyAdult.contact}`],
      ]),
      ...matchHistory(youngPerson, running, matches),
    ],
    statusActions(youngPerson, running),
  );
}

/** The coordinator's list of young people on the scheme. */
export function youngPeopleListCard(youngPeople: readonly YoungPerson[], now: Date): AdaptiveCardJson {
  const rows: CardElement[] = youngPeople.map((youngPerson) => ({
    type: 'Container',
    separator: true,
    items: [
      text(`${youngPerson.firstName} (${youngPerson.reference}), ${ageOn(youngPerson.dateOfBirth, now)}: ${describeYoungPersonStatus(youngPerson.status)}`, { weight: 'Bolder' }),
      { type: 'ActionSet', actions: [execute(`Open ${youngPerson.firstName}`, MATCHING_VERBS.viewYoungPerson, { youngPersonId: youngPerson.id })] },
    ],
  }));
  return card(
    [heading('Young people on the scheme'), text(CONFIDENTIAL, { subtle: true }), ...(rows.length ? foldedList('youngPeople', rows, 10, 'more young people') : [text('Nobody yet. Add the young people the EET group identifies.')])],
    [execute('Add a young person', MATCHING_VERBS.youngPersonForm, {}, 'positive')],
  );
}

const PURPOSES: Record<string, string> = {
  list: 'listed',
  view: 'opened',
  edit: 'edited',
  changeStatus: 'changed status',
  suggest: 'suggestions',
  propose: 'mentors put',
  recordChoice: 'decision recorded',
  mentorResponse: "mentor's answer",
  matchDetailsForMentor: 'sent to their mentor',
  notice: 'notice to a coordinator',
  conflicts: 'conflicts of interest',
  matchEnding: 'match ending',
};

/** The access log of one record, newest first. */
export function recordReadsCard(youngPerson: YoungPerson, reads: readonly { at: string; readerName: string; purpose: string }[]): AdaptiveCardJson {
  const when = (at: string): string => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(at));
  return card(
    [
      heading(`Who has read ${youngPerson.firstName} (${youngPerson.reference})`),
      text(CONFIDENTIAL, { subtle: true }),
      text(`The ${reads.length} most recent reads, newest first. Every read of a record is kept: who, when and why.`),
      facts(reads.map((read): [string, string] => [when(read.at), `${read.readerName}: ${PURPOSES[read.purpose] ?? read.purpose}`])),
    ],
    [execute('Back to the record', MATCHING_VERBS.viewYoungPerson, { youngPersonId: youngPerson.id })],
  );
}
