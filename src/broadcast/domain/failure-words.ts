import type { DeliveryFailureCode } from '../../platform/kernel/delivery/delivery-outcome.js';

const PLAIN: Record<DeliveryFailureCode, string> = {
  BOT_BLOCKED: 'They have blocked the mentoring app in Teams, or it is not installed for them.',
  RECIPIENT_GONE: 'Their Teams account or their chat with the app no longer exists; they may have left the council.',
  NOT_INSTALLED: 'The mentoring app could not be added to their Teams, so there was nowhere to send it.',
  CARD_REJECTED: 'Teams would not show this message to them.',
  REJECTED: 'Teams refused the message.',
  GAVE_UP: 'Teams kept having trouble, so the app stopped trying; trying again later usually works.',
};

/** Why a broadcast did not reach someone, in the coordinator's words: the stored reason (HTTP codes and all) is for IT. */
export function failureInPlainWords(code: string | undefined): string {
  return (code && PLAIN[code as DeliveryFailureCode]) || 'Teams did not take the message.';
}
