import type { GroupMembers } from '../app/ports.js';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { PersonRef } from '../kernel/person.js';

interface MemberPage {
  value?: Array<{ id: string; displayName?: string | null }>;
  '@odata.nextLink'?: string;
}

/**
 * Users in an Entra group, nested groups included: GET /groups/{id}/transitiveMembers/microsoft.graph.user
 * (application permission GroupMember.Read.All), following @odata.nextLink page by page. The next link is followed as
 * a path under the configured Graph base URL, so the token never goes to a host that link might name.
 */
export class GraphGroupMembers implements GroupMembers {
  constructor(private readonly client: Client) {}

  async *members(groupId: string): AsyncIterable<PersonRef> {
    let page = (await this.client
      .api(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`)
      .select(['id', 'displayName'])
      .top(999)
      .get()) as MemberPage;
    for (;;) {
      for (const user of page.value ?? []) yield { id: user.id, name: user.displayName ?? 'Unknown' };
      const next = page['@odata.nextLink'];
      if (!next) return;
      page = (await this.client.api(relativeToVersion(next)).get()) as MemberPage;
    }
  }
}

function relativeToVersion(link: string): string {
  const url = new URL(link);
  return url.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '') + url.search;
}

/** Local mode has no groups: everyone in the local directory file counts as eligible. */
export class ListedGroupMembers implements GroupMembers {
  constructor(private readonly people: readonly PersonRef[]) {}

  async *members(): AsyncIterable<PersonRef> {
    yield* this.people;
  }
}
