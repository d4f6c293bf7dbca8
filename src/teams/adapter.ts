import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';

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
    ...(config.BOT_OPENID_METADATA_URL ? { ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL } : {}),
  });
}
