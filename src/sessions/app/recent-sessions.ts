import type { ListSessionsOptions, SessionChange, SessionStore, StoredSession } from './session-ports.js';

interface Snapshot {
  /** performance.now() when it was read. */
  readonly readAt: number;
  /** It holds every session ending at or after this instant. */
  readonly endingAfter: number;
  readonly sessions: Map<string, StoredSession>;
}

/**
 * Sessions for showing on cards, as read at most `maxAgeMs` ago, so a rush of people booking does not read every
 * session's row again for each answer. Decisions never use it: the writer and every use case read the row itself and
 * write under its etag. Writes made through `tracking` (this instance's) are noted as they happen, so only a change made
 * through another instance can show up to `maxAgeMs` late, as on any card already on someone's screen.
 */
export class RecentSessions {
  private snapshot: Snapshot | undefined;
  private reading: Promise<Snapshot> | undefined;
  /** The newest state of each session this instance wrote that a read has not caught up with yet. */
  private readonly noted = new Map<string, StoredSession>();
  /** The store to give the use cases: the same store, with each write it stores noted here. */
  readonly tracking: SessionStore;

  constructor(
    private readonly store: SessionStore,
    private readonly maxAgeMs = 1_000,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {
    this.tracking = {
      get: (id) => store.get(id),
      list: (options) => store.list(options),
      addEffects: (id, effects) => store.addEffects(id, effects),
      getCalendar: (id) => store.getCalendar(id),
      saveCalendar: (id, state, etag) => store.saveCalendar(id, state, etag),
      save: async (change) => {
        const etag = await store.save(change);
        this.note(change);
        return etag;
      },
    };
  }

  /** Sessions ending at or after `endingAfter`, of the given kinds, in no particular order. */
  async list(options: ListSessionsOptions & { endingAfter: Date }): Promise<StoredSession[]> {
    const snapshot = await this.current(options.endingAfter.getTime());
    const wanted = [...snapshot.sessions.values()].filter(
      ({ session }) => Date.parse(session.endsAt) >= options.endingAfter.getTime() && (!options.kinds || options.kinds.has(session.kind)),
    );
    return wanted;
  }

  private async current(endingAfter: number): Promise<Snapshot> {
    const snapshot = this.snapshot;
    if (snapshot && snapshot.endingAfter <= endingAfter && this.monotonicNow() - snapshot.readAt <= this.maxAgeMs) return snapshot;
    // One read at a time: everyone asking while it is on its way shares it.
    this.reading ??= this.read(endingAfter).finally(() => {
      this.reading = undefined;
    });
    const read = await this.reading;
    return read.endingAfter <= endingAfter ? read : this.read(endingAfter);
  }

  private async read(endingAfter: number): Promise<Snapshot> {
    const readAt = this.monotonicNow();
    const sessions = new Map<string, StoredSession>();
    for await (const stored of this.store.list({ endingAfter: new Date(endingAfter) })) sessions.set(stored.session.id, stored);
    // A write stored while this read was on its way may be newer than what the read saw.
    for (const [id, noted] of this.noted) {
      const read = sessions.get(id);
      if ((read && read.version >= noted.version) || Date.parse(noted.session.endsAt) < endingAfter) this.noted.delete(id);
      else sessions.set(id, noted);
    }
    const snapshot: Snapshot = { readAt, endingAfter, sessions };
    this.snapshot = snapshot;
    return snapshot;
  }

  private note(change: SessionChange): void {
    const stored: StoredSession = {
      session: change.session,
      version: change.version,
      ...(change.remindedFor ? { remindedFor: change.remindedFor } : {}),
    };
    const known = this.noted.get(change.session.id);
    if (!known || known.version < stored.version) this.noted.set(change.session.id, stored);
    const snapshot = this.snapshot;
    if (!snapshot || Date.parse(stored.session.endsAt) < snapshot.endingAfter) return;
    const shown = snapshot.sessions.get(stored.session.id);
    if (!shown || shown.version < stored.version) snapshot.sessions.set(stored.session.id, stored);
  }
}
