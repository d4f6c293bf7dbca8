import { SESSION_VERBS } from '../sessions.verbs.js';
import { MAX_HOME_NAME_LENGTH, MAX_ROTA_HOMES, monthName, type VisitRota } from '../../domain/index.js';
import type { FieldProblem } from '../../../platform/kernel/validation/index.js';
import type { RotaAssignForm } from '../../app/visit-rota.js';
import { card, execute, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { choiceInput } from '../../../platform/teams/cards/form-inputs.js';
import { withFallback } from './card-fallback.js';

export type RotaSetupValues = Partial<Record<'homes' | 'fromMonth' | 'toMonth', string>>;
export type RotaAssignValues = Partial<Record<'homeId' | 'month' | 'memberId', string>>;

function problemsUnder(problems: readonly FieldProblem[]) {
  return (field: string): CardElement[] => problems.filter((p) => p.field === field).map((p) => text(p.message, { color: 'Attention', weight: 'Bolder' }));
}

function refusedBanner(problems: readonly FieldProblem[]): CardElement[] {
  return problems.length ? [{ type: 'Container', style: 'attention', items: [text('Nothing was changed. Please correct the fields marked below.', { weight: 'Bolder' })] }] : [];
}

/** Homes (one a line) and a run of months to add to the rota. */
export function rotaSetupFormCard(rota: VisitRota, values: RotaSetupValues = {}, problems: readonly FieldProblem[] = []): AdaptiveCardJson {
  const under = problemsUnder(problems);
  const known = rota.homes.length ? [text(`On the rota now: ${rota.homes.map((h) => h.name).join(', ')}.`, { subtle: true })] : [];
  const body: CardElement[] = [
    heading('Add homes and months to the rota'),
    ...refusedBanner(problems),
    ...known,
    { type: 'Input.Text', id: 'homes', label: "Children's homes to visit, one a line (the home's name only)", isMultiline: true, maxLength: MAX_ROTA_HOMES * (MAX_HOME_NAME_LENGTH + 1), value: values.homes ?? '' },
    ...under('homes'),
    { type: 'Input.Text', id: 'fromMonth', label: 'First month', placeholder: '2027-01', isRequired: true, errorMessage: 'Please give the first month, such as 2027-01.', maxLength: 7, value: values.fromMonth ?? '' },
    ...under('fromMonth'),
    { type: 'Input.Text', id: 'toMonth', label: 'Last month', placeholder: '2027-12', isRequired: true, errorMessage: 'Please give the last month, such as 2027-12.', maxLength: 7, value: values.toMonth ?? '' },
    ...under('toMonth'),
  ];
  return withFallback(card(body, [execute('Add to the rota', SESSION_VERBS.setUpRota, {}, 'positive')]), 'Add homes and months to the Regulation 33 rota.');
}

/** A home, a month and the member (chosen by name from the directory) for one visit. */
export function rotaAssignFormCard(form: RotaAssignForm, values: RotaAssignValues = {}, problems: readonly FieldProblem[] = []): AdaptiveCardJson {
  const { rota, months, members } = form;
  const under = problemsUnder(problems);
  const homeNames = Object.fromEntries(rota.homes.map((home) => [home.id, home.name]));
  const monthNames = Object.fromEntries(months.map((month) => [month, monthName(month)]));
  const body: CardElement[] = [
    heading('Put a member on a visit'),
    ...refusedBanner(problems),
    { ...choiceInput('homeId', 'Home', rota.homes.map((h) => h.id), values.homeId, { required: true, titles: homeNames }), wrap: true },
    ...under('homeId'),
    { ...choiceInput('month', 'Month', months, values.month, { required: true, titles: monthNames }), wrap: true },
    ...under('month'),
    {
      type: 'Input.ChoiceSet',
      id: 'memberId',
      label: 'Member (choose, or type a name to search the directory)',
      isRequired: true,
      errorMessage: 'Please choose the member by name.',
      style: 'filtered',
      placeholder: 'Type a name',
      wrap: true,
      choices: members.map((member) => ({ title: member.name, value: member.id })),
      // Teams' people picker: typing searches the organisation's directory by name.
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      value: values.memberId ?? '',
    },
    ...under('memberId'),
    text('The member is told at once, reminded a week before the month, and records the visit as done from their card.', { subtle: true }),
  ];
  return withFallback(card(body, [execute('Put them on the visit', SESSION_VERBS.assignRotaVisit, {}, 'positive')]), 'Put a member on a Regulation 33 visit.');
}
