import type { Change, Versioned } from '../../platform/app/ports.js';
import type { Mentor } from '../domain/index.js';

export interface MentorStore {
  get(mentorId: string): Promise<Versioned<Mentor> | undefined>;
  /** Writes the mentor, its audit entries and its effects as one transaction; throws ConcurrencyError on a stale etag. */
  save(change: Change<Mentor>): Promise<void>;
  listByStage(stage: Mentor['stage']): AsyncIterable<Versioned<Mentor>>;
  /** Every mentor in one query (the coordinator's lists), rather than one query per stage. */
  listAll(): AsyncIterable<Versioned<Mentor>>;
}
