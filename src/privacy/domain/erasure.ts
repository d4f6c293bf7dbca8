/**
 * An erasure (UK GDPR Art. 17), carried out step by step so a crash midway is finished by the next run. While it runs the
 * tombstone holds the subject's id (so it can be resumed); once done it keeps only that an erasure happened, when, by whom.
 */
export interface Tombstone {
  readonly id: string;
  readonly kind: 'mentor' | 'youngPerson';
  readonly requestedBy: { readonly id: string; readonly name: string };
  readonly startedAt: string;
  /** Present only while the erasure is unfinished: whom it is about and the strings that name them in stored rows. */
  readonly pending?: { readonly subjectId: string; readonly identifiers: readonly string[] };
  readonly finishedAt?: string;
}

/** What is left where an erased person was named (an access row keeps the access, not whose record it was). */
export const ERASED = 'erased';
