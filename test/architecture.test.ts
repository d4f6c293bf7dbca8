import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

const CONFIG = path.resolve('.dependency-cruiser.cjs');

async function violationsIn(baseDir: string): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  const reporting = await cruise(['src'], { ...options, baseDir, validate: true, ruleSet: options.ruleSet });
  return (reporting.output as ICruiseResult).summary.violations;
}

const readable = (violations: readonly IViolation[]): string =>
  violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`).join('\n');

describe('the house rules (.dependency-cruiser.cjs, docs/CONTRIBUTING.md)', () => {
  it('hold for every import in src', async () => {
    const violations = await violationsIn(process.cwd());
    expect(readable(violations)).toBe('');
  });

  it('catch a domain that does I/O, a capability reaching past a face, botbuilder outside platform/teams and a cycle', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'house-rules-'));
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('src/sessions/domain/seat.ts', "import { readFileSync } from 'node:fs';\nexport const seats = readFileSync;\n");
    write('src/journey/app/audit.ts', "import { b } from '../../sessions/app/booking.js';\nexport const a = b;\n");
    write('src/sessions/app/booking.ts', "import { a } from '../../journey/app/audit.js';\nexport const b = 1;\nexport const c = a;\n");
    write('src/matching/teams/card.ts', "import { TurnContext } from 'botbuilder';\nexport const t = TurnContext;\n");
    const rules = new Set((await violationsIn(root)).map((v) => v.rule.name));
    expect([...rules].sort()).toEqual(['bot-framework-sdk-in-one-folder', 'capability-through-its-face', 'domain-stays-pure', 'no-circular']);
  });
});
