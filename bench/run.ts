import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Runs every `bench/*.bench.ts`: each exports async functions named bench… that print their own figures. */
const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

for (const file of files) {
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(module)) {
    if (!name.startsWith('bench') || typeof value !== 'function') continue;
    console.log(`\n== ${file}: ${name}`);
    await (value as () => Promise<void>)();
  }
}
process.exit(0);
