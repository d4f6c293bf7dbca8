import { TeamsAdapter } from '@microsoft/teams-ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/platform/delivery/delivery.js';
import { CardMessageRepository } from '../../../src/platform/storage/card-message.repository.js';
import { ConversationRepository } from '../../../src/platform/storage/conversation.repository.js';
import { card, text } from '../../../src/platform/teams/cards/card.js';
import { TeamsTransport } from '../../../src/platform/teams/teams-transport.js';
import { BroadcastConnectorStandIn } from '../../support/broadcast-connector.js';
import { freshStorage } from '../../support/storage.js';

const CARD = card([text('Hello')]);

describe('the Bot Connector client without its built-in retries (broadcast sends)', () => {
  let connector: BroadcastConnectorStandIn;
  let transport: TeamsTransport;

  beforeAll(async () => {
    connector = await new BroadcastConnectorStandIn().start();
    const { storage } = await freshStorage();
    const conversations = new ConversationRepository(storage.tables.conversations);
    for (const person of ['throttled', 'down', 'retried']) {
      await conversations.remember({ personId: person, teamsUserId: `29:${person}`, conversationId: `a:${person}`, serviceUrl: connector.url });
    }
    transport = new TeamsTransport({
      adapter: new TeamsAdapter({}),
      botId: '',
      conversations,
      cardMessages: new CardMessageRepository(storage.tables.cardMessages),
      installer: { installFor: async () => ({ ok: false, reason: 'not used', retry: false }) },
      serviceUrl: connector.url,
      now: () => new Date(),
    });
  });
  afterAll(() => connector.stop());

  it('hands the first 429 to the caller, with its Retry-After, after one request', async () => {
    connector.retryAfterSeconds = 2;
    connector.throttle.set('a:throttled', 1);
    const failure = await transport.withoutBuiltInRetries().send('throttled', CARD).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ outcome: 'retry', retryAfterMs: 2_000 });
    expect(connector.requests.filter((r) => r.conversationId === 'a:throttled').map((r) => r.answer)).toEqual([429]);
  });

  it('hands a dropped connection to the caller after one request', async () => {
    connector.drop.set('a:down', 1);
    await expect(transport.withoutBuiltInRetries().send('down', CARD)).rejects.toBeInstanceOf(DeliveryError);
    expect(connector.requests.filter((r) => r.conversationId === 'a:down').map((r) => r.answer)).toEqual(['dropped']);
  });

  it('while the ordinary transport still retries a 429 inside botbuilder (what broadcasts turn off)', async () => {
    connector.retryAfterSeconds = 0;
    connector.throttle.set('a:retried', 1);
    await transport.send('retried', CARD);
    expect(connector.requests.filter((r) => r.conversationId === 'a:retried').map((r) => r.answer)).toEqual([429, 201]);
  });
});
