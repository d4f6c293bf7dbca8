import { fail, ok, type Result } from '../../../platform/kernel/result.js';
import type { YoungPerson, YoungPersonStatus } from './young-person.js';

export type YoungPersonEvent = 'pause' | 'resume' | 'match' | 'endMatch' | 'close';

const MOVES: Record<YoungPersonEvent, { from: readonly YoungPersonStatus[]; to: YoungPersonStatus }> = {
  pause: { from: ['waiting'], to: 'paused' },
  resume: { from: ['paused'], to: 'waiting' },
  match: { from: ['waiting'], to: 'matched' },
  // A relationship that ends early leaves the young person free for a new mentor (report 3.8).
  endMatch: { from: ['matched'], to: 'waiting' },
  close: { from: ['waiting', 'paused', 'matched'], to: 'closed' },
};

const STATUS_WORDS: Record<YoungPersonStatus, string> = {
  waiting: 'waiting for a mentor',
  paused: 'paused',
  matched: 'matched',
  closed: 'closed',
};

const EVENT_WORDS: Record<YoungPersonEvent, string> = {
  pause: 'be paused',
  resume: 'be taken off pause',
  match: 'be matched',
  endMatch: 'end a match',
  close: 'be closed',
};

export type YoungPersonStatusErrorCode = 'STATUS_CHANGE_NOT_ALLOWED';

export function changeYoungPersonStatus(
  youngPerson: YoungPerson,
  event: YoungPersonEvent,
  now: Date,
): Result<YoungPerson, YoungPersonStatusErrorCode> {
  const move = MOVES[event];
  if (!move.from.includes(youngPerson.status)) {
    return fail('STATUS_CHANGE_NOT_ALLOWED', `This young person is ${describeYoungPersonStatus(youngPerson.status)}, so they cannot ${EVENT_WORDS[event]}.`);
  }
  const at = now.toISOString();
  // A match that ended early puts them first in line for the next one.
  return ok({ ...youngPerson, status: move.to, updatedAt: at, ...(event === 'endMatch' ? { returnedToListAt: at } : {}) });
}

export function describeYoungPersonStatus(status: YoungPersonStatus): string {
  return STATUS_WORDS[status];
}
