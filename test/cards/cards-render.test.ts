import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../browser/playground-page.js';
import { CARDS, PROACTIVE } from './catalog.js';
import { cardRuleProblems } from './card-rules.js';
import { renderAll, THEMES, type RenderedPage, type Theme } from './render-cards.js';

/** The tallest a card may be on a 360 px phone: the longest list included (see docs/cards.md). */
const HEIGHT_BUDGET = 1_200;
const MIN_CONTRAST = 4.5;
const WIDTHS = [360, 540] as const;
const ARTEFACTS = new URL('../../artifacts/cards/', import.meta.url);

/**
 * Cards that still fail a check, while they are being fixed. Each one must really still fail (so a fixed card has to
 * leave the list); every other card must pass everything.
 */
const PENDING: readonly string[] = [];

let browser: Browser;
const renders = new Map<string, RenderedPage>();

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTEFACTS, { recursive: true });
  const cards = CARDS.map(([, card]) => card);
  const jobs = THEMES.flatMap((theme) => WIDTHS.map((width) => ({ theme, width })));
  // Two pages at a time: the machine has two cores.
  for (let i = 0; i < jobs.length; i += 2) {
    await Promise.all(
      jobs.slice(i, i + 2).map(async ({ theme, width }) => {
        const shots = width === 360 && (theme === 'teams-light' || process.env.CARD_SCREENSHOTS === 'all');
        const options = {
          axe: theme === 'teams-light' && width === 360,
          ...(shots ? { screenshotsTo: (index: number) => new URL(`${slug(CARDS[index]![0])}.${theme}.png`, ARTEFACTS).pathname } : {}),
        };
        renders.set(key(theme, width), await renderAll(browser, cards, theme, width, options));
      }),
    );
  }
  writeFileSync(new URL('report.json', ARTEFACTS), JSON.stringify(report(), null, 2));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

function key(theme: Theme, width: number): string {
  return `${theme}@${width}`;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Everything wrong with one card, in every theme and width. */
function problemsOf(index: number): string[] {
  const [name, card] = CARDS[index]!;
  const problems = cardRuleProblems(card, PROACTIVE[name]).map((problem) => `json: ${problem}`);
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const page = renders.get(key(theme, width))!;
      const measured = page.measured[index]!;
      const where = `${theme} ${width}px`;
      if (measured.renderProblem) problems.push(`${where}: did not render: ${measured.renderProblem}`);
      for (const clipped of measured.clipped) problems.push(`${where}: clipped ${clipped}`);
      for (const low of measured.lowContrast) problems.push(`${where}: contrast ${low.ratio}:1 (${low.colour} on ${low.background}) "${low.text}"`);
      for (const finding of page.axe.get(index) ?? []) problems.push(`axe: ${finding}`);
      if (width === 360 && measured.height > HEIGHT_BUDGET) problems.push(`${where}: ${measured.height}px tall (budget ${HEIGHT_BUDGET}px)`);
      if (/\bsay\s+["“]/i.test(measured.visibleText)) problems.push(`${where}: tells people to 'say "…"' (buttons, or "type" in help)`);
    }
  }
  return [...new Set(problems)];
}

function report(): unknown {
  const light = renders.get(key('teams-light', 360))!;
  const heights = CARDS.map(([name], i) => ({ name, height: light.measured[i]!.height })).sort((a, b) => b.height - a.height);
  const lowest = THEMES.map((theme) => {
    const page = renders.get(key(theme, 360))!;
    const worst = CARDS.map(([name], i) => ({ name, ratio: page.measured[i]!.lowestContrast })).sort((a, b) => a.ratio - b.ratio)[0];
    return { theme, ...worst };
  });
  const failing = Object.fromEntries(CARDS.map(([name], i) => [name, problemsOf(i)] as const).filter(([, problems]) => problems.length > 0));
  return { tallestAt360: heights.slice(0, 5), lowestContrast: lowest, failing };
}

describe('every card, rendered in chromium with Teams host configs at 360 and 540 px', () => {
  it('has a unique name in the catalogue', () => {
    expect(new Set(CARDS.map(([name]) => name)).size).toBe(CARDS.length);
    for (const name of [...PENDING, ...Object.keys(PROACTIVE)]) expect(CARDS.map(([each]) => each)).toContain(name);
  });

  it.each(CARDS.map(([name], index) => [name, index] as const))('%s: readable, unclipped, within budget, accessible', (name, index) => {
    const problems = problemsOf(index);
    if (PENDING.includes(name)) expect(problems, `${name} is listed as pending but passes: take it off PENDING`).not.toEqual([]);
    else expect(problems).toEqual([]);
  });

  it('shows the heights and contrasts it measured', () => {
    const summary = report() as { tallestAt360: Array<{ name: string; height: number }>; lowestContrast: Array<{ theme: string; name: string; ratio: number }> };
    console.log(JSON.stringify({ tallestAt360: summary.tallestAt360, lowestContrast: summary.lowestContrast }, null, 2));
    expect(summary.tallestAt360).toHaveLength(5);
  });
});
