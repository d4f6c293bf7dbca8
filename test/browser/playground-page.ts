import type { Browser, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's chromium, headless, with everything that would reach out to the network switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The Agents Playground's page, by the selectors that work against version 0.2.x:
 * - compose box: the Lexical editor `[data-lexical-editor=true][role=textbox]`; type, then Enter sends;
 * - a bot's text reply: a `<p>` (role paragraph) holding the text (the same text also shows in the chat list and
 *   the log panel, so match the paragraph, not any text);
 * - a card: `.ac-adaptiveCard` filtered by its text; inside it, inputs by their label (`getByLabel`), toggles by
 *   role checkbox and their title, expanded choice sets by role radio, buttons by role button and their title.
 */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  get composeBox(): Locator {
    return this.page.locator('[data-lexical-editor=true][role=textbox]');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.composeBox.waitFor({ timeout: 30_000 });
  }

  async send(text: string): Promise<void> {
    await this.composeBox.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** A bot text message containing `text`. */
  reply(text: string | RegExp): Locator {
    return this.page.getByRole('paragraph').filter({ hasText: text }).last();
  }

  /** The last Adaptive Card containing `text`. */
  card(text: string | RegExp): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  }
}
