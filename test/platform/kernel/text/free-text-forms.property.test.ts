import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCompose } from '../../../../src/broadcast/app/compose.input.js';
import { parseDecision } from '../../../../src/journey/app/decision.input.js';
import { dbsInput, profileInput, youngPersonInput } from '../../../../src/matching/app/form-input.js';
import { parseSignUp } from '../../../../src/journey/app/sign-up.input.js';
import { parseDbsRecord, parseMentorProfile } from '../../../../src/matching/domain/index.js';
import { DEFAULT_CLAIM_POLICY, parseEndingForm, parseFeedback, rejectClaim, submitClaim, validateMeetingLog } from '../../../../src/relationship/domain/index.js';
import { EMPTY_COHORT_BOOK, EMPTY_ROTA, parseCohortForm, parseNewSession, setUpRota } from '../../../../src/sessions/domain/index.js';
import { parseYoungPersonDetails } from '../../../../src/matching/domain/young-people/index.js';
import type { FieldProblem } from '../../../../src/platform/kernel/validation/index.js';

/** What a form's parser said, in one shape: accepted, or refused with problems (a field when the parser names one). */
type Outcome = { ok: true; value: unknown } | { ok: false; problems: readonly { field?: string; code?: string; message: string }[] };

interface FreeTextField {
  readonly field: string;
  /** The problem's field, where the parser names fields (nested forms use dotted paths). */
  readonly problemField?: string;
  /** The refusal must name the field in words a person reads. */
  readonly named: RegExp;
  /** Codes meaning "this required field is missing"; absent for optional fields. */
  readonly missing?: readonly string[];
  /** For a parser that gives back the checked value instead of a code when the field is empty. */
  readonly missingWhenAccepted?: (value: unknown) => boolean;
}

interface Form {
  readonly name: string;
  readonly valid: Record<string, unknown>;
  readonly fields: readonly FreeTextField[];
  parse(input: Record<string, unknown>): Outcome;
}

const NOW = new Date('2026-03-02T10:00:00Z');

/** A refusal that names no field (the relationship rules' Result, input refused as a whole) stands as one problem. */
function fromValidation(result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; problems?: readonly FieldProblem[] } }): Outcome {
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, problems: result.error.problems?.length ? result.error.problems : [{ code: result.error.code, message: result.error.message }] };
}

const SUBMITTED_CLAIM = submitClaim({ amountPence: 450, purpose: 'two coffees' }, { id: 'c1', matchId: 'm1', mentorId: 'u1', date: '2025-06-12', now: new Date('2025-06-12T12:00:00Z') });

