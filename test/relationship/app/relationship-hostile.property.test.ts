import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideClaim } from '../../../src/relationship/app/claims.js';
import { chooseMentorNext, endRelationship } from '../../../src/relationship/app/end-relationship.js';
import { logMeeting } from '../../../src/relationship/app/log-meeting.js';
import { answerReview } from '../../../src/relationship/app/review.js';
import { acknowledgeConcern, raiseConcern } from '../../../src/relationship/app/support.js';
import { COORDINATOR, relationshipWorld } from '../../support/relationship-storage.js';

const MENTOR = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Alex Wilber' };

const hostileValue = fc.oneof(
  fc.string(),
  fc.constant('x'.repeat(50_000)),
  fc.constantFrom('a/b', 'a#b', 'a?b', 'a\\b', '\u0000', '../../etc', 'match-1', 'relationshipBrokeDown', 'urgent safeguarding', 'pay', '2026-10-09', '-5', '£1e9'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);

const hostileObject = fc.dictionary(
  fc.oneof(
    fc.constantFrom('logId', 'matchId', 'date', 'minutes', 'mode', 'focus', 'refreshmentAmount', 'refreshmentPurpose', 'concernId', 'urgency', 'claimId', 'decision', 'reason', 'mentorNext', 'answer', '__proto__'),
    fc.string({ maxLength: 8 }),
  ),
  hostileValue,
  { maxKeys: 8 },
);

describe('relationship use cases given hostile payloads (Azurite)', () => {
  it('answer every payload with a result, never an exception, and store nothing they refuse', async () => {
    const world = await relationshipWorld(new Date('2026-10-10T10:00:00Z'));
    await world.seedMatch(MENTOR, 'yp-1', 'match-1', '2026-10-01');
    const deps = world.instance();
    let meetingsWritten = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, hostileObject), async (payload) => {
        const data = payload as Record<string, unknown>;
        const logged = await logMeeting(deps, MENTOR, payload);
        if (logged.ok && logged.value.written) meetingsWritten += 1;
        if (!logged.ok) expect(logged.error.message.length).toBeGreaterThan(0);
        for (const result of [
          await raiseConcern(deps, MENTOR, payload),
          await acknowledgeConcern(deps, MENTOR, data?.concernId),
          await decideClaim(deps, COORDINATOR, { matchId: data?.matchId, claimId: data?.claimId, decision: data?.decision, reason: data?.reason }),
          await answerReview(deps, MENTOR, String(data?.matchId ?? ''), data?.answer),
          await chooseMentorNext(deps, MENTOR, String(data?.matchId ?? ''), data?.mentorNext),
          await endRelationship(deps, { id: 'b0000000-0000-4000-8000-000000000009', name: 'Stranger' }, { matchId: String(data?.matchId ?? ''), reason: data?.reason }),
        ]) {
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
    expect(await world.relationships.meetings('match-1')).toHaveLength(meetingsWritten);
    expect((await world.relationships.get('match-1'))?.value.status ?? 'active').toBe('active');
  });
});
