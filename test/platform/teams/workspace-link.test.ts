import { describe, expect, it } from 'vitest';
import { workspaceLinks } from '../../../src/platform/teams/workspace-link.js';

describe('the address of a workspace view, for "Open in the workspace" on a card', () => {
  it('is a Teams deep link to the personal tab with the view as its sub-entity when the Teams app id is known', () => {
    const link = workspaceLinks({ teamsAppId: '8f3c2a10-5b7e-4c1d-9a2b-3c4d5e6f7a8b', port: 3978 })('claims');
    expect(link).toBe('https://teams.microsoft.com/l/entity/8f3c2a10-5b7e-4c1d-9a2b-3c4d5e6f7a8b/workspace?context=%7B%22subEntityId%22%3A%22claims%22%7D');
    const url = new URL(link);
    expect(url.pathname).toBe('/l/entity/8f3c2a10-5b7e-4c1d-9a2b-3c4d5e6f7a8b/workspace');
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'claims' });
  });

  it("is the tab's own local address with the view as its hash without one", () => {
    expect(workspaceLinks({ port: 3978 })('overview')).toBe('http://localhost:3978/workspace/#overview');
  });
});
