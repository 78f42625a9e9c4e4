// The survey package's internal helpers (src/util.ts: argument checks, value screening, segments,
// mean/median/sd) pinned at the edges mutation testing found unchecked: each documented error
// reached by its own case with its words, boundaries (0 and 1, min = max, a bound met exactly),
// missing reasons out of range, a line list shorter than the values, the absence of warnings, and
// R's refined mean. Expected values are worked out by hand next to each case, or come from the R
// call quoted beside them.
import { describe, expect, it } from 'vitest';
import { InputError } from '@satlab/data';
import type { Message } from '@satlab/messages';
import {
  addSegmentGroups,
  checkConfidence,
  checkFiniteNumber,
  checkIntegerScale,
  checkNumbers,
  checkScale,
  checkSegments,
  exclusions,
  formatValue,
  mean,
  median,
  sampleSd,
  screenValues,
  splitSegments,
  tallyReasons,
  wilsonCi,
} from '../src/util.js';
import { caught } from './pins.js';


describe('argument checks', () => {
  it('checkConfidence accepts the open interval (0, 1) only, and says so', () => {
    expect(() => checkConfidence('f', 0.5)).not.toThrow();
    expect(() => checkConfidence('f', 1e-9)).not.toThrow();
    expect(() => checkConfidence('f', 1 - 1e-9)).not.toThrow();
    for (const bad of [0, 1, -0.5, 1.5, NaN]) {
      expect(() => checkConfidence('f', bad)).toThrow(RangeError);
    }
    expect(() => checkConfidence('f', '0.9' as never)).toThrow(RangeError);
    expect(caught(() => checkConfidence('f', 1)).message).toBe('f: options.confidence must be a number strictly between 0 and 1, got 1');
  });

  it('checkNumbers: a Float64Array or an array of numbers (NaN allowed), else a TypeError naming the culprit', () => {
    expect(() => checkNumbers('f', 'x', new Float64Array([1, NaN]))).not.toThrow();
    expect(() => checkNumbers('f', 'x', [1, NaN, 3])).not.toThrow();
    const e1 = caught(() => checkNumbers('f', 'x', null));
    expect(e1).toBeInstanceOf(TypeError);
    expect(e1.message).toBe('f: x must be a Float64Array or an array of numbers, got null');
    expect(caught(() => checkNumbers('f', 'x', 'abc')).message).toBe('f: x must be a Float64Array or an array of numbers, got string');
    const e2 = caught(() => checkNumbers('f', 'x', [1, '2']));
    expect(e2).toBeInstanceOf(TypeError);
    expect(e2.message).toBe('f: x[1] must be a number (NaN for missing), got "2"');
  });

  it('checkScale: two finite numbers with min < max (equal bounds refused)', () => {
    expect(() => checkScale('f', [1, 5])).not.toThrow();
    expect(() => checkScale('f', [0.5, 1])).not.toThrow();
    for (const bad of [undefined, 'x', [1], [1, 2, 3], [1, NaN], [NaN, 1], [1, Infinity], ['1', 5], [1, '5'], [5, 1], [3, 3]]) {
      expect(() => checkScale('f', bad), JSON.stringify(bad)).toThrow(RangeError);
    }
    expect(caught(() => checkScale('f', [3, 3])).message).toBe('f: options.scale must be [min, max] with finite min < max, got [3,3]');
  });

  it('checkIntegerScale: both bounds integers', () => {
    expect(() => checkIntegerScale('f', [1, 5])).not.toThrow();
    expect(() => checkIntegerScale('f', [1.5, 5])).toThrow(/options\.scale must hold integers, got \[1\.5,5\]/);
    expect(() => checkIntegerScale('f', [1, 4.5])).toThrow(/must hold integers/);
    expect(() => checkIntegerScale('f', [5, 1])).toThrow(/min < max/);
  });

  it('checkFiniteNumber: finite, bounds inclusive unless minExclusive, the message states the bounds', () => {
    expect(() => checkFiniteNumber('f', 'x', 0, { min: 0 })).not.toThrow(); // min met exactly, inclusive by default
    expect(() => checkFiniteNumber('f', 'x', 1, { min: 0, max: 1 })).not.toThrow();
    expect(() => checkFiniteNumber('f', 'x', -1e300)).not.toThrow();
    expect(caught(() => checkFiniteNumber('f', 'x', NaN)).message).toBe('f: x must be a finite number, got NaN');
    expect(() => checkFiniteNumber('f', 'x', '3' as never)).toThrow(/must be a finite number, got 3/);
    expect(() => checkFiniteNumber('f', 'x', Infinity)).toThrow(RangeError);
    expect(caught(() => checkFiniteNumber('f', 'x', 0, { min: 0, minExclusive: true })).message).toBe('f: x must be > 0, got 0');
    expect(caught(() => checkFiniteNumber('f', 'x', -1, { min: 0 })).message).toBe('f: x must be ≥ 0, got -1');
    expect(caught(() => checkFiniteNumber('f', 'x', 2, { min: 0, max: 1 })).message).toBe('f: x must be ≥ 0 and ≤ 1, got 2');
  });

  it('checkSegments: an array with one entry per value', () => {
    expect(() => checkSegments('f', ['a', null], 2)).not.toThrow();
    const e = caught(() => checkSegments('f', 'region', 2));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('f: options.by must be an array of segment names, got string');
    expect(() => checkSegments('f', ['a'], 2)).toThrow('f: options.by has 1 entries but there are 2 values');
  });
});

