import { JOURNEY_VERBS } from '../journey.verbs.js';
import type { Mentor } from '../../domain/index.js';
import type { MentorRole } from '../../domain/stage.js';
import { card, execute, fieldProblem, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';

/** A field of the form the person got wrong, and what to do about it. */
export interface SignUpProblem {
  readonly field: string;
  readonly message: string;
}

const COUNCILLOR = /councillor|elected member/i;

/**
 * The role the form is written for: what they chose before, else what the directory says (a councillor's department
 * or title; a senior manager has a line manager), else unknown and the form asks.
 */
export function formRole(mentor: Mentor): MentorRole | undefined {
  if (mentor.details?.role) return mentor.details.role;
  const { department, jobTitle, manager } = mentor.directory;
  if (COUNCILLOR.test(department ?? '') || COUNCILLOR.test(jobTitle ?? '')) return 'electedMember';
  return manager ? 'seniorManager' : undefined;
}

/** The form; after a refusal, `problems` are shown each under its field (the handler puts back what was typed). */
export function signUpFormCard(mentor: Mentor, problem?: string, problems: readonly SignUpProblem[] = []): AdaptiveCardJson {
  const details = mentor.details;
  const role = formRole(mentor);
  const councillor = role === 'electedMember';
  const manager = role === 'seniorManager';
  const under = (field: string): CardElement[] => problems.filter((each) => each.field === field).map((each) => fieldProblem(each.message));
  const lead = problems.length > 0 ? [notice(`Nothing was sent yet. Please correct the ${problems.length === 1 ? 'field' : `${problems.length} fields`} marked below.`, 'attention')] : problem ? [notice(problem, 'attention')] : [];
  const directoryDepartment = COUNCILLOR.test(mentor.directory.department ?? '') ? '' : (mentor.directory.department ?? '');
  return card(
    [
      heading('Sign up as a mentor'),
      ...lead,
      {
        type: 'Input.ChoiceSet',
        id: 'role',
        label: 'I am',
        isRequired: true,
        errorMessage: 'Please choose one.',
        style: 'expanded',
        wrap: true,
        value: role ?? '',
        choices: [
          { title: 'A senior manager', value: 'seniorManager' },
          { title: 'An elected member (councillor)', value: 'electedMember' },
        ],
      },
      ...under('role'),
      input('directorateOrWard', councillor ? 'Your ward' : manager ? 'Your directorate' : 'Your directorate (or ward, for councillors)', details?.directorateOrWard ?? (councillor ? '' : directoryDepartment), 100),
      ...under('directorateOrWard'),
      ...(councillor ? [] : [input('jobTitle', 'Job title', details?.jobTitle ?? mentor.directory.jobTitle ?? '', 100, manager), ...under('jobTitle')]),
      ...(councillor ? [] : [toggle('worksInChildrensServices', "Children's Services", "I work in Children's Services", details?.worksInChildrensServices ?? false), ...under('worksInChildrensServices')]),
      { ...input('motivation', 'Why would you like to mentor? (a few sentences)', details?.motivation ?? '', 1000), isMultiline: true },
      ...under('motivation'),
      approverNote(mentor, role),
      ...(manager
        ? []
        : [
            {
              ...input('declarationOfInterests', councillor ? 'Declaration of interests: any interest that could conflict with mentoring a young person in care' : 'Declaration of interests (councillors only)', details?.declarationOfInterests ?? '', 2000, councillor),
              isMultiline: true,
            },
            ...under('declarationOfInterests'),
          ]),
      toggle('consent', 'Consent', 'I agree that the scheme may keep and use these details to run the scheme', false, true),
      ...under('consent'),
      toggle('commitment', 'Time commitment', 'I can give a full training day and at least 90 minutes a month for 6 to 18 months', false, true),
      ...under('commitment'),
    ],
    [execute('Send for approval', JOURNEY_VERBS.submitSignUp, {}, 'positive')],
  );
}

function approverNote(mentor: Mentor, role: MentorRole | undefined): CardElement {
  const manager = mentor.directory.manager;
  const forManagers = manager
    ? `Your line manager in the directory is ${manager.name}. They will be asked to agree to the time.`
    : "The directory shows no line manager for you, so the scheme's governance approver will decide.";
  const forCouncillors = "The scheme's governance approver decides, after your declaration of interests.";
  const lines = role === 'electedMember' ? [forCouncillors] : role === 'seniorManager' ? [forManagers] : [`Senior managers: ${forManagers}`, `Councillors: ${forCouncillors}`];
  return { type: 'Container', style: 'emphasis', items: lines.map((line) => text(line)) };
}

function input(id: string, label: string, value: string, maxLength: number, required = true): CardElement {
  return { type: 'Input.Text', id, label, value, maxLength, ...(required ? { isRequired: true, errorMessage: `${label.split(' (')[0]} is required.` } : {}) };
}

function toggle(id: string, label: string, title: string, value: boolean, required = false): CardElement {
  return {
    type: 'Input.Toggle',
    id,
    label,
    title,
    wrap: true,
    value: value ? 'true' : 'false',
    valueOn: 'true',
    valueOff: 'false',
    ...(required ? { isRequired: true, errorMessage: 'Please tick to continue.' } : {}),
  };
}
