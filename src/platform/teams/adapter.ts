// From its own file, not the package's index: the index loads the whole AI stack (openai, gpt-tokenizer, yaml), which
// this bot never uses; that was about a quarter of the CPU of loading teams-ai at start (docs/scaling.md, start).
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import { CallerIdConstants, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import type { JWTPayload } from 'jose';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import { ChannelSigningKeys } from './channel-signing-keys.js';
import { checkChannelToken, type ChannelTokenRules } from './channel-token.js';

/**
 * Bot Framework's public-cloud settings (botframework-connector's AuthenticationConstants), in one place: botbuilder
 * uses them for outbound calls, the token check for inbound ones. Setting any of them switches botbuilder to "all
 * parameters are intentional", so all are always given.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/**
 * Checks each request's token itself (channel-token.ts) and hands botbuilder an authenticated result, instead of letting
 * botbuilder validate it: botbuilder answers some refusals with 500, puts its reasons in the response body, writes them
 * to stderr with stack traces, and follows a token's issuer to other metadata (the emulator's, on login.microsoftonline.com).
 * Here every refusal is an empty 401 and one log line with its reason, and any other failure an empty 500.
 */
class GuardedTeamsAdapter extends TeamsAdapter {
  constructor(
    settings: ConstructorParameters<typeof TeamsAdapter>[0],
    private readonly log: Logger,
    private readonly tokens: ChannelTokenRules | undefined,
  ) {
    super(settings);
  }

  protected override async processActivity(
    authHeaderOrResult: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let authenticated = authHeaderOrResult;
    if (typeof authHeaderOrResult === 'string' && this.tokens) {
      const check = await checkChannelToken(authHeaderOrResult, activity, this.tokens);
      if (!check.ok) {
        this.log.warn({ status: 401, reason: check.reason }, 'request refused: its Bot Framework token was not accepted');
        return { status: 401 };
      }
      authenticated = this.authenticatedBy(check.claims);
    }
    try {
      // Two overloads, one call: with authentication off, botbuilder still makes the (anonymous) result from the header.
      return typeof authenticated === 'string'
        ? await super.processActivity(authenticated, activity, logic)
        : await super.processActivity(authenticated, activity, logic);
    } catch (error) {
      this.log.error({ status: 500, err: error instanceof Error ? { name: error.name, message: error.message } : {} }, 'request failed');
      return { status: 500 };
    }
  }

  /** What botbuilder's channel validation returns for a token it accepts. */
  private authenticatedBy(claims: JWTPayload): AuthenticateRequestResult {
    const claimsIdentity = new ClaimsIdentity(
      Object.entries(claims).map(([type, value]) => ({ type, value: typeof value === 'string' ? value : JSON.stringify(value) })),
      true,
    );
    return {
      audience: PUBLIC_CLOUD.ToChannelFromBotOAuthScope,
      callerId: PUBLIC_CLOUD.CallerId,
      claimsIdentity,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
  }
}

/**
 * With no BOT_ID the adapter accepts unauthenticated requests (local mode and the Playground); with one, every request's
 * Bot Framework token is checked (issuer, signature by a published key endorsed for the channel, audience, expiry,
 * service URL).
 */
export function createAdapter(config: Config, log: Logger): TeamsAdapter {
  if (!config.BOT_ID) return new GuardedTeamsAdapter({}, log, undefined);
  const cloud = {
    ...PUBLIC_CLOUD,
    ...(config.BOT_OPENID_METADATA_URL ? { ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL } : {}),
  };
  const settings = {
    MicrosoftAppId: config.BOT_ID,
    MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
    ...cloud,
  };
  const tokens: ChannelTokenRules = {
    issuer: cloud.ToBotFromChannelTokenIssuer,
    audience: config.BOT_ID,
    keys: new ChannelSigningKeys(cloud.ToBotFromChannelOpenIdMetadataUrl, log),
  };
  return new GuardedTeamsAdapter(settings, log, tokens);
}
