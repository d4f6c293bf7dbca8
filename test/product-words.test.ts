import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Next steps are buttons; words to type are for help only, and say "type". The card checks (test/cards/) see only the
 * catalogued cards, so this reads every message the product's source holds, refusals and calendar bodies included.
 */
describe('the words the product uses', () => {
  it('never tells people to \'say "…"\'', () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(SRC, file)}:${i + 1}`, line }))
        .filter(({ line }) => /\bsay\s+(["“]|\\")/i.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
