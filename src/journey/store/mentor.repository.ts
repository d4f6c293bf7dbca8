import type { MentorStore } from '../app/ports.js';
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { Mentor, MentorStage } from '../domain/index.js';
import { MENTOR_ROLES, MENTOR_STAGES } from '../domain/index.js';
import type { Versioned } from '../../platform/app/ports.js';
import { encodeKey } from '../../platform/storage/keys.js';
import { OneRowStore } from '../../platform/storage/one-row-store.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

const MENTOR_ROW = 'mentor';

interface MentorEntity extends DataEntity {
  stage: MentorStage;
}

const person = z.object({ id: z.string(), name: z.string() });
const mentorSchema: z.ZodType<Mentor> = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.enum(MENTOR_STAGES),
  directory: z.object({ jobTitle: z.string().optional(), department: z.string().optional(), manager: person.optional() }),
  details: z
    .object({
      role: z.enum(MENTOR_ROLES),
      directorateOrWard: z.string(),
      jobTitle: z.string(),
      worksInChildrensServices: z.boolean(),
      motivation: z.string(),
      declarationOfInterests: z.string().optional(),
    })
    .optional(),
  consentedAt: z.string().optional(),
  approval: z
    .object({
      id: z.string(),
      kind: z.enum(['lineManager', 'governance']),
      approvers: z.array(person),
      requestedAt: z.string(),
      status: z.enum(['pending', 'approved', 'declined']),
      decidedBy: person.optional(),
      decidedAt: z.string().optional(),
      reason: z.string().optional(),
      remindedAt: z.string().optional(),
      escalatedAt: z.string().optional(),
    })
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stageSince: z.string().optional(),
});

export function toEntity(mentor: Mentor): MentorEntity {
  return { partitionKey: encodeKey(mentor.id), rowKey: MENTOR_ROW, stage: mentor.stage, data: JSON.stringify(mentor) };
}

export function toDomain(entity: MentorEntity): Mentor {
  return mentorSchema.parse(JSON.parse(entity.data));
}

export class MentorRepository extends OneRowStore<Mentor, MentorEntity> implements MentorStore {
  protected readonly codec = { rowKey: MENTOR_ROW, toEntity, toDomain };

  async *listByStage(stage: MentorStage): AsyncIterable<Versioned<Mentor>> {
    const filter = odata`RowKey eq ${MENTOR_ROW} and stage eq ${stage}`;
    for await (const entity of this.table.listEntities<MentorEntity>({ queryOptions: { filter } })) {
      yield { value: toDomain(entity), etag: entity.etag };
    }
  }

  async *listAll(): AsyncIterable<Versioned<Mentor>> {
    const filter = odata`RowKey eq ${MENTOR_ROW}`;
    for await (const entity of this.table.listEntities<MentorEntity>({ queryOptions: { filter } })) {
      yield { value: toDomain(entity), etag: entity.etag };
    }
  }
}
