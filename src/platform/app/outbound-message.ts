/**
 * What the bot must tell someone, by capability. Each capability adds its own kinds of message to this interface from
 * its app/ folder (`declare module '…/platform/app/outbound-message.js'`), so the platform carries and stores them
 * without importing any capability. The Teams adapter renders a message from current state when it sends.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OutboundMessages {}

export type OutboundMessage = OutboundMessages[keyof OutboundMessages];
