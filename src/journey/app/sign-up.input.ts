import type { SignUpDetails } from '../domain/index.js';
import { MENTOR_ROLES } from '../domain/index.js';
import { checkFreeText, type FreeTextRule } from '../../platform/kernel/text/index.js';
import { invalidInput, unreadableInput, type FieldProblem, type InputResult } from '../../platform/kernel/validation/index.js';

export const SIGN_UP_UNREADABLE = 'That sign-up form could not be read: it may be out of date. Please type sign up to get a fresh one and try again.';

const TEXT_FIELDS = {
  directorateOrWard: { label: 'Directorate or ward', max: 100 },
  jobTitle: { label: 'Job title', max: 100 },
  motivation: { label: 'Why you want to mentor', max: 1000, multiline: true },
  declarationOfInterests: { label: 'Declaration of interests', max: 2000, multiline: true },
} as const satisfies Record<string, FreeTextRule>;

/** The sign-up card's form, checked field by field: every problem at once, each named by its field. Never throws. */
export function parseSignUp(input: unknown): InputResult<SignUpDetails> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return unreadableInput('UNREADABLE', SIGN_UP_UNREADABLE);
  const form = input as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const refuse = (field: string, code: string, message: string): void => void problems.push({ field, code, message });
  const text = (field: keyof typeof TEXT_FIELDS, required: boolean): string => {
    const checked = checkFreeText(form[field], { ...TEXT_FIELDS[field], required });
    if (checked.ok) return checked.value;
    refuse(field, checked.error.code, checked.error.message);
    return '';
  };
  const role = MENTOR_ROLES.find((known) => known === form.role);
  if (!role) refuse('role', 'ROLE_MISSING', 'Please choose whether you are a senior manager or an elected member.');
  const directorateOrWard = text('directorateOrWard', true);
  // A councillor's form has no job title: they hold an office, not a post.
  const councillor = role === 'electedMember';
  const jobTitle = text('jobTitle', !councillor) || (councillor ? 'Councillor' : '');
  const worksInChildrensServices = ticked(form.worksInChildrensServices);
  if (worksInChildrensServices === undefined) refuse('worksInChildrensServices', 'NOT_A_TICK', "Working in Children's Services must be ticked or not.");
  const motivation = text('motivation', true);
  const declarationOfInterests = text('declarationOfInterests', role === 'electedMember');
  if (ticked(form.consent) !== true) refuse('consent', 'CONSENT_MISSING', 'Please consent to the scheme using your details.');
  if (ticked(form.commitment) !== true) refuse('commitment', 'COMMITMENT_MISSING', 'Please confirm you can give the time the scheme asks for.');
  if (!role || problems.length > 0) return invalidInput('INVALID_SIGN_UP', problems);
  const details: SignUpDetails = { role, directorateOrWard, jobTitle, worksInChildrensServices: worksInChildrensServices === true, motivation };
  return { ok: true, value: declarationOfInterests ? { ...details, declarationOfInterests } : details };
}

/** Input.Toggle sends "true"/"false" strings; booleans are accepted too. Anything else is not an answer. */
function ticked(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false' || value === undefined) return false;
  return undefined;
}
