import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const VIEWS = ['At a glance', 'People', 'Sessions', 'Matching', 'Commitment', 'Claims', 'Broadcasts', 'Board report', 'Subject access', 'My page'] as const;

/** The workspace tab in chromium, by what a person sees: tabs by name, buttons by their words. */
export class WorkspacePage {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  /** `view`: the address's hash, as "Open in the workspace" on a chat card gives it outside Teams (`#claims`). */
  async open(theme: 'default' | 'dark' | 'contrast' = 'default', view?: string): Promise<void> {
    await this.page.goto(`${this.origin}/workspace/?theme=${theme}${view ? `#${view}` : ''}`);
  }

  async signInLocallyAs(name: string): Promise<void> {
    await this.page.getByLabel('Sign in as…').selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Sign in (local)' }).click();
    await this.page.getByRole('heading', { name: 'Mentoring scheme workspace' }).waitFor();
    await this.page.getByText(`Local mode: ${name}`).waitFor();
  }

  async show(view: (typeof VIEWS)[number]): Promise<void> {
    await this.page.getByRole('tab', { name: view, exact: true }).click();
    await this.page.getByRole('progressbar').waitFor({ state: 'detached' }).catch(() => undefined);
  }

  /** axe-core's serious and critical findings on the page as it is now. */
  async seriousProblems(): Promise<string[]> {
    await this.page.evaluate(AXE_SOURCE);
    const violations = await this.page.evaluate(async () => {
      const browser = globalThis as unknown as { axe: { run(context: never, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
      // Fluent's focus manager (tabster) puts hidden <i tabindex=0 data-tabster-dummy> at the edges of a focus group:
      // they hand focus straight on and are never read, so axe's aria-hidden-focus on them is not a problem a person meets.
      const result = await browser.axe.run({ exclude: [['[data-tabster-dummy]']] } as never, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
  }

  /** What the funnel chart draws: each segment's accessible label ("Booked, 8."), as stage → value. */
  async funnelChart(): Promise<Record<string, number>> {
    const labels = await this.page.locator('[data-testid=funnel-chart] [role=option]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    return Object.fromEntries(labels.map((label) => /^(.*), ([\d,]+)\.$/.exec(label)!).map((m) => [m[1]!, Number(m[2]!.replace(/,/g, ''))]));
  }

  /** The table beside the chart, as stage → count. */
  async funnelTable(): Promise<Record<string, number>> {
    const rows = await this.page.locator('[data-testid=funnel-table] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    return Object.fromEntries(rows.map((cells) => [cells[0]!, Number(cells[1])]));
  }

  /** Presses Tab until the focused element's accessible text matches, as someone using the keyboard would. */
  async tabTo(pattern: RegExp, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i += 1) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => {
        interface Element {
          id: string;
          textContent: string | null;
          getAttribute(name: string): string | null;
        }
        const { document } = globalThis as unknown as { document: { activeElement: Element | null; querySelector(selector: string): Element | null } };
        const element = document.activeElement;
        if (!element) return '';
        const label = element.getAttribute('aria-label') ?? (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : '') ?? '';
        return `${label} ${element.textContent ?? ''}`.trim();
      });
      if (pattern.test(focused)) return;
    }
    throw new Error(`never reached ${pattern} with the Tab key`);
  }
}
