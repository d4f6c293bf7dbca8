import { Client } from '@microsoft/microsoft-graph-client';
import type { TokenCredential } from '@azure/identity';

export interface GraphClientOptions {
  /** https://graph.microsoft.com, a national cloud, or a local stand-in in tests. */
  readonly baseUrl: string;
  readonly getAccessToken: () => Promise<string>;
}

/**
 * The real Graph client. Its default middleware retries 429 and 503 honouring Retry-After (three times) before an
 * error reaches us.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  return Client.initWithMiddleware({
    baseUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    defaultVersion: 'v1.0',
    authProvider: { getAccessToken: options.getAccessToken },
  });
}

export function tokenFrom(credential: TokenCredential, baseUrl: string): () => Promise<string> {
  const scope = `${new URL(baseUrl).origin}/.default`;
  return async () => {
    const token = await credential.getToken(scope);
    if (!token) throw new Error('No Graph access token was issued');
    return token.token;
  };
}

export function graphStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
