import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { ALEX, MEGAN } from '../../support/people.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';
import { cardText, TeamsConnectorStandIn } from '../../support/teams-connector.js';
import { action, conversationOf, invokeCard, localDirectoryFile, message, startBotOnAzurite, uniquePrefix } from '../../support/test-bot.js';
import { textOf } from '../../support/teams-connector.js';

type Bot = Awaited<ReturnType<typeof startBotOnAzurite>>;

/** ROLE=web and ROLE=worker on one Azurite, as two App Services would run them (docs/scaling.md). */
describe('the web and worker roles, apart on one storage account', () => {
  const connector = new TeamsConnectorStandIn();
  let env: Record<string, string>;
  let web: Bot;
  let worker: Bot | undefined;
  const approvalRequestsTo = (person: { id: string }) => connector.to(conversationOf(person)).filter((sent) => cardText(sent).includes('is waiting for your decision'));

  beforeAll(async () => {
    await connector.start();
    env = { TABLE_PREFIX: uniquePrefix(), LOCAL_DIRECTORY_FILE: localDirectoryFile(), WORKER_POLL_MS: '25', OUTBOX_SWEEP_SECONDS: '1' };
    web = await startBotOnAzurite(connector.url, { ...env, ROLE: 'web' }, {});
  });
  afterAll(async () => {
    await web.bot.stop();
    await worker?.bot.stop();
    await connector.stop();
  });

  it('a web process answers card actions and queues what they owe, but delivers nothing', async () => {
    for (const person of [MEGAN, ALEX]) await web.send(message(person, 'sign up'));
    const answer = await web.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));
    expect(textOf(invokeCard(answer))).toContain('Megan Bowen');
    // Several worker polls and outbox sweeps' worth of time: a process that delivered would have sent it by now.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(approvalRequestsTo(MEGAN)).toHaveLength(0);
  });

  it('a worker process delivers what the web process queued, exactly once', async () => {
    worker = await startBotOnAzurite(connector.url, { ...env, ROLE: 'worker' }, {});
    await eventually(() => expect(approvalRequestsTo(MEGAN)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(approvalRequestsTo(MEGAN)).toHaveLength(1);
  });

  it('a worker process answers /health and nothing else', async () => {
    const base = `http://127.0.0.1:${worker!.bot.port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const before = connector.http.requests.length;
    const refused = await worker!.send(action(ALEX, 'refreshApproval', {}));
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('AdaptiveCard');
    expect((await worker!.send(message(ALEX, 'my status'))).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.http.requests.length).toBe(before);
  });

  it('the web process still answers /health for its own probe', async () => {
    const health = await fetch(`http://127.0.0.1:${web.bot.port}/health`);
    expect(health.status).toBe(200);
  });
});
