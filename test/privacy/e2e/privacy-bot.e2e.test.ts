import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxOf } from '../../support/inbox.js';
import { ADELE, ALEX, GRADY, ISAIAH } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

/** Grady Archie is the Data Protection Officer here; Isaiah Langer a coordinator; Adele Vance neither. */
describe('privacy from the bot: the DPO and the coordinators act, everyone else is refused', () => {
  let t: TestBot;
  const inbox = inboxOf(() => t);
  const clock = new Date('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    t = await startTestBot({ DPO_IDS: GRADY.id }, { now: () => clock });
  });
  afterAll(async () => t?.stop());

  const say = async (person: typeof ALEX, text: string) => expect((await t.send(message(person, text))).status).toBe(200);

  it('a coordinator starts a subject access request for a mentor and sees its due date', async () => {
    await say(ISAIAH, `subject access ${ALEX.id}`);
    const card = textOf((await inbox.cardWith(ISAIAH, 'Subject access request: Alex Wilber (mentor)')).activity);
    expect(card).toContain('2027-01-01');
    expect(card).toContain('received, being prepared');
  });

  it('someone else is refused every privacy command and card action', async () => {
    for (const text of [`subject access ${ALEX.id}`, 'retention dry run', `restrict ${ALEX.id} because`, `legal hold ${ALEX.id} a claim`, `erase ${ALEX.id}`]) await say(ADELE, text);
    const answers = inbox.cardsTo(ADELE).map((sent) => textOf(sent.activity));
    expect(answers).toHaveLength(5);
    for (const answer of answers) expect(answer).toMatch(/Only the (scheme coordinators and the )?Data Protection Officer can do this/);
    const refused = invokeCard(await t.send(action(ADELE, 'confirmErasure', { kind: 'mentor', key: ALEX.id })));
    expect(textOf(refused)).toContain('Only the Data Protection Officer can do this');
  });

  it('a coordinator may not restrict; the DPO restricts, sees the restricted list, and erases after confirming', async () => {
    await say(ISAIAH, `restrict ${ALEX.id} contests the record`);
    await inbox.cardWith(ISAIAH, 'Only the Data Protection Officer can do this');
    await say(GRADY, `restrict ${ALEX.id} contests the accuracy of the record`);
    await inbox.cardWith(GRADY, 'Records restricted');
    await say(GRADY, 'privacy');
    await inbox.cardWith(GRADY, `Mentor ${ALEX.id}: contests the accuracy of the record`);
    await say(GRADY, `erase ${ALEX.id}`);
    await inbox.cardWith(GRADY, `Erase the mentor ${ALEX.id}?`);
    const erased = invokeCard(await t.send(action(GRADY, 'confirmErasure', { kind: 'mentor', key: ALEX.id })));
    expect(textOf(erased)).toContain('finished at 2026-12-01T10:00:00.000Z');
  });

  it('a retention dry run on demand answers with counts by class and tells every coordinator and the DPO', async () => {
    await say(ISAIAH, 'retention dry run');
    await inbox.cardWith(ISAIAH, 'Nothing has passed its retention date.');
    await inbox.cardWith(GRADY, 'Retention dry run: what the next run would remove');
  });
});
