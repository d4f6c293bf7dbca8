import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  blockAt,
  parseAppSettings,
  parseOutputs,
  parseParams,
  parseResources,
  propertyOf,
  stripComments,
  type BicepResource,
} from './bicep-template.js';

// Which check runs: no Bicep CLI can be installed from the project's registries (npm's `bicep` is an unrelated
// wireframing tool and `bicep-node` downloads the binary from GitHub; Debian has no package), so this test reads
// the template's structure rather than compiling it. docs/deploy-to-your-tenant.md says so too.
const template = readFileSync(new URL('../../infra/azure.bicep', import.meta.url), 'utf8');
const parameters = JSON.parse(readFileSync(new URL('../../infra/azure.parameters.json', import.meta.url), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};
const resources = parseResources(template);

function one(type: string): BicepResource {
  const found = resources.filter((r) => r.type === type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

/** The App Service Teams talks to (the worker's, when it runs apart, is `workerApp`). */
function webSite(): BicepResource {
  const site = resources.find((r) => r.type === 'Microsoft.Web/sites' && r.symbol === 'webApp');
  expect(site, 'webApp').toBeDefined();
  return site!;
}

/** The app settings both App Services share (`var appSettings`), as `name -> value expression`. */
function sharedAppSettings(): Map<string, string> {
  const clean = stripComments(template);
  return parseAppSettings(clean.slice(clean.indexOf('var appSettings =')).replace('var appSettings =', 'appSettings:'));
}

const TABLE_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';
const QUEUE_CONTRIBUTOR = '974c5e8b-45b9-4653-ba55-5f855dd0fb88';

describe('infra/azure.bicep', () => {
  it('parses: balanced braces, closed strings and comments, every resource with an API version', () => {
    expect(() => blockAt(`{${stripComments(template)}}`, 0)).not.toThrow();
    expect(resources.length).toBeGreaterThanOrEqual(10);
    for (const r of resources) expect(r.apiVersion, r.symbol).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  it('declares a user-assigned managed identity', () => {
    one('Microsoft.ManagedIdentity/userAssignedIdentities');
  });

  it('has a storage account for tables and queues, locked down', () => {
    const storage = one('Microsoft.Storage/storageAccounts');
    expect(propertyOf(storage.body, 'allowBlobPublicAccess')).toBe('false');
    expect(propertyOf(storage.body, 'allowSharedKeyAccess')).toBe('false');
    expect(propertyOf(storage.body, 'minimumTlsVersion')).toBe("'TLS1_2'");
    expect(propertyOf(storage.body, 'supportsHttpsTrafficOnly')).toBe('true');
    one('Microsoft.Storage/storageAccounts/tableServices');
    one('Microsoft.Storage/storageAccounts/queueServices');
  });

  it('gives the identity Storage Table Data Contributor and Storage Queue Data Contributor on the account', () => {
    const identity = one('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    const storage = one('Microsoft.Storage/storageAccounts').symbol;
    const assignments = resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments');
    const roleIds = new Map([...stripComments(template).matchAll(/^var\s+(\w+)\s*=\s*'([0-9a-f-]{36})'/gm)].map((m) => [m[1]!, m[2]!]));
    const granted = assignments.map((a) => {
      expect(propertyOf(a.body, 'scope')).toBe(storage);
      expect(propertyOf(a.body, 'principalId')).toBe(`${identity}.properties.principalId`);
      expect(propertyOf(a.body, 'principalType')).toBe("'ServicePrincipal'");
      const role = /roleDefinitions',\s*(\w+|'[0-9a-f-]{36}')\)/.exec(a.body)?.[1] ?? '';
      return role.startsWith("'") ? role.slice(1, -1) : roleIds.get(role);
    });
    expect(granted.sort()).toEqual([TABLE_CONTRIBUTOR, QUEUE_CONTRIBUTOR].sort());
  });

  it('runs the app on a Linux App Service plan with Node 20, as the managed identity', () => {
    const plan = one('Microsoft.Web/serverfarms');
    expect(propertyOf(plan.body, 'reserved')).toMatch(/^true/);
    const site = webSite();
    const identity = one('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    expect(propertyOf(site.body, 'kind')).toBe("'app,linux'");
    expect(propertyOf(site.body, 'linuxFxVersion')).toBe("'NODE|20-lts'");
    expect(propertyOf(site.body, 'httpsOnly')).toBe('true');
    expect(propertyOf(site.body, 'type')).toBe("'UserAssigned'");
    expect(site.body).toContain(`'\${${identity}.id}': {}`);
    expect(propertyOf(site.body, 'serverFarmId')).toBe(`${plan.symbol}.id`);
  });

  it('wires every app setting the configuration needs', () => {
    const identity = one('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    const storage = one('Microsoft.Storage/storageAccounts').symbol;
    const insights = one('Microsoft.Insights/components').symbol;
    const settings = sharedAppSettings();
    expect(propertyOf(webSite().body, 'appSettings')).toBe("concat(appSettings, [{ name: 'ROLE', value: splitWorker ? 'web' : 'all' }])");
    const clientId = `${identity}.properties.clientId`;
    expect(Object.fromEntries(settings)).toMatchObject({
      PORT: expect.any(String),
      BOT_ID: clientId,
      BOT_TENANT_ID: 'tenantId',
      BOT_TYPE: "'UserAssignedMSI'",
      TEAMS_TENANT_ID: 'tenantId',
      STORAGE_TABLE_ENDPOINT: `${storage}.properties.primaryEndpoints.table`,
      STORAGE_QUEUE_ENDPOINT: `${storage}.properties.primaryEndpoints.queue`,
      AZURE_CLIENT_ID: clientId,
      GRAPH_TENANT_ID: 'tenantId',
      GRAPH_CLIENT_ID: `empty(workspaceClientId) ? ${clientId} : workspaceClientId`,
      TEAMS_APP_ID: 'teamsAppId',
      COORDINATOR_IDS: 'coordinatorIds',
      GOVERNANCE_APPROVER_IDS: 'governanceApproverIds',
      ORGANISER_MAILBOX: 'organiserMailbox',
      APPLICATIONINSIGHTS_CONNECTION_STRING: `${insights}.properties.ConnectionString`,
    });
    expect(stripComments(template)).toMatch(/^var tenantId = subscription\(\)\.tenantId$/m);
  });

  it('registers an Azure Bot on the managed identity, with the Teams channel, pointing at the web app', () => {
    const bot = one('Microsoft.BotService/botServices');
    const identity = one('Microsoft.ManagedIdentity/userAssignedIdentities').symbol;
    const site = webSite().symbol;
    expect(propertyOf(bot.body, 'location')).toBe("'global'");
    expect(propertyOf(bot.body, 'msaAppType')).toBe("'UserAssignedMSI'");
    expect(propertyOf(bot.body, 'msaAppId')).toBe(`${identity}.properties.clientId`);
    expect(propertyOf(bot.body, 'msaAppMSIResourceId')).toBe(`${identity}.id`);
    expect(propertyOf(bot.body, 'msaAppTenantId')).toBe('tenantId');
    expect(propertyOf(bot.body, 'endpoint')).toBe(`'https://\${${site}.properties.defaultHostName}/api/messages'`);
    const channel = one('Microsoft.BotService/botServices/channels');
    expect(propertyOf(channel.body, 'parent')).toBe(bot.symbol);
    expect(propertyOf(channel.body, 'channelName')).toBe("'MsTeamsChannel'");
  });

  it('runs one app doing both (ROLE=all) until scaled out, then a worker apart on the same plan (ROLE=worker, one instance)', () => {
    const clean = stripComments(template);
    expect(clean).toMatch(/^param webInstances int = 1$/m);
    expect(clean).toMatch(/^var splitWorker = webInstances > 1$/m);
    const plan = one('Microsoft.Web/serverfarms');
    expect(propertyOf(plan.body, 'perSiteScaling')).toBe('splitWorker');
    expect(propertyOf(plan.body, 'sku')).toBe('{ name: webAppSku, capacity: webInstances }');
    expect(propertyOf(webSite().body, 'numberOfWorkers')).toBe('webInstances');
    const workers = resources.filter((r) => r.type === 'Microsoft.Web/sites' && r.symbol === 'workerApp');
    expect(workers).toHaveLength(1);
    const worker = workers[0]!;
    expect(clean).toMatch(/^resource workerApp 'Microsoft\.Web\/sites@[\d-]+' = if \(splitWorker\) \{$/m);
    expect(propertyOf(worker.body, 'serverFarmId')).toBe(`${plan.symbol}.id`);
    expect(propertyOf(worker.body, 'numberOfWorkers')).toBe('1');
    expect(propertyOf(worker.body, 'healthCheckPath')).toBe("'/health'");
    expect(propertyOf(worker.body, 'appSettings')).toBe("concat(appSettings, [{ name: 'ROLE', value: 'worker' }])");
    expect(propertyOf(worker.body, 'appCommandLine')).toBe(propertyOf(webSite().body, 'appCommandLine'));
    // Teams is sent to the web app alone.
    expect(propertyOf(one('Microsoft.BotService/botServices').body, 'endpoint')).toContain(`${webSite().symbol}.properties.defaultHostName`);
  });

  it('sends telemetry to Application Insights backed by Log Analytics', () => {
    const workspace = one('Microsoft.OperationalInsights/workspaces');
    const insights = one('Microsoft.Insights/components');
    expect(propertyOf(insights.body, 'WorkspaceResourceId')).toBe(`${workspace.symbol}.id`);
  });

  it('outputs what the Agents Toolkit writes back to the env file', () => {
    const outputs = parseOutputs(template);
    for (const name of ['BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'WORKER_AZURE_APP_SERVICE_RESOURCE_ID', 'TEAMS_TENANT_ID']) expect([...outputs.keys()]).toContain(name);
    // teamsapp.yml deploys the same package to it: the worker apart when there is one, else the web app again (never empty).
    expect(outputs.get('WORKER_AZURE_APP_SERVICE_RESOURCE_ID')).toBe(`splitWorker ? workerApp.id : ${webSite().symbol}.id`);
  });

  it('holds no secrets: no keys listed, no secure parameters, no passwords or connection strings taken in', () => {
    const clean = stripComments(template);
    expect(clean).not.toMatch(/listKeys|listConnectionStrings|AccountKey=|SharedAccessSignature|password|secret/i);
    for (const [name, param] of parseParams(template)) {
      expect(param.secure, name).toBe(false);
      expect(name).not.toMatch(/password|secret|key$/i);
    }
  });
});

describe('infra/azure.parameters.json', () => {
  it('names only parameters the template declares, and supplies every one without a default', () => {
    const declared = parseParams(template);
    for (const name of Object.keys(parameters.parameters)) expect([...declared.keys()], name).toContain(name);
    for (const [name, param] of declared) if (!param.hasDefault) expect(Object.keys(parameters.parameters), name).toContain(name);
  });

  it('holds no secrets: values are plain settings or ${{ENV}} placeholders that carry none', () => {
    const text = JSON.stringify(parameters);
    expect(text).not.toMatch(/password|secret|AccountKey|SECRET_/i);
    for (const placeholder of text.match(/\$\{\{(\w+)\}\}/g) ?? []) expect(placeholder).not.toMatch(/SECRET|PASSWORD|KEY/);
  });
});
