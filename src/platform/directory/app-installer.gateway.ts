import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { graphStatus } from './graph-client.js';

export type InstallResult = { readonly ok: true; readonly chatId: string } | { readonly ok: false; readonly reason: string; readonly retry: boolean };

/** Installs the bot for someone who has never talked to it, and finds the 1:1 chat (TeamsAppInstallation.ReadWriteSelfForUser.All). */
export interface AppInstaller {
  /** True when installFor can open a chat with someone who never talked to the bot (Graph); absent or false: it cannot. */
  readonly canInstall?: boolean;
  installFor(userId: string): Promise<InstallResult>;
}

export class GraphAppInstaller implements AppInstaller {
  readonly canInstall = true;

  constructor(
    private readonly client: Client,
    private readonly teamsAppId: string,
    private readonly graphBaseUrl: string,
  ) {}

  async installFor(userId: string): Promise<InstallResult> {
    const user = encodeURIComponent(userId);
    try {
      await this.install(user);
      const installation = await this.findInstallation(user);
      if (!installation) return { ok: false, reason: 'the app was installed but its chat could not be found yet', retry: true };
      const chat = (await this.client.api(`/users/${user}/teamwork/installedApps/${encodeURIComponent(installation)}/chat`).get()) as { id: string };
      return { ok: true, chatId: chat.id };
    } catch (error) {
      return explain(error);
    }
  }

  /**
   * Graph answers 201 with an empty body under a JSON content type, which the SDK fails to parse (and reports as an
   * error carrying the 201): the raw response is read instead, and any 2xx is success. 409: already installed, also
   * what we want. Any other answer becomes the GraphError the SDK would have thrown, for `explain`.
   */
  private async install(user: string): Promise<void> {
    const binding = `${this.graphBaseUrl.replace(/\/$/, '')}/v1.0/appCatalogs/teamsApps/${this.teamsAppId}`;
    const response = (await this.client
      .api(`/users/${user}/teamwork/installedApps`)
      .responseType(ResponseType.RAW)
      .post({ 'teamsApp@odata.bind': binding })) as Response;
    if (response.ok || response.status === 409) return;
    throw new GraphError(response.status, `Graph answered ${response.status} to the install`);
  }

  private async findInstallation(user: string): Promise<string | undefined> {
    const response = (await this.client
      .api(`/users/${user}/teamwork/installedApps`)
      .expand('teamsApp')
      .filter(`teamsApp/id eq '${this.teamsAppId}'`)
      .get()) as { value?: Array<{ id: string }> };
    return response.value?.[0]?.id;
  }
}

function explain(error: unknown): InstallResult {
  const status = graphStatus(error);
  if (status === 403) return { ok: false, reason: 'the app is blocked for this person or the bot lacks permission to install it', retry: false };
  if (status === 404) return { ok: false, reason: 'this person is not in the directory (they may have left)', retry: false };
  return { ok: false, reason: `Microsoft Graph did not answer (${status ?? 'no response'})`, retry: true };
}

/** Local mode has no Graph: nobody can be reached who has not talked to the bot. */
export class NoAppInstaller implements AppInstaller {
  async installFor(): Promise<InstallResult> {
    return { ok: false, reason: 'they have not opened the bot yet, and local mode cannot install it for them', retry: false };
  }
}
