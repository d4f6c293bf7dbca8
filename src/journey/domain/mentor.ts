import type { PersonRef } from '../../platform/kernel/person.js';
import type { ApprovalRequest } from './approval-request.js';
import type { MentorRole, MentorStage } from './stage.js';

/** What the sign-up form records; free text is bounded where it is parsed. */
export interface SignUpDetails {
  readonly role: MentorRole;
  readonly directorateOrWard: string;
  readonly jobTitle: string;
  readonly worksInChildrensServices: boolean;
  readonly motivation: string;
  /** Required of elected members (conflicts of interest, discussion paper). */
  readonly declarationOfInterests?: string;
}

export interface Mentor {
  readonly id: string;
  readonly name: string;
  readonly stage: MentorStage;
  /** From the directory when interest was expressed; never typed by the applicant. */
  readonly directory: { readonly jobTitle?: string; readonly department?: string; readonly manager?: PersonRef };
  readonly details?: SignUpDetails;
  readonly consentedAt?: string;
  readonly approval?: ApprovalRequest;
  readonly createdAt: string;
  /** Any change to the record, a reminder's follow-up included. */
  readonly updatedAt: string;
  /**
   * When the mentor came into the stage they are in (the coordinator's "days in stage"). Missing on records whose
   * stage last changed before it was kept: then `updatedAt` is the last change on record.
   */
  readonly stageSince?: string;
}

export function newMentor(person: PersonRef, directory: Mentor['directory'], now: Date): Mentor {
  const at = now.toISOString();
  return { id: person.id, name: person.name, stage: 'interested', directory, createdAt: at, updatedAt: at, stageSince: at };
}

/** The mentor moved to `stage` at `now`: the record's change time, and the stage's start when the stage is a new one. */
export function inStage(mentor: Mentor, stage: MentorStage, now: Date): Mentor {
  const at = now.toISOString();
  return { ...mentor, stage, updatedAt: at, ...(stage !== mentor.stage ? { stageSince: at } : {}) };
}

/** When the mentor came into their stage, or (a record from before that was kept) the last change on record. */
export function stageStartedAt(mentor: Mentor): { readonly at: string; readonly known: boolean } {
  return mentor.stageSince ? { at: mentor.stageSince, known: true } : { at: mentor.updatedAt, known: false };
}
