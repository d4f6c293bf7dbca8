import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storageModules, storedFieldsOf } from '../support/stored-fields.js';

interface MapSection {
  readonly heading: string;
  readonly modules: readonly string[];
  readonly fields: readonly string[];
}

/** The data map in docs/privacy.md: each `### ` section names the modules that write it and lists one field per table row. */
function readMap(markdown: string): MapSection[] {
  const start = markdown.indexOf('## The data map');
  const end = markdown.indexOf('\n## ', start + 1);
  const body = markdown.slice(start, end < 0 ? undefined : end);
  return body
    .split('\n### ')
    .slice(1)
    .map((chunk) => {
      const lines = chunk.split('\n');
      const writtenBy = lines.find((line) => line.startsWith('Written by:')) ?? '';
      return {
        heading: lines[0]!.trim(),
        modules: [...writtenBy.matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
        fields: lines.flatMap((line) => /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1] ?? []),
      };
    });
}

/** What is wrong between the map and the stores: stored fields it misses, modules it does not name, lines for nothing stored. */
function problemsOf(sections: readonly MapSection[], stored: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const problems: string[] = [];
  for (const [module, fields] of stored) {
    if (fields.size === 0) continue;
    const naming = sections.filter((section) => section.modules.includes(module));
    if (naming.length === 0) problems.push(`${module} writes ${[...fields].join(', ')} but no section of the data map names it`);
    const mapped = new Set(naming.flatMap((section) => section.fields));
    for (const field of fields) if (naming.length > 0 && !mapped.has(field)) problems.push(`${module} stores \`${field}\`, missing from the data map`);
  }
  for (const section of sections) {
    const written = new Set(section.modules.flatMap((module) => [...(stored.get(module) ?? [])]));
    for (const module of section.modules) if (!stored.has(module)) problems.push(`section ${section.heading} names ${module}, which is not a storage module`);
    for (const field of section.fields) if (!written.has(field)) problems.push(`section ${section.heading} lists \`${field}\`, which none of its modules stores`);
  }
  return problems;
}

describe('the data map in docs/privacy.md holds every stored field, and only stored fields', () => {
  const sections = readMap(readFileSync('docs/privacy.md', 'utf8'));
  const stored = new Map(storageModules().map((module) => [module, storedFieldsOf(module)] as const));

  it('reads every storage module, the privacy store too, and finds the fields each writes', () => {
    expect(stored.get('src/journey/store/mentor.repository.ts')).toContain('motivation');
    expect(stored.get('src/matching/store/matching-schemas.ts')).toContain('dateOfBirth');
    expect(stored.get('src/platform/storage/card-message.repository.ts')).toContain('activityId');
    expect(stored.get('src/privacy/store/privacy.repository.ts')).toContain('receivedOn');
    expect(sections.length).toBeGreaterThan(15);
  });

  it('names every module and lists every field it stores, with no line for a field nobody stores', () => {
    expect(problemsOf(sections, stored)).toEqual([]);
  });

  it('fails when any one field line is taken out of the map', () => {
    for (const section of sections) {
      for (const field of section.fields) {
        const without = sections.map((each) => (each === section ? { ...each, fields: each.fields.filter((name) => name !== field) } : each));
        const missing = problemsOf(without, stored);
        // A field also listed in another section written by the same module is still covered: then the line is a repeat.
        const coveredElsewhere = sections.some((other) => other !== section && other.fields.includes(field) && other.modules.some((module) => section.modules.includes(module) && stored.get(module)?.has(field)));
        if (!coveredElsewhere) expect(missing.length, `${section.heading}: ${field}`).toBeGreaterThan(0);
      }
    }
  });

  it('fails when a store writes a field the map does not know', () => {
    const withNew = new Map(stored);
    withNew.set('src/journey/store/mentor.repository.ts', new Set([...stored.get('src/journey/store/mentor.repository.ts')!, 'nationalInsuranceNumber']));
    expect(problemsOf(sections, withNew)).toEqual(['src/journey/store/mentor.repository.ts stores `nationalInsuranceNumber`, missing from the data map']);
  });
});
