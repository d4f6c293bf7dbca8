import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startBot } from '../src/main.js';
import { startEmbeddedAzurite } from '../src/platform/storage/embedded-azurite.js';
import { ISAIAH, localDirectoryJson } from '../test/support/people.js';
import { seedWorkspace } from '../test/workspace/workspace-seed.js';

const MENTORS = 300;
const YOUNG_PEOPLE = 300;
const API_RUNS = 40;
const PAGE_RUNS = 5;
const TARGETS = { firstViewMs: 1500, apiP95Ms: 100, firstViewJsKb: 500 };
const ROUTES = ['me', 'overview', 'mentors', 'young-people', 'sessions', 'claims?month=MONTH', 'me/page'];

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const verdict = (ok: boolean): string => (ok ? 'OK' : 'MISSED');

/** The workspace at cohort size: JS sent for the first view, each view's API p95, and the first view usable in chromium. */
export async function benchWorkspace(): Promise<void> {
  const azurite = await startEmbeddedAzurite();
  const dir = mkdtempSync(path.join(tmpdir(), 'workspace-bench-'));
  const directoryFile = path.join(dir, 'directory.json');
  writeFileSync(directoryFile, localDirectoryJson());
  const prefix = `wsbench${Date.now().toString(36)}`.slice(0, 20);
  const bot = await startBot({ PORT: '0', LOG_LEVEL: 'silent', STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix, LOCAL_DIRECTORY_FILE: directoryFile, TEAMS_TENANT_ID: 'tenant-1' });
  const origin = `http://127.0.0.1:${bot.port}`;
  try {
    const seedStarted = performance.now();
    const seeded = await seedWorkspace(azurite.connectionString, prefix, { mentors: MENTORS, youngPeople: YOUNG_PEOPLE, now: new Date() });
    console.log(`workspace: seeded ${MENTORS} mentors, ${YOUNG_PEOPLE} young people waiting, ${seeded.claims} claims in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const js = firstViewJs(bot.config.WORKSPACE_TAB_DIR);
    console.log(
      `workspace: JavaScript for the first view ${js.firstViewKb.toFixed(1)} KB gzipped (${js.firstViewFiles} files); all chunks ${js.allKb.toFixed(1)} KB gzipped; ` +
        `target ≤ ${TARGETS.firstViewJsKb} KB ${verdict(js.firstViewKb <= TARGETS.firstViewJsKb)}`,
    );

    for (const route of ROUTES) {
      const url = `${origin}/workspace/api/${route.replace('MONTH', seeded.claimMonth)}`;
      const headers = { 'x-workspace-local-person': ISAIAH.id };
      for (let i = 0; i < 3; i += 1) await (await fetch(url, { headers })).arrayBuffer();
      const times: number[] = [];
      for (let i = 0; i < API_RUNS; i += 1) {
        const started = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${route} answered ${response.status}`);
        times.push(performance.now() - started);
      }
      const p95 = percentile(times, 95);
      console.log(`workspace: GET /workspace/api/${route}: median ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms of ${API_RUNS}; target p95 ≤ ${TARGETS.apiP95Ms} ms ${verdict(p95 <= TARGETS.apiP95Ms)}`);
    }

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const times: number[] = [];
      for (let run = 0; run < PAGE_RUNS; run += 1) {
        const context = await browser.newContext();
        await context.addInitScript((id) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('workspace.localPerson', id), ISAIAH.id);
        const page = await context.newPage();
        await page.goto(`${origin}/workspace/`);
        await page.locator('[data-testid=funnel-table] tbody tr').first().waitFor();
        await page.locator('[data-testid=funnel-chart] [role=option]').first().waitFor();
        times.push(await page.evaluate(() => (globalThis as unknown as { performance: { now(): number } }).performance.now()));
        await context.close();
      }
      const median = percentile(times, 50);
      console.log(
        `workspace: first view usable (funnel chart and table drawn, from navigation start) median ${median.toFixed(0)} ms of ${PAGE_RUNS} ` +
          `(first, cold cache: ${times[0]!.toFixed(0)} ms; max ${Math.max(...times).toFixed(0)} ms); target ≤ ${TARGETS.firstViewMs} ms ${verdict(Math.max(...times) <= TARGETS.firstViewMs)}`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    await bot.stop();
    await azurite.stop();
  }
}

/** The entry script and what index.html preloads with it (what the first view needs), gzipped as the server sends them. */
function firstViewJs(tabDir: string): { firstViewKb: number; firstViewFiles: number; allKb: number } {
  const html = readFileSync(path.join(tabDir, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/workspace\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const size = (file: string) => gzipSync(readFileSync(path.join(tabDir, file))).length / 1024;
  const all = readdirSync(path.join(tabDir, 'assets')).filter((name) => name.endsWith('.js'));
  return { firstViewKb: first.reduce((sum, file) => sum + size(file), 0), firstViewFiles: first.length, allKb: all.reduce((sum, name) => sum + size(`assets/${name}`), 0) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchWorkspace();
}
