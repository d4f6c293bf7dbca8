import { type Turn, answerInvoke } from '../../platform/teams/turn.js';
import { z } from 'zod';
import type { JourneyDeps } from '../../journey/index.js';
import { SUPERVISION_TEXT } from '../app/supervision/schedule-supervision.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { BroadcastRepository } from '../store/broadcast.repository.js';
import type { SupervisionRepository } from '../store/supervision.repository.js';
import { supervisionAnsweredCard } from './cards/broadcast-message.card.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';

export interface SupervisionTeamsDeps {
  readonly journey: JourneyDeps;
  readonly broadcasts: BroadcastRepository;
  readonly supervision: SupervisionRepository;
  /** The sessions feature's bookings for the quarter's session (its seats and calendar); absent: answers only. */
  readonly bookings?: SupervisionBookings;
}

/** Attend books a seat on the supervision session; Can't make it gives it back (the sessions feature's use cases). */
export interface SupervisionBookings {
  attend(actor: PersonRef, sessionId: string): Promise<{ ok: true } | { ok: false; message: string }>;
  decline(actor: PersonRef, sessionId: string): Promise<void>;
}

const rsvpSchema = z.object({ occurrenceId: z.string().min(1).max(100), answer: z.enum(['attend', 'decline']) });

/** Attend / Can't make it on a supervision invitation: only the invited mentor's answer goes into the bookings. */
export function supervisionRsvpAction(deps: SupervisionTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const parsed = rsvpSchema.safeParse(data);
    if (!parsed.success) return answerInvoke(context, errorCard('This card could not be read. Please use the latest invitation in your chat.'));
    const { occurrenceId, answer } = parsed.data;
    const session = await deps.supervision.get(occurrenceId);
    // Invited by the quarterly job, or a matched mentor who got the invitation another way (a coordinator's broadcast).
    const invited = session ? !!(await deps.broadcasts.recipients.get(occurrenceId, actor.id)) || (await isMatched(deps, actor.id)) : false;
    if (!session || !invited) return answerInvoke(context, errorCard('This invitation is not for you, or the session no longer exists.'));
    const now = deps.journey.clock.now();
    if (Date.parse(session.startsAt) <= now.getTime()) return answerInvoke(context, errorCard('This session has already started, so answers are closed.'));
    if (deps.bookings && answer === 'attend') {
      const booked = await deps.bookings.attend(actor, occurrenceId);
      if (!booked.ok) return answerInvoke(context, errorCard(booked.message));
    }
    if (deps.bookings && answer === 'decline') await deps.bookings.decline(actor, occurrenceId);
    await deps.supervision.answer(occurrenceId, actor.id, answer, now);
    await answerInvoke(context, supervisionAnsweredCard({ text: SUPERVISION_TEXT, session }, answer));
  };
}

async function isMatched(deps: SupervisionTeamsDeps, personId: string): Promise<boolean> {
  const stage = (await deps.journey.mentors.get(personId))?.value.stage;
  return stage === 'matched' || stage === 'active';
}
