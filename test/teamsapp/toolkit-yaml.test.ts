import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseEnvFile, placeholdersIn } from '../../scripts/lib/app-package.js';
import { parseOutputs } from '../infra/bicep-template.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

function load(file: string): { text: string; project: ProjectFile } {
  const text = readFileSync(join(root, file), 'utf8');
  return { text, project: parse(text) as ProjectFile };
}

/** Inputs the steps read from the project (outputs such as outputZipPath are made by the steps themselves). */
const INPUT_KEYS = new Set(['path', 'parameters', 'manifestPath', 'ignoreFile', 'artifactFolder', 'workingDirectory']);

function namedFiles(project: ProjectFile): string[] {
  const files = project.environmentFolderPath ? [project.environmentFolderPath] : [];
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((item) => visit(item));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (typeof value === 'string' && key && INPUT_KEYS.has(key)) files.push(value);
  };
  for (const stage of [project.provision, project.deploy, project.publish]) visit(stage);
  return files;
}

const uses = (steps: Step[] | undefined) => (steps ?? []).map((step) => step.uses);

/** Names the Toolkit knows before any step runs, or asks the user for when they are empty. */
const BUILT_IN = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
/** Names a step writes whatever its writeToEnvironmentFile says (the Toolkit's internal outputs). */
const INTERNAL_OUTPUTS: Record<string, string[]> = {
  'teamsApp/create': ['TEAMS_APP_TENANT_ID'],
  // The Toolkit generates the access_as_user scope's id the first time aadApp/update runs.
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};

/** Every `${{NAME}}` a file uses is in the env file, built in, or written by a step or the Bicep outputs. */
function undefinedNames(project: ProjectFile, texts: string[], envFile: string): string[] {
  const env = parseEnvFile(readFileSync(join(root, envFile), 'utf8'));
  const written = new Set<string>();
  for (const step of [...(project.provision ?? []), ...(project.deploy ?? [])]) {
    for (const name of [...Object.values(step.writeToEnvironmentFile ?? {}), ...(INTERNAL_OUTPUTS[step.uses] ?? [])]) written.add(name);
    if (step.uses === 'arm/deploy') {
      for (const t of (step.with?.['templates'] as { path: string }[]) ?? []) {
        for (const name of parseOutputs(readFileSync(join(root, t.path), 'utf8')).keys()) written.add(name);
      }
    }
  }
  const used = texts.flatMap((text) => placeholdersIn(text));
  return [...new Set(used)].filter((name) => !(name in env) && !BUILT_IN.has(name) && !written.has(name));
}

describe('teamsapp.yml (cloud environments)', () => {
  const { text, project } = load('teamsapp.yml');

  it('is an Agents Toolkit v1.x project file', () => {
    expect(project.version).toMatch(/^v?1\.\d+(\.\d+)?$/);
    expect(text).toMatch(/\$schema=https:\/\/aka\.ms\/teams-toolkit\/v1\.\d+\/yaml\.schema\.json/);
  });

  it('provisions: Teams app, the workspace Entra app, ARM deployment of infra/azure.bicep, its SSO scope, manifest validation, zip, update', () => {
    expect(uses(project.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const arm = project.provision!.find((s) => s.uses === 'arm/deploy')!;
    expect(arm.with!['templates']).toEqual([expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' })]);
    expect(project.provision![0]!.writeToEnvironmentFile).toEqual({ teamsAppId: 'TEAMS_APP_ID' });
  });

  it('deploys: npm build, then zip deploy to the App Service the Bicep outputs', () => {
    expect(uses(project.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy', 'azureAppService/zipDeploy']);
    expect(project.deploy!.map((s) => s.with?.['args']).filter(Boolean)).toContain('run build');
    expect(project.deploy![2]!.with!['resourceId']).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    // The same package to the delivery worker (ROLE=worker), which the Bicep outputs (the web app's id while none runs apart).
    expect(project.deploy![3]!.with!['resourceId']).toBe('${{WORKER_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect({ ...project.deploy![3]!.with, resourceId: undefined }).toEqual({ ...project.deploy![2]!.with, resourceId: undefined });
  });

  it('publishes the package to the organisation catalogue', () => {
    expect(uses(project.publish)).toContain('teamsApp/publishAppPackage');
    expect(uses(project.publish)).toContain('teamsApp/zipAppPackage');
  });

  it('names only files that exist', () => {
    for (const file of namedFiles(project)) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('uses only values the dev env file, a step or the Bicep outputs provide (manifest and ARM parameters too)', () => {
    const texts = [text, readFileSync(join(root, 'teamsapp/manifest.json'), 'utf8'), readFileSync(join(root, 'infra/azure.parameters.json'), 'utf8')];
    expect(undefinedNames(project, texts, 'teamsapp/env/.env.dev')).toEqual([]);
  });
});

describe('teamsapp.local.yml (debugging in Teams from a laptop)', () => {
  const { text, project } = load('teamsapp.local.yml');

  it('is an Agents Toolkit v1.x project file', () => {
    expect(project.version).toMatch(/^v?1\.\d+(\.\d+)?$/);
  });

  it('provisions: Teams app, bot app registration, Bot Framework registration, validation, zip, update', () => {
    expect(uses(project.provision)).toEqual([
      'teamsApp/create',
      'botAadApp/create',
      'botFramework/create',
      'aadApp/create',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const bot = project.provision!.find((s) => s.uses === 'botFramework/create')!;
    expect(bot.with!['messagingEndpoint']).toBe('${{BOT_ENDPOINT}}/api/messages');
    expect(bot.with!['channels']).toEqual([{ name: 'msteams' }]);
    const aad = project.provision!.find((s) => s.uses === 'botAadApp/create')!;
    expect(aad.writeToEnvironmentFile!['botPassword']).toMatch(/^SECRET_/);
  });

  it('writes the bot settings to a git-ignored file', () => {
    const write = project.deploy!.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!;
    expect(write.with!['target']).toBe('./teamsapp/env/.localConfigs');
    expect(readFileSync(join(root, 'teamsapp/env/.gitignore'), 'utf8')).toMatch(/^\.localConfigs$/m);
    expect(readFileSync(join(root, 'teamsapp/env/.gitignore'), 'utf8')).toMatch(/^\*\.user$/m);
  });

  it("makes a single-tenant bot that acts only on Teams activities from the Toolkit's tenant", () => {
    const envs = project.deploy!.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!.with!['envs'] as Record<string, unknown>;
    expect(envs).toMatchObject({ BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: '${{TEAMS_APP_TENANT_ID}}', TEAMS_TENANT_ID: '${{TEAMS_APP_TENANT_ID}}' });
    expect(uses(project.provision)[0]).toBe('teamsApp/create');
  });

  it('names only files that exist', () => {
    for (const file of namedFiles(project)) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('uses only values the local env file or a step provides', () => {
    const texts = [text, readFileSync(join(root, 'teamsapp/manifest.json'), 'utf8')];
    expect(undefinedNames(project, texts, 'teamsapp/env/.env.local')).toEqual([]);
  });
});
