import { PLATFORM_VERBS } from './platform.verbs.js';
// Each from its own file, not the package's index, which loads the AI stack too (openai, gpt-tokenizer): see adapter.ts.
import { Application, type ApplicationOptions } from '@microsoft/teams-ai/lib/Application.js';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState.js';
import type { TurnContext } from 'botbuilder';
import { unknownCommand } from './unknown-command.handler.js';
import { messageHandler, refuseUntrusted } from './guard.js';
import { markTrusted } from './identity.js';
import { isUnknownAction, unknownAction } from './unknown-action.handler.js';
import { installationHandler, rememberConversation, welcomeOnce } from './install.handler.js';
import { tryAgainUndeliveredAction } from './undelivered.handler.js';
import { RouteRegistry } from './route-registry.js';
import type { TeamsDeps } from './teams-deps.js';
import { trustedActivity } from './trusted-activity.js';

/** A feature's routes: commands by text, card actions by verb. */
export type FeatureRoutes = (routes: RouteRegistry) => void;

/**
 * The one door every activity comes through: one that is not from Teams in the council's tenant reaches no handler,
 * so none can forget the check (and `actorOf` checks again).
 */
class TrustedApplication extends Application<TurnState> {
  constructor(
    options: Partial<ApplicationOptions<TurnState>>,
    private readonly tenantId: string,
    private readonly refuse: (context: TurnContext) => Promise<void>,
  ) {
    super(options);
  }

  override async run(context: TurnContext): Promise<boolean> {
    if (!trustedActivity(context.activity, this.tenantId)) {
      await this.refuse(context);
      return false;
    }
    markTrusted(context, this.tenantId);
    return super.run(context);
  }
}

/** Routes: commands by text, card actions by verb; every handler is thin and calls a use case. */
export function createBot(adapter: TeamsAdapter, deps: TeamsDeps, features: readonly FeatureRoutes[] = []): Application<TurnState> {
  const { log } = deps;
  const app = new TrustedApplication({ adapter, startTypingTimer: false, removeRecipientMention: true }, deps.trustedTenantId, refuseUntrusted(log));

  app.turn('beforeTurn', async (context) => (context.activity.type === 'message' ? rememberConversation(deps)(context) : true));

  const routes = new RouteRegistry(app, log);
  for (const feature of features) feature(routes);
  routes.action(PLATFORM_VERBS.tryAgainUndelivered, tryAgainUndeliveredAction(deps));
  app.conversationUpdate('membersAdded', welcomeOnce(deps, routes.installHandlers));
  app.activity('installationUpdate', installationHandler(deps, routes.installHandlers));

  app.activity('message', messageHandler(log, 'unknown', unknownCommand));
  app.adaptiveCards.actionExecute((context) => isUnknownAction(context, routes.verbs), unknownAction);
  app.error(async (_context, error) => {
    log.error({ err: { name: error.name, message: error.message } }, 'unhandled bot error');
  });
  return app;
}
