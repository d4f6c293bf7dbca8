import type { Broadcast, ProgressCounts } from '../app/broadcast.js';
import type { BroadcastSender } from '../app/ports.js';
import type { Directory } from '../../platform/app/ports.js';
import { broadcastProgressCard } from './cards/broadcast.card.js';
import { broadcastMessageCard } from './cards/broadcast-message.card.js';
import type { TeamsTransport } from '../../platform/teams/teams-transport.js';

/** The card message the coordinator's progress card is remembered under (CardMessages). */
export function progressSubject(broadcastId: string): string {
  return `broadcast:${broadcastId}`;
}

/** Broadcast cards over TeamsTransport: installs the app through Graph for people never reached, then sends. */
export class TeamsBroadcastSender implements BroadcastSender {
  constructor(
    private readonly transport: TeamsTransport,
    private readonly directory: Directory,
    /** The sessions feature's booking verb, when it runs. */
    private readonly bookVerb: () => string | undefined,
    /** The sessions feature's "Can't make it" verb, when it runs. */
    private readonly declineVerb: () => string | undefined = () => undefined,
  ) {}

  async send(broadcast: Broadcast, recipientId: string, whenReady?: () => Promise<void>): Promise<void> {
    const bookVerb = this.bookVerb();
    const declineVerb = this.declineVerb();
    const options = { ...(bookVerb ? { bookVerb } : {}), ...(declineVerb ? { declineVerb } : {}) };
    await this.transport.send(recipientId, broadcastMessageCard(broadcast.content, options), undefined, whenReady);
  }

  async showProgress(broadcast: Broadcast, progress: ProgressCounts, finished: boolean): Promise<void> {
    if (!broadcast.reportTo) return;
    const failures = finished ? await this.named(progress) : [];
    await this.transport.update(progressSubject(broadcast.id), broadcast.reportTo, broadcastProgressCard({ broadcast, progress, finished, failures }));
  }

  private async named(progress: ProgressCounts): Promise<Array<{ name: string; reason: string }>> {
    const shown = progress.failures.slice(0, 50);
    const names = await Promise.all(shown.map((failure) => this.directory.getPerson(failure.recipientId).catch(() => undefined)));
    return [
      ...shown.map((failure, index) => ({ name: names[index]?.name ?? 'Someone no longer in the directory', reason: failure.reason })),
      ...progress.failures.slice(50).map((failure) => ({ name: failure.recipientId, reason: failure.reason })),
    ];
  }
}
