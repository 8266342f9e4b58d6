/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/show.ts): the text of instances in counterexample reports,
 * which only whole conjecture runs reached.
 * Expected: numbers print shortest-exact, or rounded to 6 digits with a trailing '…' when that loses bits; −0, ±∞
 * and NaN print as such; matrices print as rows under their shape; typed arrays, arrays and objects print
 * element by element; strings are quoted; anything else prints as String(v).
 */
import { describe, expect, it } from 'vitest';
import { showNumber, showValue } from '../../src/conjecture/index.js';
import { M } from '../helpers/assert.js';

describe('showNumber', () => {
  it('−0, the non-finite numbers and integers print exactly', () => {
    expect(showNumber(-0)).toBe('-0');
    expect(showNumber(0)).toBe('0');
    expect(showNumber(Infinity)).toBe('Infinity');
    expect(showNumber(-Infinity)).toBe('-Infinity');
    expect(showNumber(Number.NaN)).toBe('NaN');
    expect(showNumber(-7)).toBe('-7');
    expect(showNumber(1234567)).toBe('1234567');
  });
  it('a number that 6 digits carry exactly prints short; one they round gets a trailing …', () => {
    expect(showNumber(0.1)).toBe('0.1');
    expect(showNumber(-0.625)).toBe('-0.625');
    expect(showNumber(1e-7)).toBe('1e-7');
    expect(showNumber(1 / 3)).toBe('0.333333…');
    expect(showNumber(123456.5)).toBe('123457…');
    expect(showNumber(2 ** -30)).toBe('9.31323e-10…');
  });
});

describe('showValue', () => {
  it('numbers as showNumber, strings quoted, other scalars by String', () => {
    expect(showValue(-0)).toBe('-0');
    expect(showValue(1 / 3)).toBe('0.333333…');
    expect(showValue('a "b"')).toBe('"a \\"b\\""');
    expect(showValue(true)).toBe('true');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(5n)).toBe('5');
  });
  it('a matrix prints its shape and each row (3 × 2: the rows are cut at cols, not rows)', () => {
    expect(
      showValue(
        M([
          [1, 2],
          [3, 4],
          [5, 0.5],
        ]),
      ),
    ).toBe('3×2 [[1, 2], [3, 4], [5, 0.5]]');
    expect(showValue(M([[1 / 3, -0, 2]]))).toBe('1×3 [[0.333333…, -0, 2]]');
  });
  it('an object is a matrix only with rows, cols and a Float64Array data', () => {
    const data = Float64Array.of(1, 2);
    expect(showValue({ rows: 1, cols: 2, data: [1, 2] })).toBe('{ rows: 1, cols: 2, data: [1, 2] }');
    expect(showValue({ rows: 1, data })).toBe('{ rows: 1, data: [1, 2] }');
    expect(showValue({ cols: 2, data })).toBe('{ cols: 2, data: [1, 2] }');
    expect(showValue({ rows: 1, cols: 2, data: Float32Array.of(1, 2) })).toBe('{ rows: 1, cols: 2, data: [1, 2] }');
  });
  it('typed arrays and arrays element by element, objects key by key, nested', () => {
    expect(showValue(Float64Array.of(0.5, -0, 1 / 3))).toBe('[0.5, -0, 0.333333…]');
    expect(showValue(Float32Array.of(0.1))).toBe('[0.1…]');
    expect(showValue(Int32Array.of(-3, 7))).toBe('[-3, 7]');
    expect(showValue([1, 'x', [Infinity]])).toBe('[1, "x", [Infinity]]');
    expect(showValue([])).toBe('[]');
    expect(showValue({ a: 1, b: { c: [0.5] } })).toBe('{ a: 1, b: { c: [0.5] } }');
    expect(showValue({})).toBe('{  }');
  });
});
