import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Directory, DirectoryPerson } from '../app/ports.js';
import type { PersonRef } from '../kernel/person.js';

/** The Agents Playground's mock users have GUID-like ids that are one digit too long, so local ids are only checked loosely. */
const localId = z.string().regex(/^[0-9a-f-]{8,64}$/i);

const fileSchema = z.object({
  people: z.array(
    z.object({
      id: localId,
      name: z.string().min(1),
      jobTitle: z.string().optional(),
      department: z.string().optional(),
      mail: z.string().optional(),
      phone: z.string().optional(),
      managerId: localId.optional(),
    }),
  ),
  coordinatorIds: z.array(localId).default([]),
  governanceApproverIds: z.array(localId).default([]),
  /** The Data Protection Officer(s) in local mode, when DPO_IDS is not set (docs/privacy.md). */
  dataProtectionOfficerIds: z.array(localId).default([]),
});

export type LocalDirectoryFile = z.infer<typeof fileSchema>;

/** The directory for local mode: a small cast from a checked file, so the whole journey works without a tenant. */
export class LocalDirectory implements Directory {
  private constructor(readonly file: LocalDirectoryFile) {}

  static load(path: string): LocalDirectory {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`Local directory ${path}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    return new LocalDirectory(parsed.data);
  }

  async getPerson(id: string): Promise<DirectoryPerson | undefined> {
    const person = this.file.people.find((candidate) => candidate.id === id);
    if (!person) return undefined;
    const { managerId: _managerId, ...rest } = person;
    return rest;
  }

  async getManager(id: string): Promise<PersonRef | undefined> {
    const managerId = this.file.people.find((candidate) => candidate.id === id)?.managerId;
    const manager = managerId ? this.file.people.find((candidate) => candidate.id === managerId) : undefined;
    return manager ? { id: manager.id, name: manager.name } : undefined;
  }
}
