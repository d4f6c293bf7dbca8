import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { AdaptiveCardJson } from '../../src/platform/teams/cards/card.js';

const require = createRequire(import.meta.url);
const ADAPTIVE_CARDS = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const IN_PAGE = readFileSync(new URL('./in-page.js', import.meta.url), 'utf8');

export const THEMES = ['teams-light', 'teams-dark', 'teams-high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

/** The colours of Teams' chrome around a card (page, buttons, inputs), kept beside the host config in the fixture. */
interface HostChrome {
  readonly page: string;
  readonly buttonText: string;
  readonly buttonBorder: string;
  readonly buttonBackground: string;
  readonly inputBackground: string;
  readonly inputText: string;
  readonly inputBorder: string;
}

export function hostConfig(theme: Theme): Record<string, unknown> & { teamsChrome: HostChrome } {
  return JSON.parse(readFileSync(new URL(`./host-config.${theme}.json`, import.meta.url), 'utf8')) as Record<string, unknown> & { teamsChrome: HostChrome };
}

/** What one card measured in one theme at one width. */
export interface Measured {
  readonly height: number;
  /** Elements whose content is wider than the element: text cut off or hidden. */
  readonly clipped: string[];
  /** Text runs under 4.5:1 against the background they sit on. */
  readonly lowContrast: Array<{ text: string; ratio: number; colour: string; background: string }>;
  /** The lowest contrast of any text on the card. */
  readonly lowestContrast: number;
  readonly visibleText: string;
  readonly renderProblem?: string;
}

export interface RenderedPage {
  readonly measured: Measured[];
  /** axe-core's serious and critical findings, by card index (empty when axe was not asked for). */
  readonly axe: Map<number, string[]>;
}

export interface RenderOptions {
  /** Run axe-core too (its checks here do not depend on the theme: contrast is measured separately, per theme). */
  readonly axe?: boolean;
  /** Where to write each card's PNG, by its index. */
  readonly screenshotsTo?: (index: number) => string;
}

/**
 * Renders every card on one page with the adaptivecards renderer, each in a box `width` px wide in the theme's host
 * config, and measures them in the page (one page per theme and width keeps it fast).
 */
export async function renderAll(browser: Browser, cards: readonly AdaptiveCardJson[], theme: Theme, width: number, options: RenderOptions = {}): Promise<RenderedPage> {
  const page = await browser.newPage({ viewport: { width: width + 40, height: 800 } });
  try {
    const config = hostConfig(theme);
    await page.setContent(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Cards</title><style>${chromeCss(config.teamsChrome)}</style></head><body><main></main></body></html>`);
    await page.addScriptTag({ content: ADAPTIVE_CARDS });
    await page.addScriptTag({ content: AXE });
    await page.addScriptTag({ content: IN_PAGE });
    const measured = (await page.evaluate(`window.renderAndMeasure(${JSON.stringify({ cards, config, width })})`)) as Measured[];
    const axe = options.axe ? await runAxe(page) : new Map<number, string[]>();
    const screenshotsTo = options.screenshotsTo;
    if (screenshotsTo) {
      // One card shown at a time: a short page is captured far faster than a card scrolled to in a long one.
      for (let i = 0; i < cards.length; i += 1) {
        await page.evaluate(`window.showOnly(${i})`);
        await page.screenshot({ path: screenshotsTo(i), fullPage: true, caret: 'hide' });
      }
    }

    return { measured, axe };
  } finally {
    await page.close();
  }
}

function chromeCss(chrome: HostChrome): string {
  return `
    body { margin: 0; padding: 20px; background: ${chrome.page}; font-family: 'Segoe UI', system-ui, sans-serif; }
    [data-card] { margin-bottom: 20px; border-radius: 4px; overflow: hidden; }
    .ac-pushButton { background: ${chrome.buttonBackground}; color: ${chrome.buttonText}; border: 1px solid ${chrome.buttonBorder}; border-radius: 4px; padding: 5px 12px; min-height: 32px; font: 600 14px 'Segoe UI', system-ui, sans-serif; overflow: hidden; }
    .ac-pushButton.style-positive, .ac-pushButton.expanded { background: ${chrome.buttonText}; color: ${chrome.buttonBackground}; }
    .ac-input, .ac-input input, .ac-input select, .ac-input textarea, .ac-textInput, .ac-numberInput, .ac-dateInput, .ac-timeInput, .ac-multichoiceInput { background: ${chrome.inputBackground}; color: ${chrome.inputText}; border-color: ${chrome.inputBorder}; }
    .ac-input-validation-failed { border-color: #C4314B; }
  `;
}

async function runAxe(page: Page): Promise<Map<number, string[]>> {
  const findings = await page.evaluate('window.axeFindings()') as Array<[number, string]>;
  const byCard = new Map<number, string[]>();
  for (const [index, finding] of findings) byCard.set(index, [...(byCard.get(index) ?? []), finding]);
  return byCard;
}
