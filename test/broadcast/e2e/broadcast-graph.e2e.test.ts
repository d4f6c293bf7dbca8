import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadcastConnectorStandIn } from '../../support/broadcast-connector.js';
import { conversationOf, knownChats, startBroadcastBot, type BroadcastBot } from '../../support/broadcast-bot.js';
import { eventually } from '../../support/eventually.js';
import { castAsGraphPeople, faults, GraphStandIn, requestTo } from '../../support/graph-stand-in.js';
import { ADELE, ALEX, ISAIAH, MEGAN, type TestPerson } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message } from '../../support/test-bot.js';

const TEAMS_APP_ID = '3d9a7c41-52e8-4b6f-a0d3-8c1e7f24b96a';
const TOKEN = 'broadcast-graph-token';
const GROUP = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const LEE: TestPerson = { id: '77777777-7777-4777-8777-777777777777', name: 'Lee Gordon' };

describe('broadcasting to an Entra group in Graph mode: members read page by page, the app installed for people never reached', () => {
  let graph: GraphStandIn;
  let connector: BroadcastConnectorStandIn;
  let t: BroadcastBot;

  beforeAll(async () => {
    graph = await new GraphStandIn({ people: [...castAsGraphPeople(), { id: LEE.id, displayName: LEE.name }], teamsAppId: TEAMS_APP_ID, accessToken: TOKEN }).start();
    // The group: Alex and Megan on the first page, Lee and Adele on the second (reached through @odata.nextLink).
    graph.http.override(
      (request) => request.method === 'GET' && request.path === `/v1.0/groups/${GROUP}/transitiveMembers/microsoft.graph.user`,
      (request) => {
        const second = request.query.get('$skiptoken') === 'page2';
        const members = second ? [LEE, ADELE] : [ALEX, MEGAN];
        return {
          status: 200,
          body: {
            value: members.map((p) => ({ '@odata.type': '#microsoft.graph.user', id: p.id, displayName: p.name })),
            ...(second ? {} : { '@odata.nextLink': `${graph.url}/v1.0/groups/${GROUP}/transitiveMembers/microsoft.graph.user?$select=id,displayName&$skiptoken=page2` }),
          },
        };
      },
    );
    graph.fail(requestTo('POST', `/users/${MEGAN.id}/teamwork/installedApps`), faults.forbidden());
    connector = await new BroadcastConnectorStandIn().start();
    t = await startBroadcastBot(connector, { ...graph.botEnv(), BROADCAST_GROUP_IDS: GROUP }, { graphAccessToken: async () => TOKEN });
    await knownChats(t.env, [ISAIAH, ALEX], connector.url); // only Isaiah and Alex have opened the bot
  });
  afterAll(async () => {
    await t?.stop();
    await connector?.stop();
    await graph?.stop();
  });

  it('sends to every member, installing the app for those never reached, and lists the one it could not install for', async () => {
    await t.send(message(ISAIAH, 'broadcast'));
    const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(JSON.stringify(connector.delivered(conversationOf(ISAIAH)).at(-1)?.body))![1]!;
    const data = { draftId, sessionId: 'none', text: 'Mentoring scheme: information session on 9 November.', audience: 'eligible', people: '' };
    expect(textOf(invokeCard(await t.send(action(ISAIAH, 'broadcastPreview', data))))).toContain('4 people');
    await t.send(action(ISAIAH, 'broadcastSend', data));

    const report = await eventually(() => {
      const last = textOf(connector.updates(conversationOf(ISAIAH)).at(-1)?.body?.attachments?.[0]?.content);
      if (!/Sent to \d+/.test(last)) throw new Error('not finished');
      return last;
    }, 20_000, 100);
    expect(report).toMatch(/Sent 3/);
    expect(report).toMatch(/Megan Bowen: [^•]*blocked/);
    expect(connector.delivered(conversationOf(ALEX))).toHaveLength(1);
    for (const person of [LEE, ADELE]) {
      expect(graph.isInstalledFor(person.id)).toBe(true);
      expect(connector.delivered(graph.chatIdFor(person.id))).toHaveLength(1);
    }
    const pages = graph.requests.filter((r) => r.path.includes('/transitiveMembers/'));
    expect(pages.map((r) => r.query.get('$skiptoken'))).toEqual([null, 'page2', null, 'page2']); // preview, then send
  });
});
