import type { VisitRota } from '../domain/index.js';
import type { Change, WholeRecordStore } from '../../platform/app/ports.js';
import type { SessionDeps } from './session-deps.js';

export type RotaChange = Change<VisitRota>;
export type RotaStore = WholeRecordStore<VisitRota>;

/** What the Regulation 33 rota's use cases need. */
export interface RotaDeps extends SessionDeps {
  readonly rota: RotaStore;
  readonly timeZone: string;
}
