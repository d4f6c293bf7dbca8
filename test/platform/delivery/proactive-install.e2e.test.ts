import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { castAsGraphPeople, faults, GraphStandIn, requestTo } from '../../support/graph-stand-in.js';
import { ALEX, ISAIAH, MEGAN, type TestPerson } from '../../support/people.js';
import { action, conversationOf, installed, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';

const TEAMS_APP_ID = '3d9a7c41-52e8-4b6f-a0d3-8c1e7f24b96a';
const TOKEN = 'test-token';

/** The bot in Graph mode: people and managers come from the Graph stand-in, which also installs the app. */
async function botWithGraph(graph: GraphStandIn): Promise<TestBot> {
  return startTestBot(graph.botEnv(), { graphAccessToken: async () => TOKEN });
}

/** Someone only Graph knows, who also reports to Megan. */
const LEE: TestPerson = { id: '77777777-7777-4777-8777-777777777777', name: 'Lee Gordon' };
const PEOPLE = [...castAsGraphPeople(), { id: LEE.id, displayName: LEE.name, jobTitle: 'Head of Parks', department: 'Regeneration and Environment', managerId: MEGAN.id }];

const installsFor = (graph: GraphStandIn, person: TestPerson) =>
  graph.requests.filter((request) => request.method === 'POST' && request.path === `/v1.0/users/${person.id}/teamwork/installedApps`);

describe('reaching a line manager who has never talked to the bot, by installing it for them through Graph', () => {
  let graph: GraphStandIn;
  let t: TestBot;
  const megansChat = `19:${MEGAN.id}_${TEAMS_APP_ID}@unq.gbl.spaces`;
  beforeAll(async () => {
    graph = await new GraphStandIn({ people: PEOPLE, teamsAppId: TEAMS_APP_ID, accessToken: TOKEN, chatIds: { [MEGAN.id]: megansChat, [ISAIAH.id]: conversationOf(ISAIAH) } }).start();
    t = await botWithGraph(graph);
    for (const person of [ALEX, ISAIAH]) await t.send(installed(person));
  });
  afterAll(async () => {
    await t?.stop();
    await graph?.stop();
  });

  let approvalId = '';

  it('reads the applicant and their manager from Graph, with the token the bot was given', async () => {
    await t.send(message(ALEX, 'sign up'));
    expect(cardText(t.connector.to(conversationOf(ALEX)).at(-1))).toContain('Your line manager in the directory is Megan Bowen');
    expect(graph.requests.some((request) => request.path === `/v1.0/users/${ALEX.id}/manager`)).toBe(true);
    expect(graph.requests.length).toBeGreaterThan(0);
    for (const request of graph.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('installs the app for the manager and sends the approval card to the chat Graph returned', async () => {
    const response = await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));
    expect(textOf(invokeCard(response))).toContain('Waiting for Megan Bowen to decide');

    const request = await eventually(() => {
      const found = t.connector.to(megansChat).find((activity) => cardText(activity).includes('Alex Wilber asks to become a mentor'));
      if (!found) throw new Error('no approval card in the chat Graph returned yet');
      return found;
    });
    expect(cardText(request)).toContain('Approve');
    approvalId = JSON.stringify(request.activity).match(/"approvalId":"([^"]+)"/)![1]!;

    const [install] = installsFor(graph, MEGAN);
    expect(installsFor(graph, MEGAN)).toHaveLength(1);
    expect(install!.body).toEqual({ 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/${TEAMS_APP_ID}` });
    expect(install!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(graph.isInstalledFor(MEGAN.id)).toBe(true);
    expect(t.connector.to(conversationOf(MEGAN))).toHaveLength(0);
  });

  it('lets the manager decide from that card, and sends her next request to the same chat without installing again', async () => {
    const response = await t.send(action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
    expect(textOf(invokeCard(response))).toContain('Approved by Megan Bowen');
    await eventually(() => expect(cardText(t.connector.to(conversationOf(ALEX)).at(-1))).toContain('You can become a mentor'));

    await t.send(installed(LEE));
    await t.send(message(LEE, 'sign up'));
    const sent = await t.send(action(LEE, 'submitSignUp', { ...SIGN_UP_FORM, jobTitle: 'Head of Parks' }));
    expect(textOf(invokeCard(sent))).toContain('Waiting for Megan Bowen to decide');
    await eventually(() => {
      if (!t.connector.to(megansChat).some((activity) => cardText(activity).includes('Lee Gordon asks to become a mentor'))) {
        throw new Error("no card for Lee's request in Megan's chat yet");
      }
    });
    expect(installsFor(graph, MEGAN)).toHaveLength(1);
  });
});

describe('when Graph refuses to install the app for the manager', () => {
  let graph: GraphStandIn;
  let t: TestBot;
  beforeAll(async () => {
    // The coordinator's chat as Teams has it: the same conversation whether the bot installed itself (the no-cohort
    // notice at start) or he opened it.
    graph = await new GraphStandIn({ people: castAsGraphPeople(), teamsAppId: TEAMS_APP_ID, accessToken: TOKEN, chatIds: { [ISAIAH.id]: conversationOf(ISAIAH) } }).start();
    graph.fail(requestTo('POST', `/users/${MEGAN.id}/teamwork/installedApps`), faults.forbidden());
    t = await botWithGraph(graph);
    for (const person of [ALEX, ISAIAH]) await t.send(installed(person));
  });
  afterAll(async () => {
    await t?.stop();
    await graph?.stop();
  });

  it('keeps the request waiting and tells the coordinator who could not be reached and why', async () => {
    await t.send(message(ALEX, 'sign up'));
    const response = await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM));
    expect(textOf(invokeCard(response))).toContain('Waiting for Megan Bowen to decide');

    const notice = await eventually(() => {
      const found = t.connector.to(conversationOf(ISAIAH)).find((activity) => cardText(activity).includes('could not be delivered'));
      if (!found) throw new Error('no notice to the coordinator yet');
      return found;
    });
    expect(cardText(notice)).toContain('A mentoring approval request to Megan Bowen: the bot could not be installed for them');
    // Graph's own reason, for IT, behind "Details for IT".
    expect(cardText(notice)).toContain('the app is blocked for this person or the bot lacks permission to install it');

    // Blocked is final: one attempt, no card anywhere for Megan, and the request still waits for her.
    expect(installsFor(graph, MEGAN)).toHaveLength(1);
    expect(graph.isInstalledFor(MEGAN.id)).toBe(false);
    expect(t.connector.activities.filter((activity) => cardText(activity).includes('Alex Wilber asks to become a mentor'))).toHaveLength(0);
    await t.send(message(ALEX, 'my status'));
    expect(cardText(t.connector.to(conversationOf(ALEX)).at(-1))).toContain('waiting for approval');
  });
});
