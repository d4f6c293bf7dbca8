import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersIn } from '../../scripts/lib/app-package.js';
import { schemaErrors, schemaPath, teamsRuleErrors } from '../../scripts/lib/manifest-checks.js';
import { decodePng, encodePng, readPngHeader } from '../../scripts/lib/png.js';
import { makeIcons } from '../../scripts/make-icons.js';
import { SAMPLE_VALUES } from './sample-values.js';

const template = readFileSync(new URL('../../teamsapp/manifest.json', import.meta.url), 'utf8');
const color = readFileSync(new URL('../../teamsapp/color.png', import.meta.url));
const outline = readFileSync(new URL('../../teamsapp/outline.png', import.meta.url));
const files = { 'color.png': color, 'outline.png': outline };

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  manifestVersion: string;
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  developer: Record<string, string>;
  description: { short: string; full: string };
}

const filled = (): Manifest => JSON.parse(fillTemplate(template, SAMPLE_VALUES)) as Manifest;

describe('teamsapp/manifest.json', () => {
  it('is a template with the Agents Toolkit placeholders, and nothing else unfilled', () => {
    expect(placeholdersIn(template)).toEqual(expect.arrayContaining(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']));
    expect(placeholdersIn(template).every((name) => name in SAMPLE_VALUES)).toBe(true);
  });

  it('uses schema v1.19 or later, shipped by @microsoft/app-manifest', () => {
    const { manifestVersion } = filled();
    const [major, minor] = manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(() => readFileSync(schemaPath(manifestVersion))).not.toThrow();
  });

  it('validates against the official JSON schema once filled (all errors listed)', () => {
    expect(schemaErrors(filled())).toEqual([]);
  });

  it('passes the checks Teams applies beyond the schema', () => {
    expect(teamsRuleErrors(filled(), files)).toEqual([]);
  });

  it('offers the bot in personal and team scope, with a command list for each', () => {
    const bot = filled().bots[0]!;
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot.commandLists.map((list) => list.scopes).flat().sort()).toEqual(['personal', 'team']);
  });

  it('lists every command of the brief across the menus, each with a description', () => {
    const lists = filled().bots[0]!.commandLists;
    const titles = new Set(lists.flatMap((list) => list.commands.map((c) => c.title)));
    const everyone = ['help', 'sign up', 'my status', 'sessions', 'my profile', 'log meeting', 'support'];
    const coordinators = ['new session', 'attendance', 'broadcast', 'pipeline', 'dbs', 'young people', 'match'];
    for (const title of [...everyone, ...coordinators]) expect(titles, title).toContain(title);
    const personal = lists.find((list) => list.scopes.includes('personal'))!.commands.map((c) => c.title);
    for (const title of everyone) expect(personal).toContain(title);
    // the personal-data commands stay out of a channel
    const team = lists.find((list) => list.scopes.includes('team'))!.commands.map((c) => c.title);
    for (const title of ['young people', 'match', 'dbs', 'my profile']) expect(team).not.toContain(title);
  });

  it('wires webApplicationInfo to the workspace app, not the bot, and the bot domain into validDomains', () => {
    const manifest = filled();
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE_VALUES['AAD_APP_CLIENT_ID'],
      resource: `api://${SAMPLE_VALUES['BOT_DOMAIN']}/${SAMPLE_VALUES['AAD_APP_CLIENT_ID']}`,
    });
    expect(manifest.webApplicationInfo.id).not.toBe(SAMPLE_VALUES['BOT_ID']);
    expect(manifest.validDomains).toContain(SAMPLE_VALUES['BOT_DOMAIN']);
    expect(manifest.developer['privacyUrl']).toBe(SAMPLE_VALUES['COUNCIL_PRIVACY_URL']);
  });

  it('names in webApplicationInfo the app whose Application ID URI the Entra manifest registers', () => {
    const entra = readFileSync(new URL('../../teamsapp/aad.manifest.json', import.meta.url), 'utf8');
    const { appId, identifierUris } = JSON.parse(fillTemplate(entra, { ...SAMPLE_VALUES, AAD_APP_OBJECT_ID: 'x', APP_NAME_SUFFIX: 'dev', AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'y' })) as { appId: string; identifierUris: string[] };
    const { webApplicationInfo } = filled();
    expect(appId).toBe(webApplicationInfo.id);
    expect(identifierUris).toContain(webApplicationInfo.resource);
  });

  it('gives that app the Graph application permissions the bot’s calls run with', () => {
    const entra = JSON.parse(readFileSync(new URL('../../teamsapp/aad.manifest.json', import.meta.url), 'utf8')) as {
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    };
    const graph = entra.requiredResourceAccess.find((resource) => resource.resourceAppId === 'Microsoft Graph')!;
    const roles = graph.resourceAccess.filter((access) => access.type === 'Role').map((access) => access.id);
    expect(roles.sort()).toEqual(['Calendars.ReadWrite', 'GroupMember.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All', 'User.Read.All']);
  });

  it('flags webApplicationInfo naming the bot id, or a resource that is not the app’s own URI', () => {
    const manifest = filled();
    manifest.webApplicationInfo = { id: SAMPLE_VALUES['BOT_ID']!, resource: `api://botid-${SAMPLE_VALUES['BOT_ID']}` };
    const errors = teamsRuleErrors(manifest, files).join('\n');
    expect(errors).toContain('webApplicationInfo.id must be the workspace app (AAD_APP_CLIENT_ID), not the bot id');
    expect(errors).toContain("webApplicationInfo.resource must be the workspace app's api://<valid domain>/<id> URI");
  });

  it('offers the workspace as a personal tab served by the bot at /workspace/, beside the chat', () => {
    const tabs = (filled() as unknown as { staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[] }).staticTabs;
    expect(tabs[0]).toMatchObject({ entityId: 'workspace', name: 'Workspace', contentUrl: `https://${SAMPLE_VALUES['BOT_DOMAIN']}/workspace/`, scopes: ['personal'] });
    expect(tabs.map((tab) => tab.entityId)).toContain('conversations');
  });

  it('reads the icon sizes from the PNG headers: color 192×192, outline 32×32 with an alpha channel', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192, bitDepth: 8 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colourType: 6 });
  });

  it('has an outline icon that is white on transparent', () => {
    const { pixels } = decodePng(outline);
    const alphas = [...pixels.filter((_, i) => i % 4 === 3)];
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('has committed icons that match what scripts/make-icons.ts draws', () => {
    const made = makeIcons();
    expect(made.color.equals(color)).toBe(true);
    expect(made.outline.equals(outline)).toBe(true);
  });
});

