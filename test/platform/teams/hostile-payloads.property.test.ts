import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecision } from '../../../src/journey/app/decision.input.js';
import { parseSignUp } from '../../../src/journey/app/sign-up.input.js';
import { MAX_BODY_BYTES } from '../../../src/platform/teams/http-server.js';
import { ALEX, GRADY, MEGAN } from '../../support/people.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, conversationOf, installed, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

/** Values a hostile or broken client might put anywhere in a payload. */
const hostileValue = fc.oneof(
  fc.string(),
  fc.constant('x'.repeat(100_000)),
  fc.constant('é/#?'.repeat(25_000)),
  fc.constantFrom('a/b', 'a#b', 'a?b', 'a\\b', '\u0000', '../../etc', "'; DROP TABLE --", '{"$ref":1}', 'seniorManager', 'approve', 'decline'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

const hostileObject = fc.dictionary(
  fc.oneof(
    fc.constantFrom('role', 'directorateOrWard', 'jobTitle', 'worksInChildrensServices', 'motivation', 'consent', 'commitment', 'mentorId', 'approvalId', 'decision', 'reason', '__proto__', 'constructor'),
    fc.string({ maxLength: 10 }),
  ),
  hostileValue,
  { maxKeys: 10 },
);

describe('input parsers never throw, whatever they are given', () => {
  it('sign-up', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, hostileObject), (input) => {
        const result = parseSignUp(input);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        else expect(result.value.motivation.length).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 500 },
    );
  });

  it('decision', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, hostileObject), (input) => {
        const result = parseDecision(input);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        else expect(['approve', 'decline']).toContain(result.value.decision);
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostile card payloads over the bot endpoint', () => {
  let t: TestBot;
  let approvalId = '';
  beforeAll(async () => {
    t = await startTestBot();
    for (const person of [ALEX, MEGAN, GRADY]) await t.send(installed(person));
    await t.send(message(ALEX, 'sign up'));
    const form = { role: 'seniorManager', directorateOrWard: 'Finance', jobTitle: 'Head', worksInChildrensServices: 'false', motivation: 'To help', consent: 'true', commitment: 'true' };
    await t.send(action(ALEX, 'submitSignUp', form));
    const deadline = Date.now() + 10_000;
    while (!approvalId && Date.now() < deadline) {
      const card = t.connector.to(conversationOf(MEGAN)).find((activity) => cardText(activity).includes('is waiting for your decision'));
      approvalId = card ? JSON.stringify(card.activity).match(/"approvalId":"([^"]+)"/)![1]! : '';
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => t.stop());

  const snapshot = async () => {
    await t.send(message(ALEX, 'my status'));
    return textOf(t.connector.to(conversationOf(ALEX)).at(-1)?.activity.attachments?.[0]?.content);
  };

  it('answers every malformed or forged payload with a clear card and changes nothing', async () => {
    const before = await snapshot();
    expect(before).toContain('waiting for approval');
    const verbs = fc.constantFrom('submitSignUp', 'decideApproval', 'refreshApproval', 'expressInterest', 'unknownVerb', 'a/b#c');
    await fc.assert(
      fc.asyncProperty(verbs, hostileObject, fc.constantFrom(GRADY, ALEX), async (verb, data, person) => {
        const activity = action(person, verb, data);
        const response = await t.send(activity);
        // An activity over the body limit is refused before it reaches a handler (test/platform/teams/http-server.test.ts).
        const bytes = Buffer.byteLength(JSON.stringify({ serviceUrl: t.connector.url, ...activity }));
        if (bytes > MAX_BODY_BYTES) return void expect(response.status).toBe(413);
        const card = invokeCard(response);
        const words = textOf(card);
        expect(words.length).toBeGreaterThan(0);
        expect(words).not.toMatch(/at .*\.ts:\d+|TypeError|ReferenceError|stack/i);
      }),
      { numRuns: 60 },
    );
    // The only real request in the store is still waiting: nothing a forged payload said decided it.
    expect(await snapshot()).toContain('waiting for approval');
    const forged = await t.send(action(GRADY, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
    expect(textOf(invokeCard(forged))).toContain('Only Megan Bowen can decide');
  });

  it('refuses a body that is not JSON, or too large, without a stack trace', async () => {
    const endpoint = `http://127.0.0.1:${t.bot.port}/api/messages`;
    const notJson = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(notJson.status).toBe(400);
    const huge = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(2_000_000) }) }).catch(() => undefined);
    expect(huge?.status).toBe(413);
    expect(await notJson.text()).not.toMatch(/at .*\.ts:\d+/);
  });
});