describe('screenValues, tallyReasons, exclusions', () => {
  const rule = { min: 1, max: 5, integer: true, reason: 'out of scale 1-5' };

  it('formatValue writes −0 as 0', () => {
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(2.5)).toBe('2.5');
  });

  it('NaN takes its reason from missingReasons, "missing" when the index is 0 or past the reasons', () => {
    const s = screenValues('f', [NaN, NaN, NaN, 3], rule, 'error', undefined, { reasons: ['code 99'], index: [1, 0, 2, 0] });
    expect(s.reason).toEqual(['code 99', 'missing', 'missing', null]);
    expect(screenValues('f', [NaN, 2], null, 'error').reason).toEqual(['missing', null]);
  });

  it('a bad value with a known line names the line and not the value number; past the line list, the value number', () => {
    const src = { file: 'r.csv', column: 'sat', columnNumber: 4, lines: [10, 11] };
    const e1 = caught(() => screenValues('f', [1, 7, 2], rule, 'error', src)) as InputError;
    expect(e1).toBeInstanceOf(InputError);
    expect(e1.location).toEqual({ file: 'r.csv', line: 11, column: 4, columnName: 'sat', value: '7' });
    expect(e1.message).toBe('r.csv:11:4 (column "sat"): "7" is out of scale 1-5; f needs integers from 1 to 5');
    const e2 = caught(() => screenValues('f', [1, 2, 9], rule, 'error', src)) as InputError;
    // value 3 has no line (the list holds 2): no line in the location, "(value 3)" in the text
    expect(Object.keys(e2.location).sort()).toEqual(['column', 'columnName', 'file', 'value']);
    expect(e2.message).toMatch(/"9" is out of scale 1-5 \(value 3\); f needs integers from 1 to 5$/);
    const e3 = caught(() => screenValues('f', [2.5], rule, 'error')) as InputError;
    expect(e3.message).toBe('"2.5" is out of scale 1-5 (value 1); f needs integers from 1 to 5');
  });

  it('policy "exclude" records the rule\'s reason; tallyReasons counts only the rows asked for', () => {
    const s = screenValues('f', [1, 7, NaN, 0, 5], rule, 'exclude');
    expect(s.reason).toEqual([null, 'out of scale 1-5', 'missing', 'out of scale 1-5', null]);
    expect(tallyReasons(s)).toEqual({ excluded: 3, byReason: { 'out of scale 1-5': 2, missing: 1 } });
    expect(tallyReasons(s, [0, 1, 4])).toEqual({ excluded: 1, byReason: { 'out of scale 1-5': 1 } });
    expect(tallyReasons(s, [])).toEqual({ excluded: 0, byReason: {} });
  });

  it('exclusions warns of set-aside values and of no respondent, and of nothing otherwise', () => {
    const s = screenValues('f', [1, 7, NaN, 3], rule, 'exclude');
    const none = exclusions(s, [0, 3], rule, 'NPS', 2);
    expect(none).toEqual({ excluded: 0, byReason: {}, warnings: [] });
    const missingOnly = exclusions(s, [0, 2], rule, 'NPS', 1);
    expect(missingOnly.warnings).toEqual([]);
    const both = exclusions(s, [1, 2], rule, 'NPS', 0);
    expect(both.warnings.map((w) => w.code)).toEqual(['survey.invalidExcluded', 'survey.noRespondents']);
    expect(both.warnings[0].params).toEqual({ what: 'NPS', axis: '', n: 1, reason: 'out of scale 1-5' });
    expect(both.warnings[0].text).toBe('NPS: 1 value set aside as out of scale 1-5 (invalid: "exclude"); check the data or the declared scale');
    expect(both.warnings[1].params).toEqual({ what: 'NPS' });
  });

  it('wilsonCi: [NaN, NaN] for n = 0; the confidence level is used', () => {
    expect(wilsonCi(0, 0, 0.95)).toEqual([NaN, NaN]);
    // R: prop.test(3, 10, conf.level = 0.9, correct = FALSE)$conf.int → 0.12687658390319789 0.55830020413016479
    const [lo, hi] = wilsonCi(3, 10, 0.9);
    expect(lo).toBeCloseTo(0.12687658390319789, 12);
    expect(hi).toBeCloseTo(0.55830020413016479, 12);
  });
});

