import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { unknownCommand } from './unknown-command.handler.js';
import { messageHandler } from './guard.js';
import { isUnknownAction, unknownAction } from './unknown-action.handler.js';
import { rememberConversation, welcomeHandler } from '../../journey/teams/welcome.handler.js';
import { journeyRoutes } from '../../journey/teams/journey.routes.js';
import { RouteRegistry } from './route-registry.js';
import type { TeamsDeps } from './teams-deps.js';

/** A feature's routes: commands by text, card actions by verb. */
export type FeatureRoutes = (routes: RouteRegistry) => void;

/** Routes: commands by text, card actions by verb; every handler is thin and calls a use case. */
export function createBot(adapter: TeamsAdapter, deps: TeamsDeps, features: readonly FeatureRoutes[] = []): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });
  const { log } = deps;

  app.turn('beforeTurn', async (context) => (context.activity.type === 'message' ? rememberConversation(deps)(context) : true));
  app.conversationUpdate('membersAdded', welcomeHandler(deps));

  const routes = new RouteRegistry(app, log);
  journeyRoutes(routes, deps);
  for (const feature of features) feature(routes);

  app.activity('message', messageHandler(log, 'unknown', unknownCommand));
  app.adaptiveCards.actionExecute((context) => isUnknownAction(context, routes.verbs), unknownAction);
  app.error(async (_context, error) => {
    log.error({ err: { name: error.name, message: error.message } }, 'unhandled bot error');
  });
  return app;
}
