import { describe, expect, it } from 'vitest';
import { placeProblems, problemsOf } from '../../../src/platform/teams/cards/field-problems.js';
import { foldedSection, sideBySide } from '../../../src/platform/teams/cards/form-sections.js';
import { textOf } from '../../support/teams-connector.js';

const problems = [
  { field: 'needs.menteeAges.min', code: 'OUT_OF_RANGE', message: 'Youngest age must be between 16 and 25.' },
  { field: 'needs.menteeAges.max', code: 'REQUIRED', message: 'Oldest age is required.' },
  { field: 'aboutMe', code: 'TOO_LONG', message: 'About me is too long.' },
  { field: '', code: 'NOT_A_FORM', message: 'The details could not be read.' },
  { field: 'somethingNew', code: 'REQUIRED', message: 'Something new is required.' },
];
const inputs: Record<string, string> = { 'needs.menteeAges.min': 'menteeAgeMin', 'needs.menteeAges.max': 'menteeAgeMax', aboutMe: 'aboutMe' };

describe('a refused form\'s problems, placed under their inputs', () => {
  const placed = placeProblems(problems, (field) => inputs[field]);

  it('puts each problem under the input it is about', () => {
    expect(textOf(placed.under('menteeAgeMin'))).toBe('✗  Youngest age must be between 16 and 25.');
    expect(textOf(placed.under('aboutMe'))).toBe('✗  About me is too long.');
    expect(placed.under('experience')).toEqual([]);
  });

  it('counts the answers to correct at the top, and loses no problem that has no input', () => {
    const lead = textOf(placed.lead('Nothing was saved'));
    expect(lead).toContain('Nothing was saved: 3 to correct.');
    expect(lead).toContain('The details could not be read.');
    expect(lead).toContain('Something new is required.');
    expect(textOf(placeProblems(problems.slice(2, 3), (field) => inputs[field]).lead('Nothing was saved'))).toContain('Nothing was saved: one answer to correct.');
    expect(placeProblems([], () => undefined).lead('Nothing was saved')).toEqual([]);
  });

  it('names the refused inputs of a folded section, inside columns too, by their labels', () => {
    const items = [sideBySide([{ type: 'Input.Number', id: 'menteeAgeMin', label: 'Youngest' }], [{ type: 'Input.Number', id: 'menteeAgeMax', label: 'Oldest' }]), { type: 'Input.Number', id: 'travelMiles', label: 'Miles' }];
    expect(placed.refusedIn(items)).toEqual(['Youngest', 'Oldest']);
    const section = foldedSection('more', 'More: ages', items, placed.refusedIn(items));
    expect(textOf(section)).toContain('In here: Youngest; Oldest.');
    expect(section.at(-1)).toMatchObject({ type: 'Container', id: 'more', isVisible: false });
    expect(section[0]).toMatchObject({ actions: [{ type: 'Action.ToggleVisibility', title: 'More: ages', targetElements: ['more'] }] });
  });

  it('reads the field problems of a refusal, and none from a refusal of the whole request', () => {
    expect(problemsOf({ message: 'x', problems })).toHaveLength(5);
    expect(problemsOf({ message: 'Only coordinators can.' })).toEqual([]);
  });
});
