import type { CohortBook, CohortConfig } from '../domain/index.js';
import type { AuditEntry, Effect } from '../../platform/app/ports.js';
import type { SessionDeps } from './session-deps.js';

export interface CohortBookChange {
  readonly book: CohortBook;
  /** The etag read with the book; absent when there was none yet (then the write fails if someone made one). */
  readonly etag?: string;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

export interface CohortStore {
  /** The book as stored (empty when none was ever written), with its etag. */
  get(): Promise<{ readonly value: CohortBook; readonly etag?: string }>;
  /** One transaction: the book (etag-guarded), audit rows and outbox effects. Throws ConcurrencyError on a stale etag. */
  save(change: CohortBookChange): Promise<void>;
}

/** What the cohort use cases need: the sessions, the cohort book, and the scheme file's defaults for a new cohort. */
export interface CohortDeps extends SessionDeps {
  readonly cohorts: CohortStore;
  readonly cohortDefaults: Omit<CohortConfig, 'year'>;
  readonly timeZone: string;
}
