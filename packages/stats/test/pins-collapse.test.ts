// collapseCategories' documented errors, each malformed group reached by its own call with the
// error type and words asserted (the sampled mutation run found every clause of the group check
// unpinned), and the list of the table's categories in the unknown-member error.
import { describe, expect, it } from 'vitest';
import { collapseCategories } from '@satlab/stats';
import type { CategoryGroup } from '@satlab/stats';

const table = [[30, 54, 96, 18], [6, 36, 102, 18]];
const groupError = /^collapseCategories\(spec\.cols\[0\]\): expected \{ label: string, members: \(string \| number\)\[\] \} with at least one member$/;

describe('collapseCategories: malformed groups', () => {
  const bad: [string, unknown][] = [
    ['a number', 3],
    ['null', null],
    ['a group without a string label', { label: 7, members: [0, 1] }],
    ['a group whose members are not an array', { label: 'x', members: '01' }],
    ['a group with no member', { label: 'x', members: [] }],
  ];
  for (const [what, g] of bad) {
    it(`refuses ${what} with a TypeError naming the group`, () => {
      let err: unknown;
      try {
        collapseCategories(table, { cols: [g as CategoryGroup] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TypeError);
      expect((err as Error).message).toMatch(groupError);
    });
  }
  it('a well-formed group passes: 0+1 and 2+3 give [[84, 114], [42, 120]] (hand sums)', () => {
    const r = collapseCategories(table, { cols: [{ label: 'no', members: [0, 1] }, { label: 'yes', members: [2, 3] }] });
    expect(r.table).toEqual([[84, 114], [42, 120]]);
    expect(r.colLabels).toEqual(['no', 'yes']);
  });
  it('an unknown member is named with the list of the categories, each quoted', () => {
    expect(() => collapseCategories(table, { cols: [{ label: 'x', members: ['b', 'z'] }], colLabels: ['a', 'b', 'c', 'd'] }))
      .toThrow(/^collapseCategories\(spec\.cols\[0\]\): member "z" is not a category of the table \("a", "b", "c", "d"\)$/);
  });
});
