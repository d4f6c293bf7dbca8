import type { MentorStore } from '../../journey/index.js';
import { AUDIENCE_GROUPS, selectAudience, type AudienceMentor } from '../domain/index.js';
import type { MentorStage } from '../../journey/domain/index.js';
import { fail, type Result } from '../../platform/kernel/result.js';
import type { Directory } from '../../platform/app/ports.js';
import type { AudienceChoice } from './broadcast.js';
import type { GroupMembers } from './ports.js';
import { withoutRestricted, type RestrictedPeople } from '../../platform/app/restricted-people.js';

export interface AudienceDeps {
  readonly mentors: MentorStore;
  readonly directory: Directory;
  readonly groups: GroupMembers;
  readonly eligibleGroupIds: readonly string[];
  /** People whose records are restricted (docs/privacy.md): never sent a broadcast. */
  readonly restricted: RestrictedPeople;
}

export interface ResolvedAudience {
  readonly recipients: string[];
  /** Named people the directory does not know: left out, and shown on the preview. */
  readonly unknown: string[];
  /** The named people it found who will receive it, by name, for the preview (a person reads names, never directory ids). */
  readonly named: string[];
}

/** Turns the coordinator's choice into people: mentors by stage, members of the eligible groups, named people. */
export async function resolveAudience(deps: AudienceDeps, choice: AudienceChoice): Promise<Result<ResolvedAudience>> {
  const stages = new Set<MentorStage>(choice.groups.flatMap((group) => AUDIENCE_GROUPS[group]));
  const mentors: AudienceMentor[] = [];
  for (const stage of stages) {
    for await (const { value } of deps.mentors.listByStage(stage)) mentors.push({ id: value.id, stage: value.stage });
  }
  const people: string[] = [];
  if (choice.eligible) {
    for (const groupId of deps.eligibleGroupIds) {
      try {
        for await (const member of deps.groups.members(groupId)) people.push(member.id.toLowerCase());
      } catch {
        return fail(
          'AUDIENCE_GROUP_UNREADABLE',
          'The directory groups of eligible mentors could not be read just now (the bot needs the GroupMember.Read.All permission). Please try again, or pick a stage or named people.',
        );
      }
    }
  }
  const unknown: string[] = [];
  const names = new Map<string, string>();
  for (const entry of choice.people) {
    const person = await deps.directory.getPerson(entry);
    if (person) {
      people.push(person.id.toLowerCase());
      names.set(person.id.toLowerCase(), person.name);
    } else unknown.push(entry);
  }
  const selected = selectAudience(mentors, { groups: choice.groups, people });
  if (!selected.ok) return selected;
  const recipients = await withoutRestricted(deps.restricted, selected.value.map((id) => id.toLowerCase()), (id) => id);
  // Only the named people who will really receive it (a restricted record is left out without a word).
  const named = recipients.flatMap((id) => (names.has(id) ? [names.get(id)!] : []));
  return { ok: true, value: { recipients, unknown, named } };
}
