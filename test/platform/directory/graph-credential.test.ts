import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphAppInstaller } from '../../../src/platform/directory/app-installer.gateway.js';
import { createGraphClient, tokenFrom } from '../../../src/platform/directory/graph-client.js';
import { graphCredential } from '../../../src/platform/directory/graph-credential.js';
import { EntraStandIn } from '../../support/entra-stand-in.js';
import { castAsGraphPeople, GraphStandIn } from '../../support/graph-stand-in.js';
import { MEGAN } from '../../support/people.js';

const TENANT = '5f0c3e1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e';
const WORKSPACE_APP = '2b7d4e6f-8a1c-4b3d-9e5f-7a6b5c4d3e2f';
const MANAGED_IDENTITY = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const TEAMS_APP = '0f4c8a2b-6d1e-4f3a-9b7c-5e2d1a0b9c8d';
const IDENTITY_HEADER = 'app-service-identity-header';

interface IdentityRequest {
  readonly resource: string | null;
  readonly clientId: string | null;
  readonly header: string | undefined;
}

/**
 * App Service's managed identity endpoint (IDENTITY_ENDPOINT and IDENTITY_HEADER, as App Service sets them), answering
 * the managed identity's token for whatever resource is asked. Entra is the HTTPS stand-in at login.microsoftonline.com.
 */
describe('the Graph credential: the workspace app, trusting the managed identity as a federated credential', () => {
  let entra: EntraStandIn;
  let identityEndpoint: http.Server;
  const identityRequests: IdentityRequest[] = [];

  beforeAll(async () => {
    entra = await EntraStandIn.start();
    identityEndpoint = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const resource = url.searchParams.get('resource');
      identityRequests.push({ resource, clientId: url.searchParams.get('client_id'), header: req.headers['x-identity-header'] as string | undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      const expiresOn = Math.floor(Date.now() / 1000) + 3600;
      res.end(JSON.stringify({ access_token: `managed-identity-token-for ${resource}`, expires_on: String(expiresOn), resource, token_type: 'Bearer' }));
    });
    await new Promise<void>((resolve) => identityEndpoint.listen(0, '127.0.0.1', resolve));
    vi.stubEnv('IDENTITY_ENDPOINT', `http://127.0.0.1:${(identityEndpoint.address() as AddressInfo).port}/msi/token`);
    vi.stubEnv('IDENTITY_HEADER', IDENTITY_HEADER);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await entra.stop();
    await new Promise((resolve) => identityEndpoint.close(resolve));
  });

  it('reaches Graph with the workspace app\u2019s token, got with the managed identity\u2019s token as the assertion', async () => {
    const firstEntraToken = `entra-stand-in-token-${entra.tokenRequests.length + 1}`;
    const graph = await new GraphStandIn({ people: castAsGraphPeople(), teamsAppId: TEAMS_APP, accessToken: firstEntraToken }).start();
    try {
      const credential = graphCredential({ tenantId: TENANT, graphClientId: WORKSPACE_APP, managedIdentityClientId: MANAGED_IDENTITY });
      const client = createGraphClient({ baseUrl: graph.url, getAccessToken: tokenFrom(credential, graph.url) });

      expect((await new GraphAppInstaller(client, TEAMS_APP, graph.url).installFor(MEGAN.id)).ok).toBe(true);

      expect(identityRequests.at(-1)).toEqual({ resource: 'api://AzureADTokenExchange', clientId: MANAGED_IDENTITY, header: IDENTITY_HEADER });
      const [request] = entra.tokenRequests;
      expect(entra.tokenRequests).toHaveLength(1);
      expect(request!.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
      expect(request!.form.get('grant_type')).toBe('client_credentials');
      expect(request!.form.get('client_id')).toBe(WORKSPACE_APP);
      expect(request!.form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      expect(request!.form.get('client_assertion')).toBe('managed-identity-token-for api://AzureADTokenExchange');
      expect(request!.form.get('client_secret')).toBeNull();
      expect(request!.form.get('scope')).toContain(`${new URL(graph.url).origin}/.default`);
      expect(graph.isInstalledFor(MEGAN.id)).toBe(true);
    } finally {
      await graph.stop();
    }
  });

  it('stays the managed identity itself when the Graph app is the managed identity: no Entra request', async () => {
    const before = entra.tokenRequests.length;
    const graph = await new GraphStandIn({ people: [], teamsAppId: TEAMS_APP, accessToken: 'placeholder' }).start();
    try {
      const resource = new URL(graph.url).origin;
      const credential = graphCredential({ tenantId: TENANT, graphClientId: MANAGED_IDENTITY, managedIdentityClientId: MANAGED_IDENTITY });

      expect(await tokenFrom(credential, graph.url)()).toBe(`managed-identity-token-for ${resource}`);

      expect(identityRequests.at(-1)).toEqual({ resource, clientId: MANAGED_IDENTITY, header: IDENTITY_HEADER });
      expect(entra.tokenRequests).toHaveLength(before);
    } finally {
      await graph.stop();
    }
  });
});
