import { sharedBroadcast } from '../broadcast/index.js';
import { sharedMatching } from '../matching/index.js';
import { LocalDirectory } from '../platform/directory/local-directory.js';
import type { FeatureContext, FeatureFactory } from '../platform/feature.js';
import type { PersonRef } from '../platform/kernel/person.js';
import type { PrivacyDeps } from '../privacy/index.js';
import { sharedRelationship } from '../relationship/index.js';
import { sharedSessions } from '../sessions/index.js';
import type { WorkspaceDeps } from './app/workspace-deps.js';
import { EntraTokenVerifier, entraMetadataUrl } from './web/entra-token.js';
import { staticTab } from './web/static-tab.js';
import { ensureTabBuilt } from './web/tab-build.js';
import { workspaceApi } from './web/workspace-api.js';
import { entraSignIn, localSignIn, type WorkspaceSignIn } from './web/workspace-sign-in.js';

/**
 * The coordinator's workspace: the Teams tab and its API, served beside the bot (docs/workspace.md). The privacy use
 * cases' needs are handed in by features.ts: privacy's wiring reaches the journey, whose face already leans on privacy's.
 */
export const workspaceFeature = (sharedPrivacy: (context: FeatureContext) => Promise<PrivacyDeps>): FeatureFactory => async (context) => {
  const { config, log } = context;
  await ensureTabBuilt(config.WORKSPACE_TAB_DIR, log);
  const deps: WorkspaceDeps = {
    sessions: (await sharedSessions(context)).deps,
    matching: (await sharedMatching(context)).deps,
    relationship: await sharedRelationship(context),
    broadcasts: (await sharedBroadcast(context)).desk,
    privacy: await sharedPrivacy(context),
  };
  const { signIn, cast } = signInFor(context);
  log.info({ signIn: signIn.mode }, signIn.mode === 'local' ? 'workspace tab at /workspace/ with local sign-in (no Entra app configured)' : 'workspace tab at /workspace/ with Teams single sign-on');
  const api = workspaceApi(deps, signIn, cast, log);
  const files = staticTab(config.WORKSPACE_TAB_DIR);
  return { web: async (req, res) => (await api(req, res)) || files(req, res) };
};

function signInFor(context: FeatureContext): { signIn: WorkspaceSignIn; cast: readonly PersonRef[] } {
  const { config } = context;
  if (config.WORKSPACE_CLIENT_ID) {
    const verifier = new EntraTokenVerifier({
      tenantId: config.TEAMS_TENANT_ID,
      audiences: [config.WORKSPACE_CLIENT_ID, ...(config.WORKSPACE_APP_ID_URI ? [config.WORKSPACE_APP_ID_URI] : [])],
      metadataUrl: config.WORKSPACE_OPENID_METADATA_URL ?? entraMetadataUrl(config.TEAMS_TENANT_ID),
    });
    return { signIn: entraSignIn(verifier), cast: [] };
  }
  const cast = config.mode.directory === 'localFile' ? LocalDirectory.load(config.LOCAL_DIRECTORY_FILE).file.people.map(({ id, name }) => ({ id, name })) : [];
  return { signIn: localSignIn(context.directory, cast), cast };
}
