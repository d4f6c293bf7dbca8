import type { PersonRef } from '../../platform/kernel/person.js';
import { fail } from '../../platform/kernel/result.js';

/** A person whose records are restricted (UK GDPR Art. 18): kept, but used for nothing and shown only to the DPO. */
export interface Restriction extends Placed {
  readonly personId: string;
  readonly kind: 'mentor' | 'youngPerson';
}

/** What a restriction and a legal hold both record: who placed it, when and why, and who lifted it. */
export interface Placed {
  readonly reason: string;
  readonly by: PersonRef;
  readonly at: string;
  readonly liftedAt?: string;
  readonly liftedBy?: PersonRef;
}

export const RESTRICTED_MESSAGE =
  "This person's records are restricted at their request: they are kept, but nothing can be done with them. The Data Protection Officer can tell you more.";

export function refusedAsRestricted() {
  return fail('RESTRICTED', RESTRICTED_MESSAGE);
}

/** A legal hold stops retention for a person or one record until it is lifted. */
export interface LegalHold extends Placed {
  readonly key: string;
}

export function personHoldKey(personId: string): string {
  return `person:${personId.toLowerCase()}`;
}

export function recordHoldKey(table: string, partitionKey: string, rowKey: string): string {
  return `record:${table}/${partitionKey}/${rowKey}`;
}
