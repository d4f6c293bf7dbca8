import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newMentor } from '../../src/journey/domain/index.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { RESTRICTED_REFUSAL } from '../../src/platform/app/restricted-people.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage } from '../../src/platform/storage/tables.js';
import { eventually } from '../support/eventually.js';
import { inboxOf } from '../support/inbox.js';
import { cardText } from '../support/teams-connector.js';
import { ALEX, GRADY, ISAIAH } from '../support/people.js';
import { message, startTestBot, type TestBot } from '../support/test-bot.js';
import { seedWorkspace } from './workspace-seed.js';

const LOCAL = 'x-workspace-local-person';
const RESTRICTED_YP = { id: 'waiting-yp-1', reference: 'LC-W0001' };

/**
 * A restricted person (UK GDPR Art. 18) is left out of everything the coordinator's workspace lists and suggests, and
 * nothing can be done with them there: the tab goes through the same matching wiring, restriction included, as the chat.
 * Grady Archie is the Data Protection Officer; Alex Wilber a trained mentor; LC-W0001 a young person waiting.
 */
describe('the workspace leaves restricted people out', () => {
  let bot: TestBot;
  let base: string;
  const inbox = inboxOf(() => bot);
  const now = new Date();

  beforeAll(async () => {
    bot = await startTestBot({ DPO_IDS: GRADY.id });
    base = `http://127.0.0.1:${bot.bot.port}/workspace/api/`;
    await seedWorkspace(inject('storageConnectionString'), bot.env.TABLE_PREFIX!, { mentors: 12, youngPeople: 3, now });
    const storage = await openStorage(storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') }), bot.env.TABLE_PREFIX!);
    const mentors = new MentorRepository(await storage.openTable('Mentors'), new EffectQueue(storage.effectQueue, () => now), () => now);
    await mentors.save({ value: { ...newMentor(ALEX, { jobTitle: 'Head of Highways' }, now), stage: 'trained' }, audit: [], effects: [] });
  });
  afterAll(() => bot?.stop());

  const json = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, headers: { [LOCAL]: ISAIAH.id, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
    return { status: response.status, body: (await response.json()) as any };
  };
  const everything = async () => ({
    waiting: JSON.stringify((await json('matching/waiting')).body),
    youngPeople: JSON.stringify((await json('young-people?page=0')).body),
    mentors: JSON.stringify((await json('mentors')).body),
    overview: JSON.stringify((await json('overview')).body.funnel),
    shortlist: JSON.stringify((await json('matching/waiting-yp-0/shortlist')).body),
  });

  it('shows them before the restriction, and nowhere after it; acting on them is refused in the DPO-only words', async () => {
    const before = await everything();
    expect(before.waiting).toContain(RESTRICTED_YP.reference);
    expect(before.youngPeople).toContain(RESTRICTED_YP.reference);
    for (const list of [before.mentors, before.overview, before.shortlist]) expect(list).toContain(ALEX.name);

    await bot.send(message(GRADY, `restrict ${ALEX.id} asked us to stop using the record`));
    await inbox.cardWith(GRADY, 'Records restricted');
    await bot.send(message(GRADY, `restrict ${RESTRICTED_YP.reference} contests the record`));
    await eventually(() => expect(inbox.cardsTo(GRADY).filter((sent) => cardText(sent).includes('Records restricted'))).toHaveLength(2));

    const after = await everything();
    expect(after.waiting).not.toContain(RESTRICTED_YP.reference);
    expect(after.waiting).toContain('LC-W0000');
    expect(after.youngPeople).not.toContain(RESTRICTED_YP.reference);
    expect(after.youngPeople).toContain('LC-W0002');
    for (const list of [after.mentors, after.overview, after.shortlist]) {
      expect(list).not.toContain(ALEX.name);
      expect(list).not.toContain(ALEX.id);
      expect(list).toContain('Mentor 006');
    }

    const shortlist = await json(`matching/${RESTRICTED_YP.id}/shortlist`);
    expect(shortlist).toEqual({ status: 400, body: { error: { code: 'RESTRICTED', message: RESTRICTED_REFUSAL } } });
    const putRestrictedMentor = await json('matching/waiting-yp-0/put-forward', { method: 'POST', body: JSON.stringify({ mentorIds: [ALEX.id] }) });
    expect(putRestrictedMentor).toEqual({ status: 400, body: { error: { code: 'RESTRICTED', message: RESTRICTED_REFUSAL } } });
    const putForRestricted = await json(`matching/${RESTRICTED_YP.id}/put-forward`, { method: 'POST', body: JSON.stringify({ mentorIds: ['a0000000-0000-4000-8000-000000000005'] }) });
    expect(putForRestricted).toEqual({ status: 400, body: { error: { code: 'RESTRICTED', message: RESTRICTED_REFUSAL } } });
  });
});
