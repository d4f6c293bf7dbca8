import type { Effect, OutboundMessage } from '../app/ports.js';

/**
 * What the coordinators are told, instead of the usual "not delivered" listing, when an effect of a capability's own
 * kind fails for good (a session's calendar names the session and the cause: its recipient is the calendar, not a
 * person). Undefined: the effect is a message to someone, listed as undelivered.
 */
export type GiveUpNotice = (effect: Effect, reason: string, error: unknown) => OutboundMessage | undefined;

/** The first notice any capability gives for the effect. */
export function firstNotice(notices: readonly GiveUpNotice[]): GiveUpNotice {
  return (effect, reason, error) => {
    for (const notice of notices) {
      const message = notice(effect, reason, error);
      if (message) return message;
    }
    return undefined;
  };
}

/**
 * Who else is told when a message fails for good, besides the coordinators' listing: the applicant whose approver
 * could not be reached. Each follow-up's id comes from the failed effect, so a second failure tells no one twice.
 */
export type GiveUpFollowUp = (effect: Effect) => readonly Effect[];

/** Every capability's follow-ups for the effect. */
export function allFollowUps(followUps: readonly GiveUpFollowUp[]): GiveUpFollowUp {
  return (effect) => followUps.flatMap((followUp) => followUp(effect));
}
