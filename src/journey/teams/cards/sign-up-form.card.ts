import { JOURNEY_VERBS } from '../journey.verbs.js';
import type { Mentor } from '../../domain/index.js';
import { card, execute, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';

/** A field of the form the person got wrong, and what to do about it. */
export interface SignUpProblem {
  readonly field: string;
  readonly message: string;
}

/** The form; after a refusal, `problems` are shown each under its field (the handler puts back what was typed). */
export function signUpFormCard(mentor: Mentor, problem?: string, problems: readonly SignUpProblem[] = []): AdaptiveCardJson {
  const details = mentor.details;
  const problemFor = (field: string): CardElement[] =>
    problems.filter((each) => each.field === field).map((each) => text(each.message, { color: 'Attention' }));
  const summary = problems.length > 0 ? [text('Nothing was sent. Please correct the fields marked below.', { weight: 'Bolder', color: 'Attention' })] : problem ? [text(problem, { color: 'Attention' })] : [];
  return card(
    [
      heading('Sign up as a mentor'),
      ...summary,
      {
        type: 'Input.ChoiceSet',
        id: 'role',
        label: 'I am',
        isRequired: true,
        errorMessage: 'Please choose one.',
        style: 'expanded',
        value: details?.role ?? '',
        choices: [
          { title: 'A senior manager', value: 'seniorManager' },
          { title: 'An elected member (councillor)', value: 'electedMember' },
        ],
      },
      ...problemFor('role'),
      input('directorateOrWard', 'Directorate (or ward, for councillors)', details?.directorateOrWard ?? mentor.directory.department ?? '', 100),
      ...problemFor('directorateOrWard'),
      input('jobTitle', 'Job title', details?.jobTitle ?? mentor.directory.jobTitle ?? '', 100),
      ...problemFor('jobTitle'),
      toggle('worksInChildrensServices', "Children's Services", "I work in Children's Services", details?.worksInChildrensServices ?? false),
      ...problemFor('worksInChildrensServices'),
      { ...input('motivation', 'Why would you like to mentor? (a few sentences)', details?.motivation ?? '', 1000), isMultiline: true },
      ...problemFor('motivation'),
      approverNote(mentor),
      {
        ...input('declarationOfInterests', 'Declaration of interests (elected members): any interest that could conflict with mentoring a young person in care', details?.declarationOfInterests ?? '', 2000),
        isMultiline: true,
        isRequired: false,
      },
      ...problemFor('declarationOfInterests'),
      toggle('consent', 'Consent', 'I agree that the scheme may keep and use these details to run the scheme', false, true),
      ...problemFor('consent'),
      toggle('commitment', 'Time commitment', 'I can give a full training day and at least 90 minutes a month for 6 to 18 months', false, true),
      ...problemFor('commitment'),
    ],
    [execute('Send for approval', JOURNEY_VERBS.submitSignUp, {}, 'positive')],
  );
}

function approverNote(mentor: Mentor): CardElement {
  const manager = mentor.directory.manager;
  const forManagers = manager
    ? `Senior managers: your line manager in the directory is ${manager.name}. They will be asked to agree to the time.`
    : 'Senior managers: the directory shows no line manager for you, so the scheme\'s governance approver will decide.';
  return {
    type: 'Container',
    style: 'emphasis',
    items: [text(forManagers), text("Councillors: the scheme's governance approver decides, after your declaration of interests.")],
  };
}

function input(id: string, label: string, value: string, maxLength: number): CardElement {
  return { type: 'Input.Text', id, label, value, maxLength, isRequired: true, errorMessage: `${label.split(' (')[0]} is required.` };
}

function toggle(id: string, label: string, title: string, value: boolean, required = false): CardElement {
  return {
    type: 'Input.Toggle',
    id,
    label,
    title,
    value: value ? 'true' : 'false',
    valueOn: 'true',
    valueOff: 'false',
    ...(required ? { isRequired: true, errorMessage: 'Please tick to continue.' } : {}),
  };
}
