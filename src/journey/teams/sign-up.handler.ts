import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { expressInterest } from '../app/express-interest.js';
import { parseSignUp } from '../app/sign-up.input.js';
import { signUp } from '../app/sign-up.js';
import type { Mentor } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import { withTypedValues } from '../../platform/teams/cards/form-inputs.js';
import { signUpFormCard } from './cards/sign-up-form.card.js';
import { signUpSentCard } from './cards/sign-up-sent.card.js';
import { statusCard } from './cards/status.card.js';
import type { JourneyTeamsDeps } from './journey-teams-deps.js';

const MAY_SIGN_UP: ReadonlyArray<Mentor['stage']> = ['interested', 'declined', 'withdrawn'];

/** The form, or where they already are if they have signed up. */
export async function signUpStartCard(deps: JourneyTeamsDeps, actor: PersonRef): Promise<AdaptiveCardJson> {
  const mentor = await expressInterest(deps.journey, actor);
  if (mentor.stage === 'awaitingApproval') return signUpSentCard(mentor);
  return MAY_SIGN_UP.includes(mentor.stage) ? signUpFormCard(mentor) : statusCard(mentor);
}

export function signUpCommand(deps: JourneyTeamsDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    await sendCard(context, await signUpStartCard(deps, actor));
  };
}

export function expressInterestAction(deps: JourneyTeamsDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    await answerInvoke(context, await signUpStartCard(deps, actor));
  };
}

/** Parses before reading, so a good form costs one read, one transaction and one queue message. */
export function submitSignUpAction(deps: JourneyTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const form = parseSignUp(data);
    const result = form.ok ? await signUp(deps.journey, actor, form.value) : undefined;
    if (result?.ok) return answerInvoke(context, signUpSentCard(result.value));
    const latest = (await deps.journey.mentors.get(actor.id))?.value;
    if (!latest) return answerInvoke(context, await signUpStartCard(deps, actor));
    const problem = form.ok ? (result?.ok === false ? result.error.message : undefined) : form.error.message;
    // The form comes back with what was typed, and each problem under its field.
    const card = MAY_SIGN_UP.includes(latest.stage) ? withTypedValues(signUpFormCard(latest, problem, form.ok ? [] : form.error.problems), data) : statusCard(latest);
    await answerInvoke(context, card);
  };
}
