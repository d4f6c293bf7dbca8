import { afterEach, describe, expect, it } from 'vitest';
import { GraphAppInstaller } from '../../../src/platform/directory/app-installer.gateway.js';
import { createGraphClient } from '../../../src/platform/directory/graph-client.js';
import { castAsGraphPeople, faults, GraphStandIn, requestTo, type GraphStandInOptions } from '../../support/graph-stand-in.js';
import { MEGAN } from '../../support/people.js';

const TOKEN = 'installer-test-token';
const APP_ID = '0f4c8a2b-6d1e-4f3a-9b7c-5e2d1a0b9c8d';
const NOBODY = '99999999-9999-4999-8999-999999999999';
const INSTALLS = `/users/${MEGAN.id}/teamwork/installedApps`;

describe('GraphAppInstaller through the real Graph client', () => {
  let graph: GraphStandIn | undefined;
  afterEach(async () => {
    await graph?.stop();
    graph = undefined;
  });

  async function installerFor(options: Partial<GraphStandInOptions> = {}): Promise<{ graph: GraphStandIn; installer: GraphAppInstaller }> {
    graph = await new GraphStandIn({ people: castAsGraphPeople(), teamsAppId: APP_ID, accessToken: TOKEN, ...options }).start();
    const client = createGraphClient({ baseUrl: graph.url, getAccessToken: async () => TOKEN });
    return { graph, installer: new GraphAppInstaller(client, APP_ID, graph.url) };
  }

  it('installs the app for the person and answers the chat id Graph gives for them', async () => {
    const chatId = `19:${MEGAN.id}_bot@unq.gbl.spaces`;
    const { graph, installer } = await installerFor({ chatIds: { [MEGAN.id]: chatId } });

    expect(await installer.installFor(MEGAN.id)).toEqual({ ok: true, chatId });

    expect(graph.isInstalledFor(MEGAN.id)).toBe(true);
    const [install, find, chat] = graph.requests;
    expect(graph.requests).toHaveLength(3);
    expect(install).toMatchObject({ method: 'POST', path: `/v1.0${INSTALLS}` });
    expect(install!.body).toEqual({ 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/${APP_ID}` });
    expect(install!.headers['content-type']).toContain('application/json');
    expect(find).toMatchObject({ method: 'GET', path: `/v1.0${INSTALLS}` });
    expect(find!.query.get('$expand')).toBe('teamsApp');
    expect(find!.query.get('$filter')).toBe(`teamsApp/id eq '${APP_ID}'`);
    expect(chat!.method).toBe('GET');
    expect(chat!.path).toMatch(new RegExp(`^/v1\\.0${INSTALLS}/[^/]+/chat$`));
    for (const request of graph.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('takes Graph\u2019s answer to an install, 201 with an empty body, as success: one POST, no retry, no 409', async () => {
    const { graph, installer } = await installerFor();

    expect(await installer.installFor(MEGAN.id)).toEqual({ ok: true, chatId: graph.chatIdFor(MEGAN.id) });

    expect(graph.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(graph.isInstalledFor(MEGAN.id)).toBe(true);
  });

  it('takes any 2xx to an install as success (202, 204)', async () => {
    for (const status of [202, 204]) {
      const { graph, installer } = await installerFor({ installedFor: [MEGAN.id] });
      graph.fail(requestTo('POST', INSTALLS), { status, headers: { 'Content-Type': 'application/json' } }, 1);
      expect(await installer.installFor(MEGAN.id)).toEqual({ ok: true, chatId: graph.chatIdFor(MEGAN.id) });
      expect(graph.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
      await graph.stop();
    }
  });

  it('treats "already installed" (409) as success and still finds the chat', async () => {
    const { graph, installer } = await installerFor({ installedFor: [MEGAN.id] });

    expect(await installer.installFor(MEGAN.id)).toEqual({ ok: true, chatId: graph.chatIdFor(MEGAN.id) });

    expect(graph.requests.map((request) => request.method)).toEqual(['POST', 'GET', 'GET']);
    expect(graph.requests[0]!.path).toBe(`/v1.0${INSTALLS}`);
  });

  it('installs for each person once: a second call meets 409 and reaches the same chat', async () => {
    const { graph, installer } = await installerFor();
    const first = await installer.installFor(MEGAN.id);
    const second = await installer.installFor(MEGAN.id);
    expect(second).toEqual(first);
    expect(first).toEqual({ ok: true, chatId: graph.chatIdFor(MEGAN.id) });
  });

  it('says so, not to retry, when the app is blocked for the person (403)', async () => {
    const { graph, installer } = await installerFor();
    graph.fail(requestTo('POST', INSTALLS), faults.forbidden());

    const result = await installer.installFor(MEGAN.id);

    expect(result).toEqual({ ok: false, retry: false, reason: 'the app is blocked for this person or the bot lacks permission to install it' });
    expect(graph.requests).toHaveLength(1);
    expect(graph.isInstalledFor(MEGAN.id)).toBe(false);
  });

  it('says the person is gone, not to retry, when the directory does not know them (404)', async () => {
    const { graph, installer } = await installerFor();

    expect(await installer.installFor(NOBODY)).toEqual({ ok: false, retry: false, reason: 'this person is not in the directory (they may have left)' });
    expect(graph.requests).toHaveLength(1);
  });

  it('honours Retry-After on a throttled install (429), then succeeds', async () => {
    const { graph, installer } = await installerFor();
    graph.fail(requestTo('POST', INSTALLS), faults.throttled(1), 1);

    expect(await installer.installFor(MEGAN.id)).toEqual({ ok: true, chatId: graph.chatIdFor(MEGAN.id) });

    const posts = graph.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(graph.arrivedAt(posts[1]!) - graph.arrivedAt(posts[0]!)).toBeGreaterThanOrEqual(950);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
    expect(posts[1]!.headers['retry-attempt']).toBe('1');
  });

  it('retries a 503 with the client’s own back-off when Graph gives no Retry-After, then succeeds', async () => {
    const { graph, installer } = await installerFor();
    graph.fail(requestTo('GET', /\/installedApps\/[^/]+\/chat$/), faults.unavailable(), 1);

    expect(await installer.installFor(MEGAN.id)).toEqual({ ok: true, chatId: graph.chatIdFor(MEGAN.id) });

    const chats = graph.requests.filter((request) => request.path.endsWith('/chat'));
    expect(chats).toHaveLength(2);
    // The SDK's default delay is 3 seconds (plus up to 1 of jitter).
    expect(graph.arrivedAt(chats[1]!) - graph.arrivedAt(chats[0]!)).toBeGreaterThanOrEqual(2950);
  });

  it('asks for a later retry when Graph keeps throttling after the client has retried three times', async () => {
    const { graph, installer } = await installerFor();
    graph.fail(requestTo('POST', INSTALLS), faults.throttled(1));

    const result = await installer.installFor(MEGAN.id);

    expect(result).toEqual({ ok: false, retry: true, reason: 'Microsoft Graph did not answer (429)' });
    expect(graph.requests).toHaveLength(4);
  });

  it('asks for a later retry when the installation is not listed yet', async () => {
    const { graph, installer } = await installerFor();
    graph.fail(requestTo('GET', INSTALLS), { status: 200, body: { value: [] } });

    expect(await installer.installFor(MEGAN.id)).toEqual({ ok: false, retry: true, reason: 'the app was installed but its chat could not be found yet' });
    expect(graph.isInstalledFor(MEGAN.id)).toBe(true);
  });
});
