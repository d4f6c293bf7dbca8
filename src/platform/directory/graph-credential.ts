import { ClientAssertionCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export interface GraphCredentialSettings {
  readonly tenantId?: string | undefined;
  /** The app Graph calls run as: the workspace app registration, or the managed identity itself. */
  readonly graphClientId?: string | undefined;
  readonly graphClientSecret?: string | undefined;
  /** The user-assigned managed identity's client id (AZURE_CLIENT_ID). */
  readonly managedIdentityClientId?: string | undefined;
}

/** The audience Entra accepts a managed identity's token for when it is presented as a federated credential. */
export const TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';

/**
 * Who the bot is to Microsoft Graph. With a secret: that app. When the Graph app is not the managed identity (the
 * workspace app, so that Teams' "Self" in TeamsAppInstallation.ReadWriteSelfForUser.All and the tab's single sign-on
 * name the same app): that app, proving itself with the managed identity's token, which the app trusts as a federated
 * identity credential; no secret exists. Otherwise the managed identity itself.
 */
export function graphCredential(settings: GraphCredentialSettings): TokenCredential {
  const { tenantId, graphClientId, graphClientSecret, managedIdentityClientId } = settings;
  if (graphClientSecret && graphClientId && tenantId) return new ClientSecretCredential(tenantId, graphClientId, graphClientSecret);
  if (tenantId && graphClientId && managedIdentityClientId && graphClientId !== managedIdentityClientId) {
    const managedIdentity = new ManagedIdentityCredential({ clientId: managedIdentityClientId });
    return new ClientAssertionCredential(tenantId, graphClientId, async () => {
      const token = await managedIdentity.getToken(TOKEN_EXCHANGE_SCOPE);
      return token.token;
    });
  }
  const clientId = managedIdentityClientId ?? graphClientId;
  return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
}
