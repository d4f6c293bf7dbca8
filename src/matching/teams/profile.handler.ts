import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { myProfile, saveProfile } from '../app/profile.js';
import type { MatchingDeps } from '../app/matching-deps.js';
import { penPictureView } from '../domain/index.js';
import { nextStep } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { card, heading, text, type AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import { withTypedValues } from '../../platform/teams/cards/form-inputs.js';
import { problemsOf } from '../../platform/teams/cards/field-problems.js';
import { penPictureCard, profileFormCard, type ProfileFormOptions } from './cards/pen-picture.card.js';
import type { DomainError } from '../../platform/kernel/result.js';

async function profileCard(deps: MatchingDeps, actor: PersonRef, edit: boolean): Promise<AdaptiveCardJson> {
  const { mentor, record, mayWrite } = await myProfile(deps, actor);
  if (!mayWrite || !mentor) {
    return card([heading('Your mentor profile'), text('You write your pen picture after the full-day training.'), text(`Next: ${nextStep(mentor)}`)]);
  }
  if (record?.profile && !edit) {
    return penPictureCard(penPictureView(mentor.name, record.profile), `Next: ${nextStep(mentor)}`);
  }
  return profileFormCard(record?.profile, deps.areas);
}

/** `my profile`: the pen picture as a young person sees it, or the form when there is none yet. */
export function myProfileCommand(deps: MatchingDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    await sendCard(context, await profileCard(deps, actor, false));
  };
}

export function editProfileAction(deps: MatchingDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    await answerInvoke(context, await profileCard(deps, actor, true));
  };
}

export function saveProfileAction(deps: MatchingDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const saved = await saveProfile(deps, actor, data);
    if (saved.ok) {
      const { mentor, profile } = saved.value;
      return answerInvoke(context, penPictureCard(penPictureView(mentor.name, profile), `Saved. Next: ${nextStep(mentor)}`));
    }
    const { record } = await myProfile(deps, actor);
    await answerInvoke(context, withTypedValues(profileFormCard(record?.profile, deps.areas, refusal(saved.error)), data));
  };
}

/** Each problem under its field; a refusal of the whole form (not trained yet) as one notice. */
function refusal(error: DomainError): ProfileFormOptions {
  const problems = problemsOf(error);
  return problems.length ? { problems } : { problem: `${error.message} Nothing was saved.` };
}
