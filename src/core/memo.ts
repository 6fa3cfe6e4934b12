/**
 * A bounded memo: values computed from a key, remembered for the keys asked
 * about most recently. Answers look up the same few terms, words and passages
 * again and again, so a memo that simply empties itself when full keeps what
 * is in use at the cost of one recomputation per key after each emptying.
 * @module
 */
export class Memo<K, V> {
  private readonly map = new Map<K, V>();

  /** @param size entries kept before the memo empties itself */
  constructor(private readonly size: number) {}

  /** The value of `key`: remembered, or `compute(key)` (pass a function that needs no closure on a hot path). */
  get(key: K, compute: (key: K) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.map.size >= this.size) this.map.clear();
      this.map.set(key, value);
    }
    return value;
  }
}
