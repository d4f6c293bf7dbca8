import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphDirectory } from '../../../src/platform/directory/directory.gateway.js';
import { createGraphClient } from '../../../src/platform/directory/graph-client.js';
import { castAsGraphPeople, faults, GraphStandIn, requestTo } from '../../support/graph-stand-in.js';
import { ALEX, GRADY, MEGAN } from '../../support/people.js';

const TOKEN = 'directory-test-token';
const APP_ID = '7c1f6d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
const NOBODY = '99999999-9999-4999-8999-999999999999';

describe('GraphDirectory through the real Graph client', () => {
  let graph: GraphStandIn;
  let directory: GraphDirectory;
  beforeAll(async () => {
    graph = await new GraphStandIn({ people: castAsGraphPeople(), teamsAppId: APP_ID, accessToken: TOKEN }).start();
    directory = new GraphDirectory(createGraphClient({ baseUrl: graph.url, getAccessToken: async () => TOKEN }));
  });
  afterEach(() => {
    graph.clearFaults();
    graph.requests.length = 0;
  });
  afterAll(() => graph.stop());

  it('reads a person with the fields it asks for, sending the token it was given', async () => {
    expect(await directory.getPerson(ALEX.id)).toEqual({
      id: ALEX.id,
      name: 'Alex Wilber',
      jobTitle: 'Head of Highways',
      department: 'Regeneration and Environment',
      mail: 'alex.wilber@council.example',
      phone: '07700 900456',
    });
    expect(graph.requests).toHaveLength(1);
    const [request] = graph.requests;
    expect(request!.method).toBe('GET');
    expect(request!.path).toBe(`/v1.0/users/${ALEX.id}`);
    expect(request!.query.get('$select')).toBe('id,displayName,jobTitle,department,mail,mobilePhone,businessPhones');
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('leaves out what the directory holds as null', async () => {
    const graphWithGaps = await new GraphStandIn({ people: [{ id: GRADY.id, displayName: GRADY.name }], teamsAppId: APP_ID, accessToken: TOKEN }).start();
    try {
      const sparse = new GraphDirectory(createGraphClient({ baseUrl: graphWithGaps.url, getAccessToken: async () => TOKEN }));
      expect(await sparse.getPerson(GRADY.id)).toEqual({ id: GRADY.id, name: GRADY.name });
    } finally {
      await graphWithGaps.stop();
    }
  });

  it('answers undefined for someone not in the directory (404)', async () => {
    expect(await directory.getPerson(NOBODY)).toBeUndefined();
  });

  it("finds a person's line manager", async () => {
    expect(await directory.getManager(ALEX.id)).toEqual({ id: MEGAN.id, name: MEGAN.name });
    expect(graph.requests[0]!.path).toBe(`/v1.0/users/${ALEX.id}/manager`);
    expect(graph.requests[0]!.query.get('$select')).toBe('id,displayName');
  });

  it('answers undefined when a person has no manager (Graph answers 404)', async () => {
    expect(await directory.getManager(MEGAN.id)).toBeUndefined();
    expect(graph.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says when throttled (429), then succeeds', async () => {
    graph.fail(requestTo('GET', `/users/${ALEX.id}/manager`), faults.throttled(1), 1);
    expect(await directory.getManager(ALEX.id)).toEqual({ id: MEGAN.id, name: MEGAN.name });
    expect(graph.requests).toHaveLength(2);
    const [first, second] = graph.requests;
    expect(graph.arrivedAt(second!) - graph.arrivedAt(first!)).toBeGreaterThanOrEqual(950);
    expect(second!.headers['retry-attempt']).toBe('1');
    expect(second!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('retries when Graph is unavailable (503), then succeeds', async () => {
    graph.fail(requestTo('GET', `/users/${ALEX.id}`), faults.unavailable(1), 1);
    expect((await directory.getPerson(ALEX.id))?.name).toBe('Alex Wilber');
    expect(graph.requests.map((request) => request.path)).toEqual([`/v1.0/users/${ALEX.id}`, `/v1.0/users/${ALEX.id}`]);
    expect(graph.arrivedAt(graph.requests[1]!) - graph.arrivedAt(graph.requests[0]!)).toBeGreaterThanOrEqual(950);
  });

  it('does not hide a refusal (403) as "not found"', async () => {
    graph.fail(requestTo('GET', `/users/${ALEX.id}`), faults.forbidden());
    await expect(directory.getPerson(ALEX.id)).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
    expect(graph.requests).toHaveLength(1);
  });

  it('is refused by Graph (401) when the token is not the one Graph expects', async () => {
    const wrongToken = new GraphDirectory(createGraphClient({ baseUrl: graph.url, getAccessToken: async () => 'someone-elses-token' }));
    await expect(wrongToken.getPerson(ALEX.id)).rejects.toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
  });
});
