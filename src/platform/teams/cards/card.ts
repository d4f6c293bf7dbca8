/** Adaptive Card 1.5 building blocks: plain functions returning JSON, so every card is a pure function of its data. */
export type CardElement = Record<string, unknown>;
export type CardAction = Record<string, unknown>;

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardAction[];
  readonly refresh?: { action: CardAction; userIds: string[] };
}

export function card(body: CardElement[], actions: CardAction[] = [], refresh?: AdaptiveCardJson['refresh']): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
  };
}

/**
 * Every piece of text goes out as a RichTextBlock TextRun, which Teams shows literally: TextBlock would read Markdown, and
 * names, reasons and notes that people type must never turn into links, headings or lists.
 */
export function text(value: string, style: TextStyle = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [run(value, style)], ...(style.spacing ? { spacing: style.spacing } : {}) };
}

export interface TextStyle {
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly weight?: 'Bolder';
  readonly subtle?: boolean;
  readonly color?: 'Attention' | 'Good' | 'Warning' | 'Accent';
  readonly spacing?: 'Medium' | 'Large';
}

export function run(value: string, style: TextStyle = {}): CardElement {
  return {
    type: 'TextRun',
    text: value,
    ...(style.size ? { size: style.size } : {}),
    ...(style.weight ? { weight: style.weight } : {}),
    ...(style.subtle ? { isSubtle: true } : {}),
    ...(style.color ? { color: style.color } : {}),
  };
}

export function heading(value: string): CardElement {
  return text(value, { size: 'Large', weight: 'Bolder' });
}

export function bullets(items: string[]): CardElement[] {
  return items.map((item) => text(`•  ${item}`));
}

/** Label and value side by side, each literal. */
export function facts(pairs: Array<[string, string]>): CardElement {
  return {
    type: 'Container',
    items: pairs.map(([label, value]) => ({
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'auto', items: [text(label, { weight: 'Bolder' })] },
        { type: 'Column', width: 'stretch', items: [text(value)] },
      ],
    })),
  };
}

export function execute(title: string, verb: string, data: Record<string, unknown> = {}, style?: 'positive' | 'destructive'): CardAction {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

/** Built once: making an Intl.DateTimeFormat costs about half a millisecond, and cards format dates on every turn. */
const MEDIUM_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export function formatDate(iso: string): string {
  return MEDIUM_DATE.format(new Date(iso));
}

/** The id Teams uses for a person in `refresh.userIds`. */
export function userMri(aadObjectId: string): string {
  return `8:orgid:${aadObjectId}`;
}
