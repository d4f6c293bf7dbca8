import { MATCHING_VERBS } from '../matching.verbs.js';
import type { DbsRecord, DbsStatus } from '../../domain/index.js';
import { describeStage, type Mentor } from '../../../journey/domain/index.js';
import { card, execute, foldedList, formatDate, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { dateInput, textInput, toggleInput } from '../../../platform/teams/cards/form-inputs.js';

const STATUS_WORDS: Record<DbsStatus, string> = {
  cleared: 'Enhanced DBS check recorded',
  expired: 'Enhanced DBS check needs renewing',
  missing: 'No enhanced DBS check recorded yet',
};

export function describeDbs(status: DbsStatus): string {
  return STATUS_WORDS[status];
}

/** The coordinator's list of mentors without a current enhanced DBS check, each with a button to record one. */
/** Rows open before "Show more": the card stays within its height budget on a phone. */
const LIST_OPEN = 6;

export function dbsListCard(lacking: readonly { mentor: Mentor; status: DbsStatus }[], done?: string): AdaptiveCardJson {
  // The button under the name, not beside it: a named button beside a long name leaves neither room on a phone.
  const rows: CardElement[] = lacking.map(({ mentor, status }) => ({
    type: 'Container',
    separator: true,
    items: [
      text(mentor.name, { weight: 'Bolder' }),
      text(`${describeStage(mentor.stage)}: ${describeDbs(status).toLowerCase()}`, { subtle: true }),
      { type: 'ActionSet', actions: [execute(`Record DBS: ${mentor.name}`, MATCHING_VERBS.dbsForm, { mentorId: mentor.id })] },
    ],
  }));
  return card([
    heading('Enhanced DBS checks'),
    ...(done ? [notice(done, 'good')] : []),
    text(lacking.length ? `${lacking.length} mentor${lacking.length === 1 ? '' : 's'} without a current check. Nobody is matched with a young person under 18 without one.` : 'Every mentor on the scheme has a current enhanced DBS check.'),
    ...foldedList('dbs', rows, LIST_OPEN, 'more mentors'),
  ]);
}

export function dbsFormCard(mentor: Mentor, current: DbsRecord | undefined, problem?: string): AdaptiveCardJson {
  return card(
    [
      heading(`Record an enhanced DBS check: ${mentor.name}`),
      ...(problem ? [text(problem, { color: 'Attention' })] : []),
      ...(current ? [text(`On record: checked ${current.checkedOn}${current.updateService ? ', on the update service' : ''}.`, { subtle: true })] : []),
      dateInput('checkedOn', 'Date of the check', current?.checkedOn),
      textInput('certificateReference', 'Certificate number (12 digits)', current?.certificateReference, 12),
      toggleInput('updateService', 'The certificate is on the DBS update service', current?.updateService ?? false),
    ],
    [execute('Record check', MATCHING_VERBS.recordDbs, { mentorId: mentor.id }, 'positive')],
  );
}

export function dbsStatusFacts(status: DbsStatus, record: DbsRecord | undefined): Array<[string, string]> {
  const rows: Array<[string, string]> = [['DBS', describeDbs(status)]];
  if (record?.recordedAt) rows.push(['DBS recorded', formatDate(record.recordedAt)]);
  return rows;
}
