import { fail, type DomainError } from '../kernel/result.js';

/**
 * People whose records are restricted at their request (UK GDPR Art. 18; the privacy capability keeps the list): their
 * records stay, but are left out of lists, matching, broadcasts and reminders. A port here so any capability can ask
 * without knowing who keeps the list.
 */
export interface RestrictedPeople {
  /** Lower-case ids (directory ids of mentors, ids of young people's records). */
  restrictedIds(): Promise<ReadonlySet<string>>;
}

/** What anyone but the DPO is told when they act on a restricted record. */
export const RESTRICTED_REFUSAL =
  "This person's records are restricted at their request: they are kept, but nothing can be done with them. The Data Protection Officer can tell you more.";

export async function isRestricted(people: RestrictedPeople, personId: string): Promise<boolean> {
  return (await people.restrictedIds()).has(personId.toLowerCase());
}

/** Those of `items` whose person is not restricted. */
export async function withoutRestricted<T>(people: RestrictedPeople, items: readonly T[], personOf: (item: T) => string): Promise<T[]> {
  const restricted = await people.restrictedIds();
  return items.filter((item) => !restricted.has(personOf(item).toLowerCase()));
}

/**
 * The refusal when any of `personIds` is restricted, or undefined when none is: a use case calls it before it reads or
 * writes anything about them (`const refused = await restrictedRefusal(...); if (refused) return refused;`).
 */
export async function restrictedRefusal(people: RestrictedPeople, ...personIds: readonly (string | undefined)[]): Promise<{ ok: false; error: DomainError<'RESTRICTED'> } | undefined> {
  const restricted = await people.restrictedIds();
  return personIds.some((id) => id !== undefined && restricted.has(id.toLowerCase())) ? fail('RESTRICTED', RESTRICTED_REFUSAL) : undefined;
}
