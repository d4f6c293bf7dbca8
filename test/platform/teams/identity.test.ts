import { TestAdapter, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { actorOf, addressOf, markTrusted } from '../../../src/platform/teams/identity.js';
import { ALEX } from '../../support/people.js';
import { message, TEST_TENANT } from '../../support/test-bot.js';

const contextFor = (activity: Record<string, unknown>) => new TurnContext(new TestAdapter(), { serviceUrl: 'https://smba.example.net/teams/', ...activity });

describe('actorOf: defence in depth behind the check at the door', () => {
  it('names the person on a turn the door let in', () => {
    const context = contextFor(message(ALEX, 'help'));
    markTrusted(context, TEST_TENANT);
    expect(actorOf(context)).toEqual({ id: ALEX.id, name: ALEX.name });
    expect(addressOf(context)?.tenantId).toBe(TEST_TENANT);
  });

  it('names nobody on a turn that did not come through the door', () => {
    const context = contextFor(message(ALEX, 'help'));
    expect(actorOf(context)).toBeUndefined();
    expect(addressOf(context)).toBeUndefined();
  });

  it.each([
    ['moved to another channel', { channelId: 'webchat' }],
    ['moved to another tenant', { conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'another-tenant' } }],
  ])('names nobody on a let-in turn whose activity was then %s', (_name, change) => {
    const context = contextFor(message(ALEX, 'help'));
    markTrusted(context, TEST_TENANT);
    Object.assign(context.activity, change);
    expect(actorOf(context)).toBeUndefined();
  });
});
