import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { idFrom, listValue } from '../app/form-input.js';
import type { MatchingDeps } from '../app/matching-deps.js';
import { acceptMatch, declineMatch } from '../app/respond-to-match.js';
import { putMentors, recordChoice, suggestMentors } from '../app/suggest-mentors.js';
import { listYoungPeople } from '../app/young-people.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { Logger } from '../../log.js';
import type { AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import { choiceRecordedCard, matchPickerCard, matchRequestCard, proposalCard, suggestionsCard } from './cards/matching.card.js';
import { penPictures } from './matching-view.js';

const UNREADABLE = 'This card could not be read. Type "match" to start again.';

export function matchingHandlers(deps: MatchingDeps, log: Logger) {
  const now = () => deps.journey.clock.now();
  const refused = (name: string, code: string, message: string): AdaptiveCardJson => {
    log.info({ handler: name, code }, 'matching action refused');
    return errorCard(message, code === 'NOT_COORDINATOR' ? 'Coordinators only' : "That didn't work");
  };

  return {
    /** `match`: pick a waiting young person. */
    match: async (context: Turn, actor: PersonRef): Promise<void> => {
      const listed = await listYoungPeople(deps, actor, 'waiting');
      const card = listed.ok ? matchPickerCard(listed.value, now()) : refused('match', listed.error.code, listed.error.message);
      await sendCard(context, card);
    },
    suggestMentors: async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      if (!youngPersonId) return answerInvoke(context, errorCard(UNREADABLE));
      const suggested = await suggestMentors(deps, actor, youngPersonId);
      await answerInvoke(context, suggested.ok ? suggestionsCard(suggested.value.youngPerson, suggested.value.ranking) : refused('suggestMentors', suggested.error.code, suggested.error.message));
    },
    putMentors: async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      const mentorIds = listValue((data as { mentorIds?: unknown } | undefined)?.mentorIds);
      if (!youngPersonId || !Array.isArray(mentorIds) || mentorIds.some((id) => typeof id !== 'string')) return answerInvoke(context, errorCard(UNREADABLE));
      const put = await putMentors(deps, actor, youngPersonId, mentorIds as string[]);
      if (put.ok) {
        const pictures = await penPictures(deps, put.value.proposal.mentorIds);
        return answerInvoke(context, proposalCard(put.value.youngPerson, put.value.proposal, pictures));
      }
      if (put.error.code === 'NOT_COORDINATOR') return answerInvoke(context, refused('putMentors', put.error.code, put.error.message));
      const again = await suggestMentors(deps, actor, youngPersonId);
      const card = again.ok ? suggestionsCard(again.value.youngPerson, again.value.ranking, put.error.message) : refused('putMentors', put.error.code, put.error.message);
      await answerInvoke(context, card);
    },
    recordChoice: async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      const proposalId = idFrom(data, 'proposalId');
      const choice = idFrom(data, 'choice');
      if (!youngPersonId || !proposalId || !choice) return answerInvoke(context, errorCard("Choose what the young person decided, then press the button again."));
      const recorded = await recordChoice(deps, actor, youngPersonId, proposalId, choice === 'noneSuits' ? 'noneSuits' : { choose: choice });
      if (!recorded.ok) return answerInvoke(context, refused('recordChoice', recorded.error.code, recorded.error.message));
      const chosen = recorded.value.chosenMentorId ? (await deps.journey.mentors.get(recorded.value.chosenMentorId))?.value.name : undefined;
      await answerInvoke(context, choiceRecordedCard(recorded.value, chosen));
    },
    acceptMatch: respondToMatch(deps, log, 'accepted', acceptMatch),
    declineMatch: respondToMatch(deps, log, 'declined', declineMatch),
  };
}

/** The mentor's answer to a match request: the card says it was taken, or why it no longer can be. */
function respondToMatch(deps: MatchingDeps, log: Logger, outcome: 'accepted' | 'declined', respond: typeof acceptMatch | typeof declineMatch) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const ref = refOf(data);
    if (!ref) return answerInvoke(context, errorCard(UNREADABLE));
    const answered = await respond(deps, actor, ref.youngPersonId, ref.proposalId);
    if (answered.ok) return answerInvoke(context, matchRequestCard(ref, outcome));
    log.info({ handler: outcome === 'accepted' ? 'acceptMatch' : 'declineMatch', code: answered.error.code }, 'match answer refused');
    await answerInvoke(context, matchRequestCard(ref, 'closed', answered.error.message));
  };
}

function refOf(data: unknown): { youngPersonId: string; proposalId: string } | undefined {
  const youngPersonId = idFrom(data, 'youngPersonId');
  const proposalId = idFrom(data, 'proposalId');
  return youngPersonId && proposalId ? { youngPersonId, proposalId } : undefined;
}
