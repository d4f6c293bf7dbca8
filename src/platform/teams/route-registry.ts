import type { Application, TurnState } from '@microsoft/teams-ai';
import type { PersonRef } from '../kernel/person.js';
import type { Logger } from '../../log.js';
import { actionHandler, messageHandler } from './guard.js';
import type { InstallHandler } from './install.handler.js';
import type { Turn } from './turn.js';
import { turnOf } from './turn-context.js';

export type CommandHandler = (turn: Turn, actor: PersonRef) => Promise<void>;
export type ActionHandler = (turn: Turn, actor: PersonRef, data: unknown) => Promise<void>;
export type StatusFacts = (personId: string) => Promise<Array<[string, string]>>;

/**
 * How a feature adds itself to the bot: text commands and Action.Execute verbs, each wrapped so the actor is known and
 * no exception reaches a person. The verbs it collects are what the unknown-action answer checks against.
 */
export class RouteRegistry {
  readonly verbs = new Set<string>();
  /** Lines features add to `my status` (e.g. the DBS check), asked for when the card is built. */
  readonly statusFacts: StatusFacts[] = [];
  readonly installHandlers: InstallHandler[] = [];

  constructor(
    private readonly app: Application<TurnState>,
    private readonly log: Logger,
  ) {}

  command(pattern: RegExp, name: string, handler: CommandHandler): this {
    this.app.message(pattern, messageHandler(this.log, name, (context, actor) => handler(turnOf(context), actor)));
    return this;
  }

  /** What to do when the app is installed for someone (once per install, in their personal chat). */
  installed(handler: InstallHandler): this {
    this.installHandlers.push(handler);
    return this;
  }

  statusFact(provider: StatusFacts): this {
    this.statusFacts.push(provider);
    return this;
  }

  action(verb: string, handler: ActionHandler): this {
    this.verbs.add(verb);
    this.app.adaptiveCards.actionExecute(verb, actionHandler(this.log, verb, (context, actor, data) => handler(turnOf(context), actor, data)));
    return this;
  }

  /** Every verb of a capability, each to the handler of the same name (a verb without one does not compile). */
  actions<V extends string>(verbs: Readonly<Record<string, V>>, handlers: Readonly<Record<V, ActionHandler>>): this {
    for (const verb of Object.values(verbs)) this.action(verb, handlers[verb]);
    return this;
  }
}
