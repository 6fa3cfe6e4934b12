import { describe, expect, it } from 'vitest';
import { Memo } from './memo.js';

describe('Memo', () => {
  it('computes a value once per key while the key is remembered, null included', () => {
    const calls: string[] = [];
    const memo = new Memo<string, string | null>(10);
    const compute = (k: string) => (calls.push(k), k === 'the' ? null : k.toUpperCase());
    expect(memo.get('petro', compute)).toBe('PETRO');
    expect(memo.get('petro', compute)).toBe('PETRO');
    expect(memo.get('the', compute)).toBeNull();
    expect(memo.get('the', compute)).toBeNull();
    expect(calls).toEqual(['petro', 'the']);
  });

  it('empties itself when full, so that it stays bounded', () => {
    let calls = 0;
    const memo = new Memo<number, number>(3);
    const square = (k: number) => (calls++, k * k);
    for (const k of [1, 2, 3]) memo.get(k, square);
    expect(calls).toBe(3);
    memo.get(4, square); // full: emptied, then 4 is remembered
    memo.get(4, square);
    expect(calls).toBe(4);
    memo.get(1, square); // forgotten: computed again
    expect(calls).toBe(5);
  });
});
