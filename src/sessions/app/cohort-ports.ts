import type { CohortBook, CohortConfig } from '../domain/index.js';
import type { Change, WholeRecordStore } from '../../platform/app/ports.js';
import type { SessionDeps } from './session-deps.js';

export type CohortBookChange = Change<CohortBook>;
export type CohortStore = WholeRecordStore<CohortBook>;

/** What the cohort use cases need: the sessions, the cohort book, and the scheme file's defaults for a new cohort. */
export interface CohortDeps extends SessionDeps {
  readonly cohorts: CohortStore;
  readonly cohortDefaults: Omit<CohortConfig, 'year'>;
  readonly timeZone: string;
}
