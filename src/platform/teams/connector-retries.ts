import type { TurnContext } from 'botbuilder';

/** The part of botbuilder-stdlib's ServiceClientContext this reaches: its private core-client ServiceClient's pipeline. */
interface WithPipeline {
  readonly client?: { readonly pipeline?: { removePolicy(options: { name: string }): readonly unknown[] } };
}

/**
 * Takes the HTTP pipeline's own retries (core-rest-pipeline's `defaultRetryPolicy`: 429 after Retry-After, 5xx and
 * dropped connections, three times) off the Bot Connector client of this one turn, so the first failure reaches the
 * caller, whose pacer and durable retry then decide. botbuilder has no option for it: its ServiceClientContext builds
 * the ServiceClient without `retryOptions`, and `requestPolicyFactories` run above the retry phase. So this reaches
 * into a private field of a client made for this turn alone; it returns false if that shape ever changes (a test
 * checks it, test/broadcast/connector-retries.test.ts).
 */
export function dropBuiltInRetries(context: TurnContext): boolean {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as WithPipeline | undefined;
  const removed = client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return (removed?.length ?? 0) > 0;
}
