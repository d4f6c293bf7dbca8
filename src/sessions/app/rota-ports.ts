import type { VisitRota } from '../domain/index.js';
import type { AuditEntry, Effect } from '../../platform/app/ports.js';
import type { SessionDeps } from './session-deps.js';

export interface RotaChange {
  readonly rota: VisitRota;
  /** The etag read with the rota; absent when there was none yet. */
  readonly etag?: string;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

export interface RotaStore {
  /** The rota as stored (empty when none was ever written), with its etag. */
  get(): Promise<{ readonly value: VisitRota; readonly etag?: string }>;
  /** One transaction: the rota (etag-guarded), audit rows and outbox effects. Throws ConcurrencyError on a stale etag. */
  save(change: RotaChange): Promise<void>;
}

/** What the Regulation 33 rota's use cases need. */
export interface RotaDeps extends SessionDeps {
  readonly rota: RotaStore;
  readonly timeZone: string;
}
