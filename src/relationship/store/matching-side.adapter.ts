import { TableTransaction, odata, type TableClient } from '@azure/data-tables';
import type { MentorMatchingStore, YoungPeopleStore } from '../../matching/index.js';
import type { ActiveMatches, MatchingSide, YoungPersonContact } from '../app/relationship-ports.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { endMatch as endMatchRecord, type Match } from '../../matching/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { EndReason, YoungPersonNext } from '../domain/index.js';
import { changeYoungPersonStatus, type YoungPerson, type YoungPersonEvent } from '../../matching/index.js';
import { auditEntity } from '../../platform/storage/audit-entity.js';
import { encodeKey, prefixRange } from '../../platform/storage/keys.js';
import { matchSchema } from '../../matching/index.js';
import { orUndefinedWhenMissing, translateWriteError } from '../../platform/storage/storage-errors.js';
import { youngPersonEntity } from '../../matching/index.js';
import type { DataEntity } from '../../platform/storage/data-entity.js';

// The matching feature keeps a match as a row "match|<id>" in the young person's partition of 'YoungPeople'
// (src/matching/store/young-people.repository.ts). Its write port creates matches but cannot end one, so ending is done here,
// in the same partition and the same transaction as the young person's change of status.
const MATCH_PREFIX = 'match|';

/** Reads matches from the matching feature's storage. No young person's record is read (a match holds ids only). */
export class StoredActiveMatches implements ActiveMatches {
  constructor(
    private readonly youngPeopleTable: TableClient,
    private readonly records: MentorMatchingStore,
    private readonly youngPeople: YoungPeopleStore,
    /** Where a match is already known (our relationship row holds its young person), a point read replaces a scan. */
    private readonly youngPersonOf: (matchId: string) => Promise<string | undefined> = async () => undefined,
  ) {}

  async forMentor(mentorId: string): Promise<Match[]> {
    const record = await this.records.get(mentorId);
    const found = await Promise.all((record?.value.activeMatches ?? []).map((held) => this.youngPeople.getMatch(held.youngPersonId, held.matchId)));
    return found.filter((match): match is Match => match !== undefined && match.status === 'active' && match.mentorId === mentorId);
  }

  async get(matchId: string): Promise<Match | undefined> {
    const youngPersonId = await this.youngPersonOf(matchId);
    if (youngPersonId !== undefined) return this.youngPeople.getMatch(youngPersonId, matchId);
    const filter = odata`RowKey eq ${MATCH_PREFIX + encodeKey(matchId)}`;
    for await (const entity of this.youngPeopleTable.listEntities<DataEntity>({ queryOptions: { filter } })) return matchSchema.parse(JSON.parse(entity.data));
    return undefined;
  }

  async list(): Promise<Match[]> {
    const range = prefixRange(MATCH_PREFIX);
    const filter = odata`RowKey ge ${range.from} and RowKey lt ${range.to}`;
    const found: Match[] = [];
    for await (const entity of this.youngPeopleTable.listEntities<DataEntity>({ queryOptions: { filter } })) {
      const match = matchSchema.parse(JSON.parse(entity.data));
      if (match.status === 'active') found.push(match);
    }
    return found;
  }
}

const YOUNG_PERSON_EVENTS: Record<YoungPersonNext, readonly YoungPersonEvent[]> = {
  // Back on the list for a new mentor (report 3.8).
  returnToMatchingList: ['endMatch'],
  // Off the list until their key adult says whether they want a new mentor; the coordinator resumes them.
  askAboutNewMentor: ['endMatch', 'pause'],
  // Off the list while the coordinator reviews a safeguarding decision; they resume them if it is right to.
  holdForReview: ['endMatch', 'pause'],
  noFurtherMatch: ['close'],
};

/** Ends a match on the matching side; every step checks what is stored first, so a second call changes nothing. */
export class StoredMatchingSide implements MatchingSide {
  constructor(
    private readonly youngPeopleTable: TableClient,
    private readonly records: MentorMatchingStore,
    private readonly youngPeople: YoungPeopleStore,
  ) {}

  async endMatch(match: Match, next: YoungPersonNext, actor: PersonRef, now: Date, reason?: EndReason): Promise<void> {
    await retryOnConflict(() => this.endInYoungPersonPartition(match, next, actor, now, reason));
    await retryOnConflict(async () => {
      const record = await this.records.get(match.mentorId);
      if (!record || !record.value.activeMatches.some((held) => held.matchId === match.id)) return;
      await this.records.save({
        value: { ...record.value, activeMatches: record.value.activeMatches.filter((held) => held.matchId !== match.id) },
        etag: record.etag,
        audit: [{ at: now.toISOString(), actor, action: 'releaseEndedMatch', subjectId: match.mentorId, detail: match.id }],
        effects: [],
      });
    });
  }

  async youngPersonContact(match: Pick<Match, 'youngPersonId'>, reader: PersonRef): Promise<YoungPersonContact | undefined> {
    const found = (await this.youngPeople.get(match.youngPersonId, { reader, purpose: 'matchEnding' }))?.value;
    return found ? { firstName: found.firstName, reference: found.reference, keyAdult: found.keyAdult } : undefined;
  }

  private async endInYoungPersonPartition(match: Match, next: YoungPersonNext, actor: PersonRef, now: Date, reason?: EndReason): Promise<void> {
    const partitionKey = encodeKey(match.youngPersonId);
    const rowKey = MATCH_PREFIX + encodeKey(match.id);
    const stored = await orUndefinedWhenMissing(this.youngPeopleTable.getEntity<DataEntity>(partitionKey, rowKey));
    if (!stored) return;
    const ended = endMatchRecord(matchSchema.parse(JSON.parse(stored.data)), now, reason);
    if (!ended.ok) return;
    const youngPerson = await this.youngPeople.get(match.youngPersonId, { reader: actor, purpose: 'changeStatus' });
    const transaction = new TableTransaction();
    transaction.updateEntity({ partitionKey, rowKey, data: JSON.stringify(ended.value) }, 'Replace', { etag: stored.etag });
    const audit = [{ at: now.toISOString(), actor, action: 'endMatch', subjectId: match.youngPersonId, detail: match.id }];
    if (youngPerson && youngPerson.value.status === 'matched') {
      const changed = applyEvents(youngPerson.value, YOUNG_PERSON_EVENTS[next], now);
      transaction.updateEntity({ ...youngPersonEntity(changed) }, 'Replace', { etag: youngPerson.etag });
      audit.push({ at: now.toISOString(), actor, action: `endMatch.${next}`, subjectId: match.youngPersonId, detail: `${youngPerson.value.status}>${changed.status}` });
    }
    audit.forEach((entry, index) => transaction.createEntity(auditEntity(partitionKey, entry, index)));
    try {
      await this.youngPeopleTable.submitTransaction(transaction.actions);
    } catch (error) {
      translateWriteError(error);
    }
  }
}

function applyEvents(youngPerson: YoungPerson, events: readonly YoungPersonEvent[], now: Date): YoungPerson {
  let current = youngPerson;
  for (const event of events) {
    const changed = changeYoungPersonStatus(current, event, now);
    if (changed.ok) current = changed.value;
  }
  return current;
}
