import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants } from 'botbuilder';
import type { Config } from '../config.js';

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

/**
 * With no BOT_ID the adapter accepts unauthenticated requests (local mode and the Playground); with one, every request's
 * Bot Framework token is validated (issuer, audience, signature from the OpenID metadata, expiry, channel endorsement).
 */
export function createAdapter(config: Config): TeamsAdapter {
  if (!config.BOT_ID) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.BOT_ID,
    MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
    ...(config.BOT_OPENID_METADATA_URL ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL } : {}),
  });
}
