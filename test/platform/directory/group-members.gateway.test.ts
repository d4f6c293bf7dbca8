import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../src/platform/directory/graph-client.js';
import { GraphGroupMembers } from '../../../src/platform/directory/group-members.gateway.js';
import { HttpStandIn, type RecordedRequest, type Reply } from '../../support/http-stand-in.js';

const TOKEN = 'group-test-token';
const GROUP = '0f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19';
const MEMBERS = Array.from({ length: 2_300 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: `Member ${i}` }));

/** Graph's /groups/{id}/transitiveMembers/microsoft.graph.user, in pages of at most $top with @odata.nextLink. */
function members(stand: HttpStandIn) {
  return (request: RecordedRequest): Reply | undefined => {
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } } };
    if (request.path !== `/v1.0/groups/${GROUP}/transitiveMembers/microsoft.graph.user`) {
      return { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: `Resource '${GROUP}' does not exist.` } } };
    }
    const top = Math.min(999, Number(request.query.get('$top') ?? 100));
    const skip = Number(request.query.get('$skiptoken') ?? 0);
    const page = MEMBERS.slice(skip, skip + top).map((member) => ({ '@odata.type': '#microsoft.graph.user', ...member }));
    const next = skip + top < MEMBERS.length ? `${stand.url}/v1.0/groups/${GROUP}/transitiveMembers/microsoft.graph.user?$select=id,displayName&$top=${top}&$skiptoken=${skip + top}` : undefined;
    return { status: 200, body: { '@odata.context': `${stand.url}/v1.0/$metadata#users(id,displayName)`, value: page, ...(next ? { '@odata.nextLink': next } : {}) } };
  };
}

describe('members of an Entra group, through the real Graph client against a local stand-in', () => {
  let route: (request: RecordedRequest) => Reply | undefined = () => undefined;
  const stand = new HttpStandIn((request) => route(request));
  beforeAll(async () => {
    await stand.start();
    route = members(stand);
  });
  afterAll(() => stand.stop());

  const client = () => createGraphClient({ baseUrl: stand.url, getAccessToken: async () => TOKEN });

  it('follows @odata.nextLink across pages and returns every member once', async () => {
    const found = [];
    for await (const person of new GraphGroupMembers(client()).members(GROUP)) found.push(person);
    expect(found).toHaveLength(MEMBERS.length);
    expect(new Set(found.map((p) => p.id)).size).toBe(MEMBERS.length);
    expect(found[1_500]).toEqual({ id: MEMBERS[1_500]!.id, name: 'Member 1500' });
    const calls = stand.requests.filter((r) => r.path.includes('/transitiveMembers/'));
    expect(calls).toHaveLength(3);
    expect(calls[0]!.query.get('$select')).toBe('id,displayName');
    expect(calls.map((c) => c.query.get('$skiptoken'))).toEqual([null, '999', '1998']);
  });

  it('waits as Graph asks when throttled, then goes on', async () => {
    stand.override((request) => request.query.get('$skiptoken') === '999', { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } } }, 1);
    const started = Date.now();
    let count = 0;
    for await (const _ of new GraphGroupMembers(client()).members(GROUP)) count += 1;
    expect(count).toBe(MEMBERS.length);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('says so when the group does not exist', async () => {
    const iterate = async () => {
      for await (const _ of new GraphGroupMembers(client()).members('1f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19')) void _;
    };
    await expect(iterate()).rejects.toMatchObject({ statusCode: 404 });
  });
});
