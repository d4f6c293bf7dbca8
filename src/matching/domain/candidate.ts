import type { MentorStage } from '../../journey/domain/index.js';
import type { DbsRecord } from './dbs.js';
import type { MentorProfile } from './mentor-profile.js';

/** A councillor's declared conflict of interest, about one young person or a whole area (discussion paper). */
export type DeclaredConflict =
  | { readonly kind: 'youngPerson'; readonly youngPersonId: string }
  | { readonly kind: 'area'; readonly area: string };

/** What matching needs to know of a mentor; the app layer assembles it from the mentor, their profile and their matches. */
export interface MentorCandidate {
  readonly id: string;
  readonly name: string;
  readonly stage: MentorStage;
  readonly profile?: MentorProfile;
  readonly dbs?: DbsRecord;
  readonly activeMatches: number;
  readonly worksInChildrensServices: boolean;
  readonly conflicts: readonly DeclaredConflict[];
}

export interface MatchingPolicy {
  /** How many young people one mentor may have at once (issue 5: one unless configured otherwise). */
  readonly maxActiveMatches: number;
  /** How long a DBS check counts when the certificate is not on the update service. */
  readonly dbsRenewAfterMonths: number;
}

export const DEFAULT_MATCHING_POLICY: MatchingPolicy = { maxActiveMatches: 1, dbsRenewAfterMonths: 36 };

/** Stages in which a mentor can take a young person: the profile is written, and they have not stepped down. */
export const READY_STAGES: readonly MentorStage[] = ['profileComplete', 'matched', 'active'];
