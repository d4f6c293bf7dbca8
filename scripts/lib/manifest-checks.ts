import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv-draft-04';
import type AjvDraft04 from 'ajv-draft-04';
import type addFormatsPlugin from 'ajv-formats';
import { decodePng, readPngHeader } from './png.js';

// Both packages are CommonJS with `module.exports = fn`: load them through require so types and runtime agree.
const require = createRequire(import.meta.url);
// Under NodeNext a CommonJS `export default` types as the module object, whose `default` is the export itself.
const Ajv = require('ajv-draft-04') as (typeof AjvDraft04)['default'];
const addFormats = require('ajv-formats') as (typeof addFormatsPlugin)['default'];

export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Teams shows at most this many commands in one command list (the schema's maxItems agrees). */
export const MAX_COMMANDS_PER_LIST = 10;

/** The official schema file for a manifest version, as `@microsoft/app-manifest` ships it. */
export function schemaPath(manifestVersion: string): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return packageJson.replace(/package\.json$/, `build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
}

/** Every schema error at once, as readable lines (`/bots/0/botId must match pattern ...`). */
export function schemaErrors(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  const path = schemaPath(version);
  if (!existsSync(path)) return [`/manifestVersion ${version} has no schema in @microsoft/app-manifest (${path})`];
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete schema['$schema']; // draft-04 meta-schema is built into ajv-draft-04; the URL form differs
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${describeParams(e)}`);
}

function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (typeof params['additionalProperty'] === 'string') return `: ${params['additionalProperty']}`;
  if (Array.isArray(params['allowedValues'])) return `: ${params['allowedValues'].join(', ')}`;
  return '';
}

interface Command {
  title?: unknown;
  description?: unknown;
}
interface CommandList {
  scopes?: unknown;
  commands?: Command[];
}
interface Bot {
  botId?: unknown;
  scopes?: unknown;
  commandLists?: CommandList[];
}
interface Manifest {
  id?: unknown;
  icons?: { color?: unknown; outline?: unknown };
  bots?: Bot[];
  validDomains?: unknown;
  webApplicationInfo?: { id?: unknown; resource?: unknown };
}

export interface PackageFiles {
  /** Files of the package by their name in the manifest (`color.png`, `outline.png`). */
  readonly [name: string]: Uint8Array | undefined;
}

/**
 * The rules Teams (Developer Portal, admin centre upload) applies that the JSON schema does not express,
 * or expresses only loosely. Returns readable lines, empty when all hold.
 */
