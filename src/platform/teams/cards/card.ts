/** Adaptive Card 1.5 building blocks: plain functions returning JSON, so every card is a pure function of its data. */
export type CardElement = Record<string, unknown>;
export type CardAction = Record<string, unknown>;

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  /** What a client that cannot show the card shows, and what screen readers and search read first. */
  readonly fallbackText: string;
  readonly body: CardElement[];
  readonly actions?: CardAction[];
  readonly refresh?: { action: CardAction; userIds: string[] };
  /**
   * Not part of the card: the one line a phone notification and the chat list show for a message the bot sends on its
   * own ("Alex Wilber asks for your approval…"). The transport moves it onto the activity (see `forTeams`).
   */
  readonly summary?: string;
}

/** Teams' limit on `refresh.userIds`: beyond it a card does not refresh for anyone. */
export const REFRESH_USER_LIMIT = 60;

export interface CardOptions {
  /** For a message the bot sends on its own: who it is about and what is asked, in one line. */
  readonly summary?: string;
}

export function card(body: CardElement[], actions: CardAction[] = [], refresh?: AdaptiveCardJson['refresh'], options: CardOptions = {}): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: options.summary ?? fallbackOf(body),
    body,
    ...(actions.length ? { actions: withOverflow(actions) } : {}),
    ...(refresh ? { refresh: { ...refresh, userIds: refresh.userIds.slice(0, REFRESH_USER_LIMIT) } } : {}),
    ...(options.summary ? { summary: options.summary } : {}),
  };
}

/** Buttons side by side on a 360 px phone:: more than this and their words are cut off (measured at 360 px). */
const PRIMARY_ACTIONS = 2;

/** Buttons after the second go to the "…" menu (mode secondary), so the ones shown keep their whole words. */
function withOverflow(actions: CardAction[]): CardAction[] {
  let primary = 0;
  return actions.map((action) => {
    if (action.mode === 'secondary') return action;
    primary += 1;
    return primary > PRIMARY_ACTIONS ? { ...action, mode: 'secondary' } : action;
  });
}

/** The card content Teams receives and the activity's summary, taken apart. */
export function forTeams(message: AdaptiveCardJson): { content: Omit<AdaptiveCardJson, 'summary'>; summary?: string } {
  const { summary, ...content } = message;
  return summary ? { content, summary } : { content };
}

/** The first two pieces of text on a card (its heading and first line), as fallback. */
function fallbackOf(body: readonly CardElement[]): string {
  const found: string[] = [];
  const collect = (node: unknown): void => {
    if (found.length >= 2 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(collect);
    const element = node as CardElement;
    if (element.isVisible === false) return;
    if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element.text);
    else if (element.type === 'TextRun' && typeof element.text === 'string') found.push(element.text);
    else for (const key of ['items', 'inlines', 'columns']) collect(element[key]);
  };
  collect(body);
  return found.join(': ').slice(0, 300) || 'A message from the mentoring scheme';
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
  /**
   * Attention is for errors only. There is no Good or Warning: on white they are 2.1:1 and 1.5:1 and cannot be read;
   * use `notice` (a coloured container, bold words and a symbol) for a status someone must read.
   */
  readonly color?: 'Attention';
  readonly spacing?: 'None' | 'Small' | 'Medium' | 'Large';
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

/** Characters a TextBlock would read as Markdown (a link, emphasis, a list, a heading, a table, an escape, a tag). */
const MARKDOWN = /[*_[\]()#>`~|\\<]|^\s*([-+]|\d+\.)\s/m;

/**
 * The bot's own heading, which screen readers announce as a heading (TextBlock style "heading"). A heading that holds
 * something a person typed (a name with `*` in it) stays a literal TextRun instead, so it can never turn into a link.
 */
export function heading(value: string): CardElement {
  if (MARKDOWN.test(value)) return text(value, { size: 'Large', weight: 'Bolder' });
  return { type: 'TextBlock', text: value, style: 'heading', wrap: true };
}

/** A smaller heading for a section of a card. */
export function subheading(value: string, spacing: TextStyle['spacing'] = 'Medium'): CardElement {
  if (MARKDOWN.test(value)) return text(value, { weight: 'Bolder', spacing });
  return { type: 'TextBlock', text: value, style: 'heading', size: 'Default', weight: 'Bolder', wrap: true, spacing };
}

export type Tone = 'good' | 'warning' | 'attention' | 'info';
const TONE: Record<Tone, { style: string; symbol: string }> = {
  good: { style: 'good', symbol: '✓' },
  warning: { style: 'warning', symbol: '!' },
  attention: { style: 'attention', symbol: '✗' },
  info: { style: 'emphasis', symbol: 'ℹ' },
};

/**
 * A status a person must read: words in bold on a tinted container, with a symbol, so colour never carries the
 * meaning alone and the text keeps the theme's own (readable) colour.
 */
export function notice(value: string, tone: Tone, spacing: TextStyle['spacing'] = 'Medium'): CardElement {
  return {
    type: 'Container',
    style: TONE[tone].style,
    spacing,
    items: [{ type: 'RichTextBlock', inlines: [run(`${TONE[tone].symbol}  `, { weight: 'Bolder' }), run(value, { weight: 'Bolder' })] }],
  };
}

/** A problem with a form field, shown right under it. */
export function fieldProblem(message: string): CardElement {
  return { type: 'RichTextBlock', spacing: 'None', inlines: [run(`✗  ${message}`, { color: 'Attention' })] };
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

export function execute(title: string, verb: string, data: Record<string, unknown> = {}, style?: 'positive' | 'destructive', mode?: 'secondary'): CardAction {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}), ...(mode ? { mode } : {}) };
}

