import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, type Activity, type ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../../config.js';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * Bot Framework's public-cloud settings (botframework-connector's AuthenticationConstants), as botbuilder uses them when
 * none is given. Setting any one of these switches botbuilder to "all parameters are intentional" and leaves the others
 * undefined (an issuer of `undefined` refuses every token), so overriding the OpenID metadata URL means giving them all.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/** The errors jsonwebtoken throws for a token it refuses (bad signature, no signature, not yet valid, expired). */
const REFUSED_TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder turns its own AuthenticationError into 401 but lets jsonwebtoken's errors through as 500, so a token with a
 * forged or missing signature got 500 (and Bot Framework retries a 5xx). Same checks, in the same order; only the status
 * of a refused token changes.
 */
class AuthenticatingTeamsAdapter extends TeamsAdapter {
  protected override async processActivity(
    authHeaderOrResult: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof authHeaderOrResult !== 'string') return super.processActivity(authHeaderOrResult, activity, logic);
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeaderOrResult);
    } catch (error) {
      if (error instanceof Error && REFUSED_TOKEN_ERRORS.has(error.name)) return { status: 401, body: `Unauthorized. ${error.message}` };
      throw error;
    }
    return super.processActivity(authenticated, activity, logic);
  }
}

/**
 * With no BOT_ID the adapter accepts unauthenticated requests (local mode and the Playground); with one, every request's
 * Bot Framework token is validated (issuer, audience, signature from the OpenID metadata, expiry, channel endorsement).
 */
export function createAdapter(config: Config): TeamsAdapter {
  if (!config.BOT_ID) return new TeamsAdapter({});
  return new AuthenticatingTeamsAdapter({
    MicrosoftAppId: config.BOT_ID,
    MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
    ...(config.BOT_OPENID_METADATA_URL ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL } : {}),
  });
}
