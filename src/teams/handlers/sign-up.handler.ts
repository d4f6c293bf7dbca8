import type { TurnContext } from 'botbuilder';
import { expressInterest } from '../../app/express-interest.js';
import { parseSignUp } from '../../app/sign-up.input.js';
import { signUp } from '../../app/sign-up.js';
import type { Mentor } from '../../domain/mentor/index.js';
import type { PersonRef } from '../../domain/person.js';
import type { AdaptiveCardJson } from '../cards/card.js';
import { signUpFormCard } from '../cards/sign-up-form.card.js';
import { signUpSentCard } from '../cards/sign-up-sent.card.js';
import { statusCard } from '../cards/status.card.js';
import { answerInvoke, sendCard } from '../reply.js';
import type { TeamsDeps } from '../teams-deps.js';

const MAY_SIGN_UP: ReadonlyArray<Mentor['stage']> = ['interested', 'declined', 'withdrawn'];

/** The form, or where they already are if they have signed up. */
export async function signUpStartCard(deps: TeamsDeps, actor: PersonRef): Promise<AdaptiveCardJson> {
  const mentor = await expressInterest(deps.journey, actor);
  if (mentor.stage === 'awaitingApproval') return signUpSentCard(mentor);
  return MAY_SIGN_UP.includes(mentor.stage) ? signUpFormCard(mentor) : statusCard(mentor);
}

export function signUpCommand(deps: TeamsDeps) {
  return async (context: TurnContext, actor: PersonRef): Promise<void> => {
    await sendCard(context, await signUpStartCard(deps, actor));
  };
}

export function expressInterestAction(deps: TeamsDeps) {
  return async (context: TurnContext, actor: PersonRef): Promise<void> => {
    await answerInvoke(context, await signUpStartCard(deps, actor));
  };
}

export function submitSignUpAction(deps: TeamsDeps) {
  return async (context: TurnContext, actor: PersonRef, data: unknown): Promise<void> => {
    const current = await deps.journey.mentors.get(actor.id);
    if (!current) {
      await answerInvoke(context, await signUpStartCard(deps, actor));
      return;
    }
    const form = parseSignUp(data);
    if (!form.ok) {
      await answerInvoke(context, signUpFormCard(current.value, form.message));
      return;
    }
    const result = await signUp(deps.journey, actor, form.value);
    if (result.ok) {
      await answerInvoke(context, signUpSentCard(result.value));
      return;
    }
    const latest = (await deps.journey.mentors.get(actor.id))?.value ?? current.value;
    const card = MAY_SIGN_UP.includes(latest.stage) ? signUpFormCard(latest, result.error.message) : statusCard(latest);
    await answerInvoke(context, card);
  };
}
