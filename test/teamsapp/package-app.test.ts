import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../scripts/lib/app-package.js';
import { schemaErrors, teamsRuleErrors } from '../../scripts/lib/manifest-checks.js';
import { readZip, writeZip } from '../../scripts/lib/zip.js';
import { SAMPLE_VALUES } from './sample-values.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** Runs the package script with a clean environment: only PATH and what the test gives. */
function runPackage(args: string[], env: Record<string, string>) {
  return spawnSync(tsx, [join(root, 'scripts', 'package-app.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
  });
}

describe('zip writer', () => {
  it('round-trips entries through the reader, with CRCs checked', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello '.repeat(100)) },
      { name: 'empty', data: Buffer.alloc(0) },
      { name: 'dir/b.bin', data: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)) },
    ];
    const back = readZip(writeZip(entries));
    expect(back.map((e) => e.name)).toEqual(['a.txt', 'empty', 'dir/b.bin']);
    back.forEach((entry, i) => expect(Buffer.from(entry.data).equals(entries[i]!.data)).toBe(true));
  });

  it('detects a corrupted entry', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('stored data that deflates') }]);
    const centralAt = zip.readUInt32LE(zip.length - 22 + 16);
    zip[centralAt + 16] = zip[centralAt + 16]! ^ 0xff; // the CRC recorded in the central directory

    expect(() => readZip(zip)).toThrow(/CRC mismatch/);
  });
});

describe('env files', () => {
  it('reads KEY=value lines, quotes and comments the way the Toolkit writes them', () => {
    expect(parseEnvFile('# c\nA=1\nB="two words"\nC=x # note\n\nexport D=\'q\'\nE=\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x',
      D: 'q',
      E: '',
    });
  });
});

describe('npm run package', () => {
  it('writes build/appPackage.zip-style output with manifest.json, color.png and outline.png', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'apppkg-')), 'appPackage.zip');
    const result = runPackage(['--out', out], { ...SAMPLE_VALUES });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const entries = readZip(readFileSync(out));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(entries.find((e) => e.name === 'manifest.json')!.data).toString('utf8')) as {
      id: string;
    };
    expect(manifest.id).toBe(SAMPLE_VALUES['TEAMS_APP_ID']);
    const files = Object.fromEntries(entries.map((e) => [e.name, e.data]));
    expect(schemaErrors(manifest)).toEqual([]);
    expect(teamsRuleErrors(manifest, files)).toEqual([]);
  });

  it('reads values from an env file, the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apppkg-'));
    const envFile = join(dir, '.env.test');
    writeFileSync(envFile, Object.entries({ ...SAMPLE_VALUES, BOT_DOMAIN: 'from-file.example.net' }).map(([k, v]) => `${k}=${v}`).join('\n'));
    const out = join(dir, 'app.zip');
    const result = runPackage(['--env-file', envFile, '--out', out], { BOT_DOMAIN: 'from-env.example.net' });
    expect(result.status).toBe(0);
    const manifest = Buffer.from(readZip(readFileSync(out)).find((e) => e.name === 'manifest.json')!.data).toString('utf8');
    expect(manifest).toContain('"from-env.example.net"');
    expect(manifest).not.toContain('from-file');
  });

  it('fails with one clear line naming a missing value', () => {
    const { BOT_ID: _omitted, ...rest } = SAMPLE_VALUES;
    const dir = mkdtempSync(join(tmpdir(), 'apppkg-'));
    const result = runPackage(['--env-file', join(root, 'teamsapp', 'env', '.env.dev'), '--out', join(dir, 'x.zip')], rest);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Missing value: BOT_ID \(set it in the environment or in .*\.env\.dev\)$/m);
  });

  it('refuses a value that makes the manifest invalid, listing why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apppkg-'));
    const result = runPackage(['--out', join(dir, 'x.zip')], { ...SAMPLE_VALUES, TEAMS_APP_ID: 'not-a-guid' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/id must match pattern');
  });
});
