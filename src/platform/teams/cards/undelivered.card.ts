import { PLATFORM_VERBS } from '../platform.verbs.js';
import type { UndeliveredCode } from '../../delivery/undelivered/undelivered.js';
import { bullets, card, execute, heading, text, type AdaptiveCardJson, type CardAction, type CardElement } from './card.js';

/** One message the bot gave up on, as a coordinator reads it. */
export interface UndeliveredLine {
  /** What it was, in words: "a mentoring approval request". */
  readonly about: string;
  /** Who it was for, from the directory. */
  readonly personName: string;
  readonly code: UndeliveredCode;
  /** For IT: the message kind, the recipient's id, the last error. */
  readonly technical: string;
}

const SHOWN = 8;
const DETAILS_ID = 'undeliveredDetails';

/** Why, in plain words, and who can fix it. */
const CAUSES: Record<UndeliveredCode, { why: string; fix: string }> = {
  BOT_BLOCKED: { why: 'they have blocked the bot, or the app was removed for them', fix: 'Ask them to open the Care Leaver Mentoring app in Teams, or ask IT to allow the app for them.' },
  RECIPIENT_GONE: { why: 'their chat with the bot no longer exists; they may have left the council', fix: 'Check they still work here; contact them another way.' },
  NOT_INSTALLED: { why: 'the bot could not be installed for them: they have not opened it, and the app could not be added for them', fix: 'Ask them to open the Care Leaver Mentoring app in Teams once, or ask IT to allow the app for them.' },
  CARD_REJECTED: { why: 'Teams refused the message as invalid', fix: 'Tell IT: the details below say what Teams refused.' },
  REJECTED: { why: 'Teams refused the message', fix: 'Tell IT: the details below say what Teams answered.' },
  GAVE_UP: { why: 'Teams kept failing every time the bot tried', fix: 'Check Microsoft 365 service health, then press Try again.' },
  TOKEN_UNAVAILABLE: { why: 'the bot could not sign in to Teams for days', fix: "Ask IT to check the bot's sign-in (Microsoft Entra) and its network, then press Try again." },
  SIGN_IN_REFUSED: { why: "Teams did not accept the bot's sign-in for days", fix: "Ask IT to check the bot's app registration and its secret, then press Try again." },
  CONNECTION_REFUSED: { why: 'Teams could not be reached for days', fix: "Ask IT to check the bot's network, then press Try again." },
  CONNECTION_RESET: { why: 'Teams could not be reached for days', fix: "Ask IT to check the bot's network, then press Try again." },
  TIMED_OUT: { why: 'Teams did not answer for days', fix: 'Check Microsoft 365 service health, then press Try again.' },
  UNREACHABLE: { why: 'Teams could not be reached for days', fix: "Ask IT to check the bot's network, then press Try again." },
  THROTTLED: { why: 'Teams kept asking the bot to slow down', fix: 'Press Try again later.' },
  SERVER_ERROR: { why: 'Teams kept having problems', fix: 'Check Microsoft 365 service health, then press Try again.' },
  TEMPORARY: { why: 'something kept going wrong when the bot tried', fix: "Tell IT: the bot's log has the details. Then press Try again." },
};

/** To a coordinator: the messages one outage stopped, for whom, why, and Try again. */
export function undeliveredCard(outageId: string, lines: readonly UndeliveredLine[]): AdaptiveCardJson {
  return card(
    [
      heading('Some messages could not be delivered'),
      text(`The bot gave up sending ${count(lines.length)}. They are kept: press Try again once the cause is fixed.`),
      ...undeliveredLines(lines),
      text('What to do:', { weight: 'Bolder', spacing: 'Medium' }),
      ...bullets([...new Set(lines.map((line) => CAUSES[line.code].fix))]),
      technicalDetails(lines),
    ],
    [execute('Try again', PLATFORM_VERBS.tryAgainUndelivered, { outageId }, 'positive'), detailsToggle()],
    undefined,
    { summary: `${capitalised(count(lines.length))} could not be delivered: press Try again once the cause is fixed` },
  );
}

/** The first few lines of a list, "and N more" after them; for the outage card and the coordinator's help. */
export function undeliveredLines(lines: readonly UndeliveredLine[]): CardElement[] {
  const shown = bullets(lines.slice(0, SHOWN).map((line) => `${capitalised(line.about)} to ${line.personName}: ${CAUSES[line.code].why}.`));
  return lines.length > SHOWN ? [...shown, text(`and ${lines.length - SHOWN} more.`, { subtle: true })] : shown;
}

/** The answer to Try again: what was queued, and what happens next. */
export function queuedAgainCard(queued: number): AdaptiveCardJson {
  if (queued === 0) return card([heading('Nothing to send again'), text('These messages were already queued again (or sent). Nothing was changed.')]);
  return card([
    heading('Sending again'),
    text(`${capitalised(count(queued))} ${queued === 1 ? 'is' : 'are'} queued again and will be sent in the next minute.`),
    text('If one fails again, you will get a new card about it.', { subtle: true }),
  ]);
}

/** The coordinator's help: what is still undelivered, with Try again for all of it. */
export function undeliveredHelpSection(lines: readonly UndeliveredLine[]): { body: CardElement[]; actions: CardAction[] } {
  if (lines.length === 0) return { body: [], actions: [] };
  return {
    body: [text(`Not delivered: ${count(lines.length)}`, { weight: 'Bolder', spacing: 'Medium' }), ...undeliveredLines(lines)],
    actions: [execute('Try again: undelivered messages', PLATFORM_VERBS.tryAgainUndelivered, {}, 'positive')],
  };
}

function technicalDetails(lines: readonly UndeliveredLine[]): CardElement {
  return { type: 'Container', id: DETAILS_ID, isVisible: false, spacing: 'Medium', items: [text('Details for IT', { weight: 'Bolder' }), ...lines.slice(0, SHOWN).map((line) => text(line.technical, { subtle: true }))] };
}

function detailsToggle(): CardAction {
  return { type: 'Action.ToggleVisibility', title: 'Details for IT', targetElements: [DETAILS_ID], mode: 'secondary' };
}

function count(n: number): string {
  return n === 1 ? 'one message' : `${n} messages`;
}

function capitalised(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
