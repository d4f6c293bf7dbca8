import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { MentorRepository } from '../../../src/journey/store/mentor.repository.js';
import { openStorage } from '../../../src/platform/storage/tables.js';
import { ALEX, MEGAN } from '../../support/people.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';
import { textOf } from '../../support/teams-connector.js';
import { action, conversationOf, installed, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

/** Words only a validation library would write; the product never says them. */
const LIBRARY_WORDS = /expected|received|invalid_type|zod|undefined|\[object/i;

describe('the sign-up form, sent disguised or empty text, over the bot endpoint', () => {
  let t: TestBot;
  let mentors: MentorRepository;
  beforeAll(async () => {
    t = await startTestBot();
    for (const person of [ALEX, MEGAN]) await t.send(installed(person));
    await t.send(message(ALEX, 'sign up'));
    const storage = await openStorage(storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! }), t.env.TABLE_PREFIX!);
    mentors = new MentorRepository(await storage.openTable('Mentors'), { signal: async () => undefined } as never, () => new Date());
  });
  afterAll(() => t.stop());

  it('refuses a reversed motivation and a job title of zero-width spaces, each under its field, and stores nothing', async () => {
    const typed = { ...SIGN_UP_FORM, motivation: 'I care \u202Edevorppa\u202C', jobTitle: '\u200B\u200B\u200B' };
    const form = invokeCard(await t.send(action(ALEX, 'submitSignUp', typed)));
    const words = textOf(form);
    expect(words).toContain('Nothing was sent');
    expect(words).toContain('Job title is required.');
    expect(words).toMatch(/Why you want to mentor contains hidden characters that change the direction of the text/);
    expect(words).not.toMatch(LIBRARY_WORDS);

    // Each problem sits right under its own input, and what was typed is back in the form.
    const body = form.body as { id?: string; type: string; value?: string }[];
    const after = (id: string) => textOf(body[body.findIndex((element) => element.id === id) + 1]);
    expect(after('jobTitle')).toBe('✗  Job title is required.');
    expect(after('motivation')).toContain('Why you want to mentor contains hidden characters');
    expect(body.find((element) => element.id === 'motivation')?.value).toBe(typed.motivation);
    expect(body.find((element) => element.id === 'directorateOrWard')?.value).toBe(SIGN_UP_FORM.directorateOrWard);

    const stored = (await mentors.get(ALEX.id))?.value;
    expect(stored?.stage).toBe('interested');
    expect(stored?.details).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.connector.to(conversationOf(MEGAN)).some((sent) => JSON.stringify(sent.activity).includes('approval'))).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['a list', ['role', 'jobTitle']],
    ['a string', 'sign me up'],
  ])('answers a card payload that is %s in its own words, not the validation library\'s', async (_name, data) => {
    const sent = action(ALEX, 'submitSignUp');
    const activity = { ...sent, value: { ...sent.value, action: { ...sent.value.action, data } } };
    const words = textOf(invokeCard(await t.send(activity)));
    expect(words).toMatch(/could not be read/);
    expect(words).not.toMatch(LIBRARY_WORDS);
    expect((await mentors.get(ALEX.id))?.value.details).toBeUndefined();
  });

  it('answers fields of the wrong kind in its own words', async () => {
    const words = textOf(invokeCard(await t.send(action(ALEX, 'submitSignUp', { ...SIGN_UP_FORM, jobTitle: 7, declarationOfInterests: { a: 1 }, consent: 3 }))));
    expect(words).toContain('Job title must be written as text.');
    expect(words).not.toMatch(LIBRARY_WORDS);
  });

  it('still accepts the same form written plainly', async () => {
    const words = textOf(invokeCard(await t.send(action(ALEX, 'submitSignUp', { ...SIGN_UP_FORM, motivation: 'I care about approval' }))));
    expect(words).toContain('Waiting for Megan Bowen to decide');
    expect((await mentors.get(ALEX.id))?.value.details?.motivation).toBe('I care about approval');
  });
});
