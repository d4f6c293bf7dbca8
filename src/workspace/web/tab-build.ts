import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (src/workspace/web/ is three folders down, in src and in dist/src alike). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', ...(import.meta.url.includes('/dist/src/') ? ['..'] : []));
export const TAB_VITE_CONFIG = path.join(ROOT, 'tab', 'vite.config.ts');

/**
 * Builds the tab with Vite into `outDir` when it is not there yet, so `npm start` in a fresh clone serves it. Vite is
 * loaded only then: a deployment that ships the built tab never loads it.
 */
export async function ensureTabBuilt(outDir: string, log: { info(obj: object, msg: string): void }): Promise<void> {
  if (existsSync(path.join(outDir, 'index.html'))) return;
  log.info({ outDir }, 'the workspace tab is not built yet: building it with Vite (once)');
  await buildTab(outDir);
}

/**
 * Builds beside `outDir` and moves the result into place in one rename, so processes starting together (test workers,
 * instances) never serve or delete each other's half-built files; whoever renames second keeps the first build.
 */
export async function buildTab(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const target = path.resolve(outDir);
  const building = `${target}.building-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await build({ configFile: TAB_VITE_CONFIG, logLevel: 'warn', build: { outDir: building, emptyOutDir: true } });
  if (existsSync(path.join(target, 'index.html'))) return rm(building, { recursive: true, force: true });
  await rm(target, { recursive: true, force: true });
  await rename(building, target).catch(() => rm(building, { recursive: true, force: true }));
}
