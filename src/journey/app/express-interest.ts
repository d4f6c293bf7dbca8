import { newMentor, type Mentor } from '../domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { stageChange } from './audit.js';
import type { JourneyDeps } from './journey-deps.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';

/**
 * The first step: records the person as interested, with their job title and line manager from the directory, so the
 * sign-up form can show the manager for confirmation and the submit never trusts a manager typed into a card.
 */
export async function expressInterest(deps: JourneyDeps, person: PersonRef): Promise<Mentor> {
  return retryOnConflict(async () => {
    const existing = await deps.mentors.get(person.id);
    if (existing) return existing.value;
    const [profile, manager] = await Promise.all([deps.directory.getPerson(person.id), deps.directory.getManager(person.id)]);
    const now = deps.clock.now();
    const mentor = newMentor(
      { id: person.id, name: profile?.name ?? person.name },
      {
        ...(profile?.jobTitle ? { jobTitle: profile.jobTitle } : {}),
        ...(profile?.department ? { department: profile.department } : {}),
        ...(manager ? { manager } : {}),
      },
      now,
    );
    await deps.mentors.save({ value: mentor, audit: [stageChange(person, 'expressInterest', undefined, mentor, now)], effects: [] });
    return mentor;
  });
}
