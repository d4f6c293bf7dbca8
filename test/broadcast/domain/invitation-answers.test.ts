import { describe, expect, it } from 'vitest';
import { tallyAnswers } from '../../../src/broadcast/domain/index.js';

describe("an invitation's answers, counted over its own recipients", () => {
  it.each<[string, string[], string[], string[], { booked: number; cantMakeIt: number; noAnswer: number }]>([
    ['nobody answered yet', ['a', 'b'], [], [], { booked: 0, cantMakeIt: 0, noAnswer: 2 }],
    ['one booked, one cannot make it', ['a', 'b', 'c'], ['a'], ['b'], { booked: 1, cantMakeIt: 1, noAnswer: 1 }],
    ['people not invited by this broadcast are not counted', ['a'], ['a', 'x'], ['y'], { booked: 1, cantMakeIt: 0, noAnswer: 0 }],
    ['ids compare without case, and a recipient listed twice counts once', ['A', 'a', 'B'], ['a'], ['b'], { booked: 1, cantMakeIt: 1, noAnswer: 0 }],
  ])('%s', (_name, recipients, booked, declined, tally) => {
    expect(tallyAnswers(recipients, booked, declined)).toEqual(tally);
  });
});