export function teamsRuleErrors(manifestValue: unknown, files: PackageFiles): string[] {
  const manifest = manifestValue as Manifest;
  const errors: string[] = [];
  const text = JSON.stringify(manifestValue);
  const leftover = text.match(/\$\{\{[A-Z0-9_]+\}\}/g);
  if (leftover) errors.push(`placeholders not filled: ${[...new Set(leftover)].join(', ')}`);

  const guid = (where: string, value: unknown) => {
    if (typeof value !== 'string' || !GUID.test(value)) errors.push(`${where} must be a GUID, got ${JSON.stringify(value)}`);
    else if (/^[0-]+$/.test(value)) errors.push(`${where} must not be the empty GUID`);
  };
  guid('id', manifest.id);
  for (const [i, bot] of (manifest.bots ?? []).entries()) guid(`bots[${i}].botId`, bot.botId);
  if (manifest.webApplicationInfo) {
    guid('webApplicationInfo.id', manifest.webApplicationInfo.id);
    const botId = manifest.bots?.[0]?.botId;
    const resource = manifest.webApplicationInfo.resource;
    if (resource !== undefined && (typeof resource !== 'string' || !/^api:\/\/\S+/.test(resource))) {
      errors.push(`webApplicationInfo.resource must be an api:// URI, got ${JSON.stringify(resource)}`);
    }
    // Teams issues the tab's single sign-on token for this app, and Graph's "Self" (proactive installation) is this
    // app too: the workspace app registration, which the bot's managed identity signs in as (docs/workspace.md).
    if (typeof botId === 'string' && manifest.webApplicationInfo.id === botId) {
      errors.push('webApplicationInfo.id must be the workspace app (AAD_APP_CLIENT_ID), not the bot id: Teams gives the tab tokens only for it');
    }
    const domains = Array.isArray(manifest.validDomains) ? (manifest.validDomains as unknown[]) : [];
    const expected = domains.map((domain) => `api://${String(domain)}/${String(manifest.webApplicationInfo?.id)}`);
    if (typeof resource === 'string' && !expected.includes(resource)) {
      errors.push(`webApplicationInfo.resource must be the workspace app's api://<valid domain>/<id> URI, got ${JSON.stringify(resource)}`);
    }
  }

  const icon = (role: 'color' | 'outline', size: number) => {
    const name = manifest.icons?.[role];
    if (typeof name !== 'string') return errors.push(`icons.${role} is missing`);
    const file = files[name];
    if (!file) return errors.push(`icons.${role}: file ${name} is not in the package`);
    try {
      const header = readPngHeader(file);
      if (header.width !== size || header.height !== size) {
        errors.push(`icons.${role}: ${name} must be ${size}×${size}, is ${header.width}×${header.height}`);
      }
      if (role === 'outline') errors.push(...outlineErrors(name, file));
    } catch (error) {
      errors.push(`icons.${role}: ${name}: ${(error as Error).message}`);
    }
    return undefined;
  };
  icon('color', 192);
  icon('outline', 32);

  for (const [b, bot] of (manifest.bots ?? []).entries()) {
    const botScopes = Array.isArray(bot.scopes) ? (bot.scopes as string[]) : [];
    const listed = new Set<string>();
    for (const [l, list] of (bot.commandLists ?? []).entries()) {
      const where = `bots[${b}].commandLists[${l}]`;
      const commands = list.commands ?? [];
      if (commands.length > MAX_COMMANDS_PER_LIST) {
        errors.push(`${where} has ${commands.length} commands; Teams shows at most ${MAX_COMMANDS_PER_LIST}`);
      }
      const titles = new Set<string>();
      for (const command of commands) {
        const title = typeof command.title === 'string' ? command.title.trim().toLowerCase() : '';
        if (!title) errors.push(`${where}: a command has no title`);
        else if (titles.has(title)) errors.push(`${where}: command title "${title}" appears twice`);
        titles.add(title);
        if (typeof command.description !== 'string' || command.description.trim() === '') {
          errors.push(`${where}: command "${title}" has no description`);
        }
      }
      for (const scope of Array.isArray(list.scopes) ? (list.scopes as string[]) : []) {
        if (!botScopes.includes(scope)) errors.push(`${where}: scope ${scope} is not one of the bot's scopes`);
        if (listed.has(scope)) errors.push(`${where}: scope ${scope} already has a command list`);
        listed.add(scope);
      }
    }
  }

  for (const domain of Array.isArray(manifest.validDomains) ? (manifest.validDomains as unknown[]) : []) {
    if (typeof domain !== 'string' || /[/:]/.test(domain) || !/^(\*\.)?[A-Za-z0-9.-]+$/.test(domain)) {
      errors.push(`validDomains: ${JSON.stringify(domain)} must be a bare host name (no scheme, port or path)`);
    }
  }
  return errors;
}

/** Teams wants the outline icon white on a fully transparent background: every visible pixel white. */
function outlineErrors(name: string, file: Uint8Array): string[] {
  const { colourType } = readPngHeader(file);
  if (colourType !== 6) return [`icons.outline: ${name} must have an alpha channel (RGBA), has colour type ${colourType}`];
  const { pixels } = decodePng(file);
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3] as number;
    if (alpha === 0) transparent++;
    else if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) notWhite++;
  }
  const errors: string[] = [];
  if (transparent === 0) errors.push(`icons.outline: ${name} has no transparent pixels; its background must be transparent`);
  if (notWhite > 0) errors.push(`icons.outline: ${name} has ${notWhite} visible pixels that are not white`);
  return errors;
}
