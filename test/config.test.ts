import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pickPerson, playgroundConfig, readLocalDirectory } from '../scripts/lib/playground.js';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs in local mode with nothing configured', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.ROLE).toBe('all');
    expect(config.mode).toEqual({ storage: 'embedded', directory: 'localFile', auth: 'off' });
  });

  it('switches each part on when its settings are present', () => {
    const config = loadConfig({
      BOT_ID: 'a0b1c2d3-0000-4000-8000-000000000000',
      BOT_TYPE: 'UserAssignedMSI',
      TEAMS_TENANT_ID: 'c0ffee00-1111-4222-8333-444455556666',
      STORAGE_TABLE_ENDPOINT: 'https://acct.table.core.windows.net',
      STORAGE_QUEUE_ENDPOINT: 'https://acct.queue.core.windows.net',
      GRAPH_TENANT_ID: 'tenant',
      GRAPH_CLIENT_ID: 'client',
      COORDINATOR_IDS: 'a0b1c2d3-0000-4000-8000-000000000001, a0b1c2d3-0000-4000-8000-000000000002',
    });
    expect(config.mode).toEqual({ storage: 'azure', directory: 'graph', auth: 'on' });
    expect(config.COORDINATOR_IDS).toHaveLength(2);
  });

  it('makes a single-tenant bot unless told otherwise (Azure creates no multi-tenant bots since 31 July 2025)', () => {
    expect(loadConfig({}).BOT_TYPE).toBe('SingleTenant');
    const config = loadConfig({ BOT_ID: 'a0b1c2d3-0000-4000-8000-000000000000', BOT_PASSWORD: 'secret', BOT_TENANT_ID: 'c0ffee00-1111-4222-8333-444455556666', TEAMS_TENANT_ID: 'c0ffee00-1111-4222-8333-444455556666' });
    expect(config.BOT_TYPE).toBe('SingleTenant');
    expect(loadConfig({ BOT_ID: 'a0b1c2d3-0000-4000-8000-000000000000', BOT_TYPE: 'UserAssignedMSI', TEAMS_TENANT_ID: 'c0ffee00-1111-4222-8333-444455556666' }).BOT_TYPE).toBe('UserAssignedMSI');
  });

  it("trusts the Agents Playground's tenant in local mode, and the configured tenant otherwise", () => {
    const directory = readLocalDirectory('local/directory.json');
    const playground = parse(playgroundConfig(directory, pickPerson(directory, 'senior'))) as { tenantId: string };
    expect(loadConfig({}).TEAMS_TENANT_ID).toBe(playground.tenantId);
    expect(loadConfig({ TEAMS_TENANT_ID: ' C0FFEE00-1111-4222-8333-444455556666 ' }).TEAMS_TENANT_ID).toBe('C0FFEE00-1111-4222-8333-444455556666');
    expect(loadConfig({ TEAMS_TENANT_ID: '' }).TEAMS_TENANT_ID).toBe(playground.tenantId);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ COORDINATOR_IDS: 'not-a-guid' }, 'COORDINATOR_IDS'],
    [{ GRAPH_BASE_URL: 'graph' }, 'GRAPH_BASE_URL'],
    [{ TABLE_PREFIX: 'has space' }, 'TABLE_PREFIX'],
    [{ APPROVAL_REMINDER_WORKING_DAYS: '0' }, 'APPROVAL_REMINDER_WORKING_DAYS'],
    [{ BOT_ID: 'x' }, 'BOT_PASSWORD'],
    [{ BOT_ID: 'x', BOT_PASSWORD: 'p' }, 'BOT_TENANT_ID'],
    [{ BOT_ID: 'x', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' }, 'TEAMS_TENANT_ID'],
    [{ BOT_ID: 'x', BOT_TYPE: 'UserAssignedMSI' }, 'TEAMS_TENANT_ID'],
    [{ TEAMS_TENANT_ID: 'not a tenant' }, 'TEAMS_TENANT_ID'],
    [{ TEAMS_TENANT_ID: 'c0ffee00/../x' }, 'TEAMS_TENANT_ID'],
    [{ STORAGE_TABLE_ENDPOINT: 'https://a.table.core.windows.net' }, 'STORAGE_QUEUE_ENDPOINT'],
    [{ GRAPH_CLIENT_ID: 'c' }, 'GRAPH_TENANT_ID'],
    [{ TEAMS_APP_ID: 'app' }, 'TEAMS_APP_ID'],
    [{ ROLE: 'both' }, 'ROLE'],
  ])('refuses %j with one line naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`^Configuration error: ${name}\\b`));
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('stops `npm start` with that one line and a non-zero exit', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('Configuration error: PORT must be a port number from 0 to 65535');
  });
});
