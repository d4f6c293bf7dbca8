import { describeStage, MENTOR_STAGES } from '../../../journey/domain/index.js';
import { YOUNG_PERSON_STATUSES, describeYoungPersonStatus } from '../../domain/young-people/index.js';
import type { Pipeline } from '../../app/pipeline.js';
import { bullets, card, facts, foldedList, heading, notice, openUrl, subheading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/**
 * The coordinator's view of the scheme: where mentors are, who waits, and the two risks (report 3.8 and 13.1).
 * `workspaceUrl`: the workspace's At a glance view, where each stage opens the people in it.
 */
export function pipelineCard(pipeline: Pipeline, options: { workspaceUrl?: string } = {}): AdaptiveCardJson {
  const stages = MENTOR_STAGES.filter((stage) => pipeline.mentorsByStage[stage] > 0).map((stage): [string, string] => [describeStage(stage), String(pipeline.mentorsByStage[stage])]);
  const statuses = YOUNG_PERSON_STATUSES.map((status): [string, string] => [describeYoungPersonStatus(status), String(pipeline.youngPeopleByStatus[status])]);
  const unmatched = pipeline.trainedUnmatched.map(({ mentor, hasProfile, dbsCleared }) =>
    `${mentor.name}: ${hasProfile ? 'pen picture written' : 'no pen picture yet'}, ${dbsCleared ? 'DBS cleared' : 'no current DBS check'}`,
  );
  return card([
    heading('Scheme pipeline'),
    subheading('Mentors by stage'),
    stages.length ? facts(stages) : text('No mentors yet.'),
    pipeline.trainedUnmatched.length ? notice(`Trained but without a young person: ${pipeline.trainedUnmatched.length}`, 'warning') : text('Every trained mentor has a young person.', { weight: 'Bolder', spacing: 'Medium' }),
    // Seven open, so the card with its "Open in the workspace" button stays within a phone's height budget.
    ...foldedList('unmatched', bullets(unmatched), 7, 'more mentors'),
    subheading('Young people'),
    facts(statuses),
    text(
      pipeline.waiting.count ? `${pipeline.waiting.count} waiting for a mentor; the longest for ${pipeline.waiting.longestDays} day${pipeline.waiting.longestDays === 1 ? '' : 's'}.` : 'Nobody is waiting for a mentor.',
      { weight: 'Bolder' },
    ),
  ], options.workspaceUrl ? [openUrl('Open in the workspace', options.workspaceUrl)] : []);
}
