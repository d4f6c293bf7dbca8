/**
 * `npm run package [-- --env dev | --env-file path] [--out build/appPackage.zip]`
 *
 * Fills teamsapp/manifest.json's `${{NAME}}` placeholders from the environment, then from the env file
 * (teamsapp/env/.env.<env>, default `dev`; the environment wins), checks the result against the official
 * schema and the rules Teams adds, and writes the app package zip (manifest.json, color.png, outline.png).
 * A missing value stops it with one line naming the value.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAppPackage, MissingValueError, parseEnvFile } from './lib/app-package.js';
import { schemaErrors, teamsRuleErrors } from './lib/manifest-checks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function main(): number {
  const { values: args } = parseArgs({
    options: {
      env: { type: 'string', default: 'dev' },
      'env-file': { type: 'string' },
      out: { type: 'string', default: 'build/appPackage.zip' },
    },
  });
  const envFile = resolve(root, args['env-file'] ?? join('teamsapp', 'env', `.env.${args.env}`));
  if (args['env-file'] && !existsSync(envFile)) {
    console.error(`Env file not found: ${envFile}`);
    return 1;
  }
  const fromFile = existsSync(envFile) ? parseEnvFile(readFileSync(envFile, 'utf8')) : {};
  const values: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(process.env)) if (value?.trim()) values[name] = value;

  const hint = ` (set it in the environment or in ${relative(process.cwd(), envFile) || envFile})`;
  let built;
  try {
    built = buildAppPackage(join(root, 'teamsapp'), values, hint);
  } catch (error) {
    if (error instanceof MissingValueError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const problems = [...schemaErrors(built.manifest), ...teamsRuleErrors(built.manifest, built.files)];
  if (problems.length > 0) {
    console.error(`The filled manifest is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const out = resolve(root, args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, built.zip);
  console.log(`Wrote ${relative(process.cwd(), out) || out} (manifest.json, color.png, outline.png)`);
  return 0;
}

process.exitCode = main();
