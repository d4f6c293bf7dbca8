import { describe, expect, it } from 'vitest';
import { ConversationRepository, type ConversationAddress } from '../../../src/platform/storage/conversation.repository.js';
import { freshStorage } from '../../support/storage.js';

const address = (personId: string): ConversationAddress => ({
  personId,
  teamsUserId: `29:${personId}`,
  conversationId: `a:personal-${personId}`,
  serviceUrl: 'https://smba.example.net/teams/',
  tenantId: 'tenant-1',
});

/** Each instance behind the load balancer has its own repository (and its own cache) on the one table. */
async function instances(count: number) {
  const { storage } = await freshStorage();
  return Array.from({ length: count }, () => new ConversationRepository(storage.tables.conversations));
}

describe('the welcome claim on the conversation record, on Azurite', () => {
  it('goes to exactly one of many instances claiming at once', async () => {
    const repos = await instances(12);
    const claims = await Promise.all(repos.flatMap((repo) => [repo.claimWelcome(address('p1')), repo.claimWelcome(address('p1'))]));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('goes to exactly one when the row already exists (written by a message), claimed at once', async () => {
    const repos = await instances(12);
    await repos[0]!.remember(address('p2'));
    const claims = await Promise.all(repos.map((repo) => repo.claimWelcome(address('p2'))));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('is not undone by remembering the address again, and is given again after an uninstall', async () => {
    const [first, second] = await instances(2);
    expect(await first!.claimWelcome(address('p3'))).toBe(true);
    await second!.remember({ ...address('p3'), conversationId: 'a:personal-p3-moved' });
    expect(await second!.claimWelcome(address('p3'))).toBe(false);
    expect((await first!.get('p3'))?.conversationId).toBe('a:personal-p3-moved');

    await second!.forgetWelcome('p3');
    const again = await Promise.all([first!.claimWelcome(address('p3')), second!.claimWelcome(address('p3'))]);
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('forgets the welcome of someone it never stored without complaint', async () => {
    const [repo] = await instances(1);
    await expect(repo!.forgetWelcome('nobody')).resolves.toBeUndefined();
    expect(await repo!.get('nobody')).toBeUndefined();
  });
});