describe('the manifest checks catch what Teams would refuse', () => {
  it('reports every schema error at once', () => {
    const manifest = filled() as unknown as Record<string, unknown>;
    manifest['id'] = 'not-a-guid';
    manifest['unknownProperty'] = true;
    (manifest['bots'] as Manifest['bots'])[0]!.scopes = ['personal', 'everywhere'];
    const errors = schemaErrors(manifest);
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
    expect(errors.some((e) => e.includes('unknownProperty'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/scopes/1'))).toBe(true);
  });

  it('flags more than 10 commands in a list and a title used twice', () => {
    const manifest = filled();
    const personal = manifest.bots[0]!.commandLists[0]!;
    personal.commands.push({ title: 'Help', description: 'again' });
    const errors = teamsRuleErrors(manifest, files);
    expect(errors).toContain('bots[0].commandLists[0] has 11 commands; Teams shows at most 10');
    expect(errors).toContain('bots[0].commandLists[0]: command title "help" appears twice');
  });

  it('flags bad GUIDs, unfilled placeholders and a domain with a scheme', () => {
    const manifest = JSON.parse(fillTemplate(template, { ...SAMPLE_VALUES, BOT_DOMAIN: 'https://bot.example.net/' })) as Manifest;
    manifest.id = '00000000-0000-0000-0000-000000000000';
    manifest.bots[0]!.botId = '${{BOT_ID}}';
    const errors = teamsRuleErrors(manifest, files).join('\n');
    expect(errors).toContain('id must not be the empty GUID');
    expect(errors).toContain('bots[0].botId must be a GUID');
    expect(errors).toContain('placeholders not filled: ${{BOT_ID}}');
    expect(errors).toContain('must be a bare host name');
  });

  it('flags icons of the wrong size and an outline icon that is not white on transparent', () => {
    const solid = (size: number, rgba: [number, number, number, number]) =>
      encodePng({ width: size, height: size, pixels: new Uint8Array(size * size * 4).map((_, i) => rgba[i % 4]!) });
    const errors = teamsRuleErrors(filled(), { 'color.png': solid(96, [0, 0, 0, 255]), 'outline.png': solid(32, [30, 30, 30, 255]) });
    expect(errors).toContain('icons.color: color.png must be 192×192, is 96×96');
    expect(errors).toContain('icons.outline: outline.png has no transparent pixels; its background must be transparent');
    expect(errors).toContain('icons.outline: outline.png has 1024 visible pixels that are not white');
  });

  it('names the first missing value when filling', () => {
    const { BOT_DOMAIN: _omitted, ...rest } = SAMPLE_VALUES;
    expect(() => fillTemplate(template, rest)).toThrow('Missing value: BOT_DOMAIN');
  });
});
