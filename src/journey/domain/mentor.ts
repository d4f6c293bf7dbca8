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
  readonly updatedAt: string;
}

export function newMentor(person: PersonRef, directory: Mentor['directory'], now: Date): Mentor {
  const at = now.toISOString();
  return { id: person.id, name: person.name, stage: 'interested', directory, createdAt: at, updatedAt: at };
}