const FORMS: readonly Form[] = [
  {
    name: 'sign-up',
    valid: {
      role: 'electedMember',
      directorateOrWard: 'Riverside ward',
      jobTitle: 'Councillor',
      worksInChildrensServices: 'false',
      motivation: 'I want to open doors.',
      declarationOfInterests: 'Governor of a local school.',
      consent: 'true',
      commitment: 'true',
    },
    fields: [
      { field: 'directorateOrWard', problemField: 'directorateOrWard', named: /directorate/i, missing: ['TEXT_MISSING'] },
      { field: 'motivation', problemField: 'motivation', named: /mentor/i, missing: ['TEXT_MISSING'] },
      { field: 'declarationOfInterests', problemField: 'declarationOfInterests', named: /declaration/i, missing: ['TEXT_MISSING'] },
    ],
    parse: (input) => fromValidation(parseSignUp(input)),
  },
  {
    // A councillor's form has no job title; a senior manager's must have one.
    name: 'sign-up, senior manager',
    valid: {
      role: 'seniorManager',
      directorateOrWard: 'Regeneration and Environment',
      jobTitle: 'Head of Highways',
      worksInChildrensServices: 'false',
      motivation: 'I want to open doors.',
      consent: 'true',
      commitment: 'true',
    },
    fields: [{ field: 'jobTitle', problemField: 'jobTitle', named: /job title/i, missing: ['TEXT_MISSING'] }],
    parse: (input) => fromValidation(parseSignUp(input)),
  },
  {
    name: 'decline reason',
    valid: { mentorId: 'm1', approvalId: 'a1', decision: 'decline', reason: 'Not this year, the service review needs you.' },
    // An empty reason comes back as no reason, which the decision itself refuses (REASON_REQUIRED, see approval.test.ts).
    fields: [{ field: 'reason', named: /reason/i, missingWhenAccepted: (value) => (value as { reason?: string }).reason === undefined }],
    parse: (input) => fromValidation(parseDecision(input)),
  },
  {
    name: 'profile and pen picture',
    valid: {
      aboutMe: 'I run the highways team.',
      experience: 'Twenty years in engineering.',
      interests: 'football,cars',
      expertise: 'engineering',
      gender: 'female',
      ageBand: '40to49',
      menteeAgeMin: '18',
      menteeAgeMax: '25',
      availability: 'weekdayEvening',
      meetingModes: 'inPerson',
      venues: 'cafe,library',
      areas: 'north',
      travelMiles: '10',
    },
    fields: [
      { field: 'aboutMe', problemField: 'aboutMe', named: /yourself/i, missing: ['REQUIRED'] },
      { field: 'experience', problemField: 'penPicture.experience', named: /experience/i, missing: ['REQUIRED'] },
    ],
    parse: (input) => fromValidation(parseMentorProfile(profileInput(input))),
  },
  {
    name: 'DBS check',
    valid: { checkedOn: '2026-03-01', certificateReference: '001234567890', updateService: 'true' },
    fields: [{ field: 'certificateReference', problemField: 'certificateReference', named: /certificate/i, missing: ['REQUIRED'] }],
    parse: (input) => fromValidation(parseDbsRecord(dbsInput(input), NOW)),
  },
  {
    name: "young person's record",
    valid: {
      reference: 'LC-0042',
      firstName: 'Jay',
      dateOfBirth: '2008-09-01',
      gender: 'male',
      homeArea: 'north',
      interests: 'music',
      eetGoals: 'construction',
      eetNote: 'Wants an apprenticeship.',
      availability: 'weekdayEvening',
      keyAdultRole: 'personalAdviser',
      keyAdultName: 'Sam Patel',
      keyAdultContact: 'sam.patel@example.gov.uk',
    },
    fields: [
      { field: 'reference', problemField: 'reference', named: /reference/i, missing: ['REQUIRED'] },
      { field: 'firstName', problemField: 'firstName', named: /name/i, missing: ['REQUIRED'] },
      { field: 'eetNote', problemField: 'eetNote', named: /note/i },
      { field: 'keyAdultName', problemField: 'keyAdult.name', named: /key adult's name/i, missing: ['REQUIRED'] },
      { field: 'keyAdultContact', problemField: 'keyAdult.contact', named: /key adult's contact/i, missing: ['REQUIRED'] },
    ],
    parse: (input) => fromValidation(parseYoungPersonDetails(youngPersonInput(input), NOW)),
  },
  {
    name: 'meeting notes and a claim with them',
    valid: { date: '2025-06-12', minutes: '60', mode: 'inPerson', focus: 'CV and job search', refreshmentAmount: '4.50', refreshmentPurpose: 'Two coffees', refreshmentNote: 'At the library cafe' },
    fields: [
      { field: 'focus', named: /focus/i, missing: ['MEETING_FOCUS_MISSING'] },
      { field: 'refreshmentPurpose', named: /refreshments/i, missing: ['CLAIM_PURPOSE_MISSING'] },
      { field: 'refreshmentNote', named: /note/i },
    ],
    parse: (input) =>
      fromValidation(validateMeetingLog(input, { now: new Date('2025-06-14T19:30:00Z'), matchStartedAt: new Date('2025-02-10T10:00:00Z'), claimPolicy: DEFAULT_CLAIM_POLICY })),
  },
  {
    name: 'ending a match: the note for the coordinator',
    valid: { reason: 'relationshipBrokeDown', mentorNext: 'offerAgain', note: 'We never found a rhythm.' },
    fields: [{ field: 'note', problemField: 'note', named: /note/i }],
    parse: (input) => {
      const parsed = parseEndingForm(input, { byMentor: true, monthsElapsed: 3 });
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problems: parsed.problems };
    },
  },
  {
    name: 'feedback at the end of a match',
    valid: { howItWent: 'mixed', again: 'yes', comment: 'Good to begin with.' },
    fields: [{ field: 'comment', problemField: 'comment', named: /comment/i }],
    parse: (input) => {
      const parsed = parseFeedback(input, 'mentor');
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problems: parsed.problems };
    },
  },
  {
    name: 'reason for rejecting a claim',
    valid: { reason: 'Alcohol is not covered.' },
    fields: [{ field: 'reason', named: /reason/i, missing: ['CLAIM_REJECTION_REASON_MISSING'] }],
    parse: (input) => fromValidation(rejectClaim(SUBMITTED_CLAIM, 'Isaiah Langer', NOW, input.reason)),
  },
  {
    name: 'new session',
    valid: { kind: 'training', title: 'Mentor training', startsAt: '2026-11-30 09:30', endsAt: '2026-11-30 16:30', location: 'inPerson', venue: 'Town Hall', seats: '12' },
    fields: [
      { field: 'title', problemField: 'title', named: /title/i, missing: ['TITLE_REQUIRED'] },
      { field: 'venue', problemField: 'venue', named: /venue/i, missing: ['VENUE_REQUIRED'] },
    ],
    parse: (input) => fromValidation(parseNewSession(input, { id: 's1', now: new Date('2026-11-01T12:00:00Z') })),
  },
  {
    name: 'open the next cohort',
    valid: { name: '2027 cohort', informationDate: '2027-11-08', informationStart: '10:00', informationEnd: '12:00', trainingDate: '2027-11-29', trainingStart: '09:30', trainingEnd: '16:30', location: 'inPerson', venue: 'Town Hall', seats: '20', closesHoursBefore: '24' },
    fields: [
      { field: 'name', problemField: 'name', named: /name/i, missing: ['NAME_REQUIRED'] },
      { field: 'venue', problemField: 'venue', named: /venue/i, missing: ['VENUE_REQUIRED'] },
    ],
    parse: (input) => fromValidation(parseCohortForm(input, { now: new Date('2026-12-04T10:00:00Z'), timeZone: 'Europe/London', book: EMPTY_COHORT_BOOK })),
  },
  {
    name: 'Regulation 33 rota: homes and months',
    valid: { homes: 'Oak House\nBirch Lodge', fromMonth: '2027-01', toMonth: '2027-06' },
    fields: [{ field: 'homes', problemField: 'homes', named: /homes/i, missing: ['HOMES_REQUIRED'] }],
    parse: (input) => fromValidation(setUpRota(EMPTY_ROTA, input, new Date('2026-12-04T10:00:00Z'), 'Europe/London')),
  },
  {
    name: 'broadcast',
    valid: { draftId: '5f0c2b1e-8a7d-4c3b-9e2f-1a0b9c8d7e6f', sessionId: 'none', text: 'Supervision is on Tuesday.', audience: 'matched', people: '' },
    fields: [{ field: 'text', problemField: 'text', named: /message/i, missing: ['BROADCAST_TEXT_EMPTY'] }],
    parse: (input) => fromValidation(parseCompose(input)),
  },
];

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Characters that show nothing: white space, controls, zero-width and other format characters. */
const INVISIBLE = ['', ' ', '\t', '\n', '\r\n', '\u00A0', '\u00AD', '\u180E', '\u200B', '\u200C', '\u200D', '\u2060', '\u2028', '\u3000', '\uFEFF', '\u0000', '\u0007', '\u007F', '\u0085', '\u2800', '\u3164', '\uFE0F'];

