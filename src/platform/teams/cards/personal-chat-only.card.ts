import { card, heading, text, type AdaptiveCardJson } from './card.js';

/** The answer to anything asked in a channel or group chat: everything the bot shows is about someone. */
export function personalChatOnlyCard(): AdaptiveCardJson {
  return card([
    heading('Let us talk in your personal chat'),
    text(
      "I run the council's mentoring scheme for care leavers. What I show is about you or about other people, so I only answer in a personal chat with you.",
    ),
    text('In Teams, open Apps, find Care Leaver Mentoring, open it, and type help there.', { subtle: true }),
  ]);
}
