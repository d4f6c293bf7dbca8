import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { TableTransaction, type TableClient, type TableEntity } from '@azure/data-tables';
import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createAdapter } from '../../src/platform/teams/adapter.js';
import { createBotServer } from '../../src/platform/teams/http-server.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';

/**
 * The floor the approval card actions are measured against: the same teams-ai Application, adapter and HTTP server on
 * the same Azurite, whose three card actions do the least their real ones must: one getEntity each and, for submit and
 * approve, one transaction as large as the real one (submit: the row, an audit row, one outbox row; approve: the row,
 * an audit row, two outbox rows), answered with a card built once.
 */
export async function startBareBot(env: Record<string, string | undefined>): Promise<{ port: number; stop(): Promise<void> }> {
  const config = loadConfig(env);
  const log = createLogger(config.LOG_LEVEL);
  const clients = storageClients({ kind: 'connectionString', connectionString: config.STORAGE_CONNECTION_STRING ?? '' });
  const table = clients.table(`${config.TABLE_PREFIX}Floor`);
  await table.createTable().catch(() => undefined);
  const adapter = createAdapter(config, log);
  const app = new Application<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });

  app.message(/sign up/i, async (context) => {
    await table.upsertEntity({ partitionKey: personOf(context), rowKey: 'mentor', stage: 'interested', data: MENTOR_DATA }, 'Replace');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(FIXED_CARD)));
  });
  app.adaptiveCards.actionExecute('submitSignUp', async (context) => {
    await readAndWrite(table, personOf(context), 1);
    return answer(context);
  });
  app.adaptiveCards.actionExecute('decideApproval', async (context, _state, data: { mentorId: string }) => {
    await readAndWrite(table, data.mentorId, 2);
    return answer(context);
  });
  app.adaptiveCards.actionExecute('refreshApproval', async (context, _state, data: { mentorId: string }) => {
    await table.getEntity(data.mentorId, 'mentor');
    return answer(context);
  });

  const server = createBotServer(adapter, app, log);
  server.listen(config.PORT, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : config.PORT,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function personOf(context: TurnContext): string {
  return context.activity.from.aadObjectId ?? 'unknown';
}

async function readAndWrite(table: TableClient, partitionKey: string, effects: number): Promise<void> {
  const row = await table.getEntity<{ stage: string; data: string }>(partitionKey, 'mentor');
  const transaction = new TableTransaction();
  transaction.updateEntity({ partitionKey, rowKey: 'mentor', stage: row.stage, data: row.data }, 'Replace', { etag: row.etag });
  const at = new Date().toISOString();
  transaction.createEntity({ partitionKey, rowKey: `audit|${at}|0|${randomUUID().slice(0, 8)}`, at, actorId: partitionKey, action: 'bench', detail: '' });
  for (let i = 0; i < effects; i++) {
    const effect: TableEntity = { partitionKey, rowKey: `outbox|${randomUUID()}`, recipientId: partitionKey, message: '{"type":"bench"}', attempts: 0, notBefore: at, claimedUntil: at };
    transaction.createEntity(effect);
  }
  await table.submitTransaction(transaction.actions);
}

async function answer(context: TurnContext): Promise<string> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: FIXED_CARD } } });
  return '';
}

/** About the size of a stored mentor (name, directory entry, sign-up details, approval). */
const MENTOR_DATA = JSON.stringify({ padding: 'x'.repeat(700) });

const FIXED_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  fallbackText: 'Approval request',
  body: [
    { type: 'TextBlock', text: 'Approval request', style: 'heading', wrap: true },
    { type: 'TextBlock', text: 'Someone asks for your approval to mentor a care leaver.', wrap: true },
  ],
  actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'decideApproval', data: { approvalId: 'floor', decision: 'approve' } }],
};
