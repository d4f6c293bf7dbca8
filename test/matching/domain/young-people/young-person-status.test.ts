import { describe, expect, it } from 'vitest';
import { changeYoungPersonStatus, type YoungPersonEvent, type YoungPersonStatus } from '../../../../src/matching/domain/young-people/index.js';
import { NOW, youngPerson } from '../fixtures.js';

describe('changeYoungPersonStatus', () => {
  it.each<[YoungPersonStatus, YoungPersonEvent, YoungPersonStatus | 'refused']>([
    ['waiting', 'pause', 'paused'],
    ['paused', 'resume', 'waiting'],
    ['waiting', 'match', 'matched'],
    ['matched', 'endMatch', 'waiting'],
    ['waiting', 'close', 'closed'],
    ['paused', 'close', 'closed'],
    ['matched', 'close', 'closed'],
    ['paused', 'match', 'refused'],
    ['matched', 'match', 'refused'],
    ['matched', 'pause', 'refused'],
    ['closed', 'resume', 'refused'],
    ['closed', 'close', 'refused'],
    ['waiting', 'endMatch', 'refused'],
  ])('%s + %s gives %s', (from, event, to) => {
    const result = changeYoungPersonStatus(youngPerson({ status: from }), event, NOW);
    if (to === 'refused') {
      expect(!result.ok && result.error.code).toBe('STATUS_CHANGE_NOT_ALLOWED');
    } else {
      expect(result.ok && result.value.status).toBe(to);
      expect(result.ok && result.value.updatedAt).toBe(NOW.toISOString());
    }
  });
});
