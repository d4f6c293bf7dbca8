import { DeliveryError, type EffectDelivery } from './delivery.js';
import type { Effect } from '../app/ports.js';
import type { Notifiers } from './notifier.js';
import type { TeamsTransport } from '../teams/teams-transport.js';

/** Carries out effects as Teams messages, handing each to the notifier of its kind. */
export class TeamsMessenger implements EffectDelivery {
  private readonly notifiers: Notifiers;

  constructor(
    private readonly transport: TeamsTransport,
    notifiers: readonly Notifiers[],
  ) {
    this.notifiers = Object.assign({}, ...notifiers) as Notifiers;
  }

  async deliver(effect: Effect): Promise<void> {
    const notify = this.notifiers[effect.message.type] as ((e: Effect, m: Effect['message'], t: TeamsTransport) => Promise<void>) | undefined;
    if (!notify) throw new DeliveryError(`no notifier for ${effect.message.type}`, 'permanent');
    await notify(effect, effect.message, this.transport);
  }
}
