import { describeStage, MENTOR_STAGES } from '../../../journey/domain/index.js';
import { YOUNG_PERSON_STATUSES, describeYoungPersonStatus } from '../../domain/young-people/index.js';
import type { Pipeline } from '../../app/pipeline.js';
import { bullets, card, facts, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** The coordinator's view of the scheme: where mentors are, who waits, and the two risks (report 3.8 and 13.1). */
export function pipelineCard(pipeline: Pipeline): AdaptiveCardJson {
  const stages = MENTOR_STAGES.filter((stage) => pipeline.mentorsByStage[stage] > 0).map((stage): [string, string] => [describeStage(stage), String(pipeline.mentorsByStage[stage])]);
  const statuses = YOUNG_PERSON_STATUSES.map((status): [string, string] => [describeYoungPersonStatus(status), String(pipeline.youngPeopleByStatus[status])]);
  const unmatched = pipeline.trainedUnmatched.map(({ mentor, hasProfile, dbsCleared }) =>
    `${mentor.name}: ${hasProfile ? 'pen picture written' : 'no pen picture yet'}, ${dbsCleared ? 'DBS cleared' : 'no current DBS check'}`,
  );
  return card([
    heading('Scheme pipeline'),
    text('Mentors by stage', { weight: 'Bolder', spacing: 'Medium' }),
    stages.length ? facts(stages) : text('No mentors yet.'),
    text(`Trained but without a young person: ${pipeline.trainedUnmatched.length}`, { weight: 'Bolder', spacing: 'Medium', ...(pipeline.trainedUnmatched.length ? { color: 'Warning' as const } : {}) }),
    ...bullets(unmatched),
    text('Young people', { weight: 'Bolder', spacing: 'Medium' }),
    facts(statuses),
    text(
      pipeline.waiting.count ? `${pipeline.waiting.count} waiting for a mentor; the longest for ${pipeline.waiting.longestDays} day${pipeline.waiting.longestDays === 1 ? '' : 's'}.` : 'Nobody is waiting for a mentor.',
      { weight: 'Bolder', ...(pipeline.waiting.count ? { color: 'Warning' as const } : {}) },
    ),
  ]);
}
