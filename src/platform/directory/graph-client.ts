import {
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { TokenCredential } from '@azure/identity';

export interface GraphClientOptions {
  /** https://graph.microsoft.com, a national cloud, or a local stand-in in tests. */
  readonly baseUrl: string;
  readonly getAccessToken: () => Promise<string>;
}

/**
 * The real Graph client, with the SDK's default middleware except for authentication: its retry handler retries 429,
 * 503 and 504 honouring Retry-After (three times) before an error reaches us. The SDK's own authentication handler
 * only sends the token to the public Graph hosts it knows (https only), so any other GRAPH_BASE_URL got no token at
 * all; the token goes to the configured base URL's origin instead, and to nowhere else.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    middleware: [
      new BearerTokenHandler(new URL(baseUrl).origin, options.getAccessToken),
      new RetryHandler(new RetryHandlerOptions()),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      new HTTPMessageHandler(),
    ],
  });
}

class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly origin: string,
    private readonly getAccessToken: () => Promise<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      const options = (context.options ??= {});
      // The SDK builds headers as a plain object, and its redirect handler deletes Authorization from that object.
      options.headers = { ...(options.headers as Record<string, string> | undefined), Authorization: `Bearer ${await this.getAccessToken()}` };
    }
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
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