const invisibleOnly = fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

const everyField = fc.constantFrom(...FORMS.flatMap((form) => form.fields.map((field) => ({ form, field }))));
const everyRequiredField = fc.constantFrom(
  ...FORMS.flatMap((form) => form.fields.filter((field) => field.missing || field.missingWhenAccepted).map((field) => ({ form, field }))),
);

function problemsFor(outcome: Outcome, field: FreeTextField) {
  if (outcome.ok) return [];
  return outcome.problems.filter((problem) => (field.problemField && problem.field !== undefined ? problem.field === field.problemField : true));
}

describe('one text rule for every free-text field people type', () => {
  it('each form accepts its valid sample, so the refusals below are the text rule at work', () => {
    for (const form of FORMS) expect(form.parse(form.valid), form.name).toMatchObject({ ok: true });
  });

  it('refuses a bidirectional override or isolate control anywhere in any field, naming that field', () => {
    fc.assert(
      fc.property(everyField, fc.constantFrom(...BIDI_CONTROLS), fc.nat(), fc.string({ maxLength: 20 }), ({ form, field }, control, at, extra) => {
        const typed = `${String(form.valid[field.field])}${extra}`;
        const position = at % (typed.length + 1);
        const outcome = form.parse({ ...form.valid, [field.field]: typed.slice(0, position) + control + typed.slice(position) });
        expect(outcome.ok, `${form.name}: ${field.field}`).toBe(false);
        const named = problemsFor(outcome, field);
        expect(named.length, `${form.name}: ${field.field}`).toBeGreaterThan(0);
        expect(named.map((problem) => problem.message).join(' ')).toMatch(field.named);
        expect(named.map((problem) => problem.message).join(' ')).toMatch(/direction/i);
      }),
      { numRuns: 600 },
    );
  });

  it('counts a required field made only of invisible characters as missing', () => {
    fc.assert(
      fc.property(everyRequiredField, invisibleOnly, ({ form, field }, typed) => {
        const outcome = form.parse({ ...form.valid, [field.field]: typed });
        if (field.missingWhenAccepted) {
          expect(outcome.ok && field.missingWhenAccepted(outcome.value), `${form.name}: ${field.field} ${JSON.stringify(typed)}`).toBe(true);
          return;
        }
        expect(outcome.ok, `${form.name}: ${field.field} ${JSON.stringify(typed)}`).toBe(false);
        const codes = problemsFor(outcome, field).map((problem) => problem.code);
        expect(codes.some((code) => code !== undefined && field.missing?.includes(code)), `${form.name}: ${field.field} ${JSON.stringify(typed)} gave ${codes.join(',')}`).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('keeps an optional field made only of invisible characters as empty, never as the characters', () => {
    const optional = FORMS.flatMap((form) => form.fields.filter((field) => !field.missing && !field.missingWhenAccepted).map((field) => ({ form, field })));
    fc.assert(
      fc.property(fc.constantFrom(...optional), invisibleOnly, ({ form, field }, typed) => {
        const outcome = form.parse({ ...form.valid, [field.field]: typed });
        expect(outcome.ok, `${form.name}: ${field.field} ${JSON.stringify(typed)}`).toBe(true);
        expect(JSON.stringify(outcome.ok ? outcome.value : undefined)).not.toMatch(/\\u200b|\\u2060|\\ufeff|\\u0000|\u200B|\u2060|\uFEFF/i);
      }),
      { numRuns: 300 },
    );
  });
});
