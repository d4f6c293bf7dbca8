import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDirectory } from '../../../src/platform/directory/local-directory.js';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, GRADY, ISAIAH, localDirectoryJson } from '../../support/people.js';
import { cardText } from '../../support/teams-connector.js';
import { eventually } from '../../support/eventually.js';
import { message, startTestBot, type TestBot } from '../../support/test-bot.js';

/** The local cast with Grady Archie as the Data Protection Officer, named in the directory file (no DPO_IDS set). */
function directoryWithDpo(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mentoring-dpo-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(localDirectoryJson()), dataProtectionOfficerIds: [GRADY.id] }));
  return file;
}

describe('the Data Protection Officer: a role of the scheme, from the directory file, with their own help', () => {
  let t: TestBot;
  const inbox = inboxOf(() => t);

  beforeAll(async () => {
    t = await startTestBot({ LOCAL_DIRECTORY_FILE: directoryWithDpo() });
  });
  afterAll(async () => t?.stop());

  const lastCardWith = (person: { id: string }, words: string) =>
    eventually(() => {
      const found = inbox.cardsTo(person).map(cardText).filter((text) => text.includes(words));
      if (found.length === 0) throw new Error(`no card with "${words}" yet`);
      return found.at(-1)!;
    });

  it('the local cast shipped for the Agents Playground names a Data Protection Officer among its people', () => {
    const local = LocalDirectory.load(path.join(import.meta.dirname, '../../../local/directory.json'));
    expect(local.file.dataProtectionOfficerIds).toHaveLength(1);
    expect(local.file.people.map((person) => person.id)).toContain(local.file.dataProtectionOfficerIds[0]);
  });

  it('the DPO named in the directory file acts as the DPO: sees the restricted records', async () => {
    await t.send(message(GRADY, 'privacy'));
    await inbox.cardWith(GRADY, 'No records are restricted.');
  });

  it("help shows the DPO the privacy commands, a coordinator theirs, and anyone else none", async () => {
    await t.send(message(GRADY, 'help'));
    const dpo = await lastCardWith(GRADY, 'What you can do');
    for (const words of ['Data Protection Officer', 'restrict', 'lift restriction', 'erase', 'subject access', 'legal hold', 'retention dry run']) expect(dpo).toContain(words);
    await t.send(message(ISAIAH, 'help'));
    const coordinator = await lastCardWith(ISAIAH, 'What you can do');
    for (const words of ['subject access', 'legal hold', 'retention dry run']) expect(coordinator).toContain(words);
    expect(coordinator).not.toMatch(/\berase\b|lift restriction/);
    await t.send(message(ADELE, 'help'));
    const someone = await lastCardWith(ADELE, 'What you can do');
    expect(someone).not.toMatch(/subject access|restrict|erase/);
  });
});
