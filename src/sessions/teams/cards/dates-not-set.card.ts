import { card, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import { withFallback } from './card-fallback.js';

export const DATES_NOT_SET = 'The next information session and training have not been set yet; we will message you as soon as they are.';

/** To an approved mentor when nothing can be booked: plainly that dates are coming, and that they need do nothing. */
export function datesNotSetCard(options: { approved?: boolean } = {}): AdaptiveCardJson {
  const title = options.approved ? 'Your sign-up is approved' : 'Information session and training';
  return withFallback(
    card([
      heading(title),
      { type: 'Container', style: 'emphasis', items: [text(DATES_NOT_SET, { weight: 'Bolder' })] },
      text('There is nothing you need to do now. When the dates are set, you will get a card here to book your places.', { subtle: true }),
    ]),
    `${title}. ${DATES_NOT_SET}`,
  );
}
