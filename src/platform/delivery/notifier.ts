import type { Effect, OutboundMessage } from '../app/ports.js';
import type { TeamsTransport } from '../teams/teams-transport.js';

type MessageOf<T extends OutboundMessage['type']> = Extract<OutboundMessage, { type: T }>;

/** How each kind of outbound message becomes a Teams card; a feature supplies the kinds it owns. */
export type Notifiers = {
  [T in OutboundMessage['type']]?: (effect: Effect, message: MessageOf<T>, transport: TeamsTransport) => Promise<void>;
};
