import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { playgroundConfig, pickPerson, readLocalDirectory, startPlayground, type RunningPlayground } from '../../scripts/lib/playground.js';
import { freePort } from '../../scripts/lib/processes.js';
import { startBot } from '../../src/main.js';
import { launchChromium, PlaygroundPage } from './playground-page.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the bot in the Agents Playground, in chromium', () => {
  let bot: { port: number; stop(): Promise<void> };
  let playground: RunningPlayground;
  let browser: Browser;
  let screen: PlaygroundPage;

  beforeAll(async () => {
    bot = await startBot({
      PORT: '0',
      LOG_LEVEL: 'silent',
      STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
      TABLE_PREFIX: `browser${Date.now().toString(36)}`,
      LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'browser-test-')),
      LOCAL_DIRECTORY_FILE: join(root, 'local', 'directory.json'),
    });
    const directory = readLocalDirectory(join(root, 'local', 'directory.json'));
    playground = await startPlayground({
      root,
      botEndpoint: `http://127.0.0.1:${bot.port}/api/messages`,
      port: await freePort(),
      config: playgroundConfig(directory, pickPerson(directory, 'senior')),
      output: 'ignore',
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    screen = new PlaygroundPage(page);
    await screen.open(playground.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  it('answers help with the command card', async () => {
    await screen.send('help');
    // The welcome card also says "see what you can do", so match the help card by its heading at the start.
    const help = screen.card(/^\s*What you can do/);
    await help.waitFor({ timeout: 30_000 });
    const text = await help.innerText();
    expect(text).toContain('sign up');
    expect(text).toContain('my status');
  }, 60_000);

  it('shows the sign-up form, takes it filled in, and confirms it went for approval', async () => {
    await screen.send('sign up');
    const form = screen.card('Sign up as a mentor');
    await form.waitFor({ timeout: 30_000 });

    await form.getByRole('radio', { name: 'A senior manager' }).check();
    await form.getByLabel('Your directorate').fill('Regeneration and Environment');
    await form.getByLabel('Job title').fill('Head of Highways');
    await form.getByLabel('Why would you like to mentor? (a few sentences)').fill('I grew up near care and want to give back.');
    await form.getByRole('checkbox', { name: 'I agree that the scheme may keep and use these details to run the scheme' }).check();
    await form.getByRole('checkbox', { name: /I can give a full training day/ }).check();
    await form.getByRole('button', { name: 'Send for approval' }).click();

    // The card refreshes in place into the applicant's copy of the approval request.
    const sent = screen.card('Sent to Megan Bowen for approval');
    await sent.waitFor({ timeout: 30_000 });
    const text = await sent.innerText();
    expect(text).toContain('Your request to become a mentor');
    expect(text).toMatch(/Waiting for Megan Bowen to decide\./);
  }, 90_000);
});
