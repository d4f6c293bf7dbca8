import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip } from './zip.js';

/** The Agents Toolkit placeholder form: `${{NAME}}`. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export class MissingValueError extends Error {}

/** Parses a dotenv-style file as the Agents Toolkit writes them (`KEY=value`, `# comment`, optional quotes). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    let value = match[2] ?? '';
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    values[match[1] as string] = value;
  }
  return values;
}

/** The names of every placeholder in a template, in order of first appearance. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Fills `${{NAME}}` placeholders; an empty or absent value is an error naming it, so a half-filled
 * manifest never reaches Teams. Values are JSON-escaped, since the template is JSON.
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>, hint = ''): string {
  for (const name of placeholdersIn(template)) {
    if (!values[name]?.trim()) throw new MissingValueError(`Missing value: ${name}${hint}`);
  }
  return template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify((values[name] as string).trim()).slice(1, -1));
}

export interface AppPackage {
  readonly manifest: unknown;
  readonly files: { readonly 'color.png': Buffer; readonly 'outline.png': Buffer };
  readonly zip: Buffer;
}

/** Builds the Teams app package from `teamsapp/`: manifest.json filled in, color.png, outline.png. */
export function buildAppPackage(teamsappDir: string, values: Record<string, string | undefined>, hint = ''): AppPackage {
  const manifestText = fillTemplate(readFileSync(join(teamsappDir, 'manifest.json'), 'utf8'), values, hint);
  const manifest = JSON.parse(manifestText) as unknown;
  const files = {
    'color.png': readFileSync(join(teamsappDir, 'color.png')),
    'outline.png': readFileSync(join(teamsappDir, 'outline.png')),
  };
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
    { name: 'color.png', data: files['color.png'] },
    { name: 'outline.png', data: files['outline.png'] },
  ]);
  return { manifest, files, zip };
}
