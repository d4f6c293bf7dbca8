import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { VERBS } from './handlers/verbs.js';
import { decideApprovalAction, refreshApprovalAction } from './handlers/approval.handler.js';
import { helpCommand, statusCommand, unknownCommand } from './handlers/commands.handler.js';
import { actionHandler, messageHandler } from './handlers/guard.js';
import { expressInterestAction, signUpCommand, submitSignUpAction } from './handlers/sign-up.handler.js';
import { isUnknownAction, unknownAction } from './handlers/unknown-action.handler.js';
import { rememberConversation, welcomeHandler } from './handlers/welcome.handler.js';
import type { TeamsDeps } from './teams-deps.js';

/** Routes: commands by text, card actions by verb; every handler is thin and calls a use case. */
export function createBot(adapter: TeamsAdapter, deps: TeamsDeps): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });
  const { log } = deps;

  app.turn('beforeTurn', async (context) => (context.activity.type === 'message' ? rememberConversation(deps)(context) : true));
  app.conversationUpdate('membersAdded', welcomeHandler(deps));

  app.message(/^\s*help\s*$/i, messageHandler(log, 'help', helpCommand(deps)));
  app.message(/^\s*sign\s*-?\s*up\s*$/i, messageHandler(log, 'signUp', signUpCommand(deps)));
  app.message(/^\s*(my\s+)?status\s*$/i, messageHandler(log, 'status', statusCommand(deps)));
  app.activity('message', messageHandler(log, 'unknown', unknownCommand()));

  app.adaptiveCards.actionExecute(VERBS.expressInterest, actionHandler(log, 'expressInterest', expressInterestAction(deps)));
  app.adaptiveCards.actionExecute(VERBS.submitSignUp, actionHandler(log, 'submitSignUp', submitSignUpAction(deps)));
  app.adaptiveCards.actionExecute(VERBS.decideApproval, actionHandler(log, 'decideApproval', decideApprovalAction(deps)));
  app.adaptiveCards.actionExecute(VERBS.refreshApproval, actionHandler(log, 'refreshApproval', refreshApprovalAction(deps)));
  app.adaptiveCards.actionExecute(isUnknownAction, unknownAction);

  app.error(async (context, error) => {
    log.error({ err: { name: error.name, message: error.message } }, 'unhandled bot error');
  });
  return app;
}
