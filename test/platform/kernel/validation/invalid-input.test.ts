import { describe, expect, it } from 'vitest';
import { invalidInput, problem, unreadableInput } from '../../../../src/platform/kernel/validation/index.js';

describe('refused input, in one shape for every form', () => {
  it('carries the form code, each problem under its field, and every sentence in turn', () => {
    const problems = [problem('title', 'TITLE_REQUIRED', 'The title is required.'), problem('seats', 'SEATS_RANGE', 'Seats must be between 1 and 200.')];
    expect(invalidInput('INVALID_NEW_SESSION', problems)).toEqual({
      ok: false,
      error: { code: 'INVALID_NEW_SESSION', message: 'The title is required. Seats must be between 1 and 200.', problems },
    });
  });

  it('refuses input as a whole with its one sentence and no field to mark', () => {
    expect(unreadableInput('UNREADABLE', 'This card could not be read.')).toEqual({ ok: false, error: { code: 'UNREADABLE', message: 'This card could not be read.', problems: [] } });
  });
});