/**
 * A button that sends a chat command as if the person had typed it ("sessions", "log meeting"): Teams' imBack. The
 * command's own route answers it, so a button and the typed command can never drift apart.
 */
export function command(title: string, typed: string, mode?: 'secondary'): CardAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: typed } }, ...(mode ? { mode } : {}) };
}

/** A link out, such as "Join the meeting". */
export function openUrl(title: string, url: string, mode?: 'secondary'): CardAction {
  return { type: 'Action.OpenUrl', title, url, ...(mode ? { mode } : {}) };
}

export interface Confirmation {
  /** The button that opens the confirmation: "Cancel this session…". */
  readonly opener: string;
  /** What will happen and to whom, in plain words: "22 people will be told". */
  readonly consequence: string;
  /** The button that acts: "Cancel the session". */
  readonly confirm: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
  /** When someone else will read the reason: the input's id and label. */
  readonly reason?: { id: string; label: string; maxLength?: number; required?: boolean };
}

/**
 * A destructive action, confirmed in place: the opener (secondary, so Teams tucks it away) shows what will happen and
 * to whom, asks for a reason where someone will read it, and only the named confirm button acts.
 */
export function confirmAction(confirmation: Confirmation): CardAction {
  const reason = confirmation.reason;
  return {
    type: 'Action.ShowCard',
    title: confirmation.opener,
    mode: 'secondary',
    card: {
      type: 'AdaptiveCard',
      body: [
        notice(confirmation.consequence, 'warning', 'None'),
        ...(reason
          ? [{ type: 'Input.Text', id: reason.id, label: reason.label, isMultiline: true, maxLength: reason.maxLength ?? 500, ...(reason.required === false ? {} : { isRequired: true, errorMessage: 'Please give a reason.' }) }]
          : []),
      ],
      actions: [execute(confirmation.confirm, confirmation.verb, confirmation.data, 'destructive')],
    },
  };
}

/** Technical detail for IT, hidden until asked for: the container and the button that shows it. */
export function detailsForIt(id: string, lines: readonly string[]): { container: CardElement; toggle: CardAction } {
  return {
    container: { type: 'Container', id, isVisible: false, spacing: 'Medium', items: [subheading('Details for IT', 'None'), ...lines.map((line) => text(line, { subtle: true }))] },
    toggle: { type: 'Action.ToggleVisibility', title: 'Details for IT', targetElements: [id], mode: 'secondary' },
  };
}

/** A list that shows its first `shown` items and folds the rest behind "Show N more". */
export function foldedList(id: string, items: readonly CardElement[], shown: number, noun = 'more'): CardElement[] {
  if (items.length <= shown) return [...items];
  const hiddenId = `${id}More`;
  return [
    ...items.slice(0, shown),
    { type: 'Container', id: hiddenId, isVisible: false, items: items.slice(shown) },
    {
      type: 'ActionSet',
      id: `${id}Toggle`,
      actions: [{ type: 'Action.ToggleVisibility', title: `Show ${items.length - shown} ${noun}`, targetElements: [hiddenId] }],
    },
  ];
}

const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A day as people read it: "Mon 9 Nov 2026" (an instant, or a plain date 2026-11-09). */
export function formatDate(iso: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  return DAY.format(new Date(instant)).replace(',', '');
}

/** A month as people read it: "November 2026", from "2026-11". */
export function formatMonth(month: string): string {
  return /^\d{4}-\d{2}$/.test(month) ? MONTH.format(new Date(`${month}-15T00:00:00Z`)) : month;
}

/** The id Teams uses for a person in `refresh.userIds`. */
export function userMri(aadObjectId: string): string {
  return `8:orgid:${aadObjectId}`;
}