describe('segments', () => {
  it('splitSegments: null, undefined and "" are unknown; given order first (absent and repeated names skipped), the rest by French numeric collation', () => {
    const by = ['b', 'a10', null, 'a9', '', 'b', undefined, 'a', 'a9'];
    const s = splitSegments(by);
    expect(s.names).toEqual(['a', 'a9', 'a10', 'b']);
    expect(s.rows).toEqual([[7], [3, 8], [1], [0, 5]]);
    expect(s.unknown).toBe(3);
    const o = splitSegments(by, ['b', 'zz', 'b', 'a10']);
    expect(o.names).toEqual(['b', 'a10', 'a', 'a9']);
    expect(o.rows).toEqual([[0, 5], [1], [7], [3, 8]]);
  });

  it('addSegmentGroups: nothing without by; groups and warnings lifted by default, not when asked; a factor whose codes are not an Int32Array is refused', () => {
    const w = (name: string): Message => ({ code: `x.${name}`, params: {}, text: name });
    const summarise = (rows: readonly number[], name: string) => ({ n: rows.length, warnings: [w(name)] });
    const r0: { warnings: Message[]; groups?: (ReturnType<typeof summarise> & { name: string })[]; unknownSegment?: number } = { warnings: [] };
    addSegmentGroups('f', r0, {}, 3, summarise);
    expect(r0).toEqual({ warnings: [] });
    const r1: typeof r0 = { warnings: [] };
    addSegmentGroups('f', r1, { by: ['y', null, 'x'] }, 3, summarise);
    expect(r1.groups).toEqual([
      { name: 'x', n: 1, warnings: [w('x')] },
      { name: 'y', n: 1, warnings: [w('y')] },
    ]);
    expect(r1.unknownSegment).toBe(1);
    expect(r1.warnings.map((m) => m.code)).toEqual(['x.x', 'x.y']);
    const r2: typeof r0 = { warnings: [] };
    addSegmentGroups('f', r2, { by: { codes: new Int32Array([1, -1, 0]), levels: ['y', 'x'] } }, 3, summarise, false);
    expect(r2.groups!.map((g) => g.name)).toEqual(['y', 'x']); // the factor's level order
    expect(r2.warnings).toEqual([]);
    expect(() => addSegmentGroups('f', { warnings: [] }, { by: { codes: [0, 1] as never, levels: ['a', 'b'] } }, 2, summarise)).toThrow(TypeError);
  });
});

describe('mean, median, sampleSd', () => {
  it('median skips NaN, odd and even counts, NaN when empty', () => {
    expect(median([3, NaN, 1, 2])).toBe(2);
    expect(median([3, 1, 2, 10, 4])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('mean: R mean.default with its refinement pass', () => {
    // R: sprintf("%.20g", mean(c(0.1, 0.2, 0.3))) → "0.2000000000000000111", i.e. the double 0.2
    // (the plain sum / n gives 0.20000000000000004).
    expect(mean([0.1, 0.2, 0.3])).toBe(0.2);
    expect(mean([Infinity, 1])).toBe(Infinity); // R: mean(c(Inf, 1)) → Inf
    expect(mean([])).toBeNaN();
    expect(mean([2, 4])).toBe(3);
  });

  it('sampleSd: n − 1 denominator; NaN below two values', () => {
    // R: sd(1:4) → 1.2909944487358056
    expect(sampleSd([1, 2, 3, 4])).toBeCloseTo(1.2909944487358056, 14);
    // Σ(x − m)², not Σx² − n·m² (algebraically equal, which loses the digits of values far from 0):
    // R: sd(1e15 + 1:4) → 1.2909944487358056
    expect(sampleSd([1, 2, 3, 4].map((k) => 1e15 + k))).toBeCloseTo(1.2909944487358056, 14);
    expect(sampleSd([5])).toBeNaN();
    expect(sampleSd([])).toBeNaN();
  });
});
