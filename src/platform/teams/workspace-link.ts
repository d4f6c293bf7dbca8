/** The workspace tab's views a chat card can open (the tab reads the same names from its sub-page id or its hash). */
export type WorkspaceView = 'overview' | 'people' | 'sessions' | 'matching' | 'commitment' | 'claims' | 'broadcasts' | 'report' | 'mine';

/** The address of one workspace view, for an Action.OpenUrl on a card. */
export type WorkspaceLink = (view: WorkspaceView) => string;

/** The tab's entityId in teamsapp/manifest.json. */
const TAB_ENTITY = 'workspace';

/**
 * In Teams: a deep link to the app's personal tab with the view as its sub-entity
 * (https://teams.microsoft.com/l/entity/<appId>/workspace?context={"subEntityId":"claims"}), which Teams hands the tab
 * as `page.subPageId`. Without a Teams app id (local runs): the tab's own address with the view as its hash.
 */
export function workspaceLinks(options: { readonly teamsAppId?: string; readonly port: number }): WorkspaceLink {
  const { teamsAppId } = options;
  if (teamsAppId) {
    return (view) => `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${TAB_ENTITY}?context=${encodeURIComponent(JSON.stringify({ subEntityId: view }))}`;
  }
  return (view) => `http://localhost:${options.port}/workspace/#${view}`;
}
