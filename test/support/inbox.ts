import { eventually } from './eventually.js';
import { cardText, type TeamsConnectorStandIn } from './teams-connector.js';
import { conversationOf } from './test-bot.js';

/**
 * What the bot has sent each person through the Teams connector stand-in: every activity, the text of the last one, and a
 * wait for the first card with some words. `bot` is read on each call, so a suite can make this before its bot starts.
 */
export function inboxOf(bot: () => { readonly connector: TeamsConnectorStandIn }) {
  const cardsTo = (person: { readonly id: string }) => bot().connector.to(conversationOf(person));
  return {
    cardsTo,
    lastCardTo: (person: { readonly id: string }) => cardText(cardsTo(person).at(-1)),
    cardWith: (person: { readonly id: string }, words: string) =>
      eventually(() => {
        const found = cardsTo(person).find((activity) => cardText(activity).includes(words));
        if (!found) throw new Error(`no card with "${words}" yet`);
        return found;
      }),
  };
}
