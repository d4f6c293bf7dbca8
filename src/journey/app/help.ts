import type { UndeliveredMessage, UndeliveredStore } from '../../platform/delivery/undelivered/undelivered.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { Mentor } from '../domain/index.js';
import type { JourneyDeps } from './journey-deps.js';
import { waitingForDecision } from './waiting-for-decision.js';

export interface Help {
  readonly mentor?: Mentor;
  /** The coordinators' part of help: their commands, and what the bot could not deliver. */
  readonly coordinator: boolean;
  /** The Data Protection Officer's part of help: restriction, erasure and the rest of the privacy work. */
  readonly dataProtectionOfficer: boolean;
  readonly undelivered: readonly UndeliveredMessage[];
  /** Requests waiting for this person's decision, shown first. */
  readonly waitingForDecision: readonly Mentor[];
}

/**
 * What `help` offers this person: what they can do at their stage, and to a coordinator whatever the bot gave up on,
 * which stays listed until a coordinator presses Try again (even if their card about it never arrived).
 */
export async function helpFor(deps: JourneyDeps, undelivered: UndeliveredStore, actor: PersonRef): Promise<Help> {
  const mentor = (await deps.mentors.get(actor.id))?.value;
  const coordinator = deps.roles.isCoordinator(actor.id);
  return {
    ...(mentor ? { mentor } : {}),
    coordinator,
    dataProtectionOfficer: deps.roles.isDataProtectionOfficer(actor.id),
    undelivered: coordinator ? await undelivered.listAll() : [],
    waitingForDecision: await waitingForDecision(deps, actor.id),
  };
}
