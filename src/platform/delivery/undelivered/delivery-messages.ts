/** Messages the bot gave up on: the coordinators' card for one outage, sent, then updated in place. */
export type DeliveryMessage =
  | { readonly type: 'deliveryOutage'; readonly outageId: string }
  | { readonly type: 'deliveryOutageUpdate'; readonly outageId: string };

declare module '../../app/outbound-message.js' {
  interface OutboundMessages {
    delivery: DeliveryMessage;
  }
}
