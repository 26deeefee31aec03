/**
 * The index of a table's key column (单位名称, 渠道, 培训项目 …), for the unique-value (G-02) and
 * duplicate-row (G-04) checks. A JS `Set` of a million strings costs several cache misses per row
 * and rehashes as it grows; this table is sized once for the whole sheet and keeps each key's
 * 32-bit hash beside its row in one typed array, so an insert is one probe into flat memory and
 * strings are only compared when their hashes are equal.
 */

/**
 * FNV-1a hash of a string's UTF-16 code units (32-bit).
 * @example keyHash("来电") === keyHash("来电") // true
 */
export function keyHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export class KeyIndex {
  /**
   * Two entries a slot, side by side so that a probe touches one cache line: the row of the key
   * + 1 (0 = empty), then the key's hash.
   */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  /**
   * @param capacity the number of keys expected (the sheet's row count): the table is sized for it
   * @param keyOfRow the key of a row already added (only called when two hashes are equal)
   */
  constructor(
    capacity: number,
    private readonly keyOfRow: (row: number) => string
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /**
   * Adds the key of `row` unless it is there already; returns the row that first had it, or -1.
   * @example const ix = new KeyIndex(4, (r) => ["a", "b", "a"][r] ?? ""); [ix.add("a", 0), ix.add("b", 1), ix.add("a", 2)] // [-1, -1, 0]
   */
  add(key: string, row: number): number {
    const hash = keyHash(key);
    const slots = this.slots;
    let i = hash & this.mask;
    for (;;) {
      const stored = slots[2 * i] as number;
      if (stored === 0) {
        slots[2 * i] = row + 1;
        slots[2 * i + 1] = hash;
        if (++this.count * 2 > this.mask) this.grow();
        return -1;
      }
      if (slots[2 * i + 1] === hash && this.keyOfRow(stored - 1) === key) return stored - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** Doubles the table (only when more keys come than the capacity said). */
  private grow(): void {
    const before = this.slots;
    this.slots = new Int32Array(before.length * 2);
    this.mask = before.length - 1;
    for (let j = 0; j < before.length; j += 2) {
      const stored = before[j] as number;
      if (stored === 0) continue;
      const hash = before[j + 1] as number;
      let i = hash & this.mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = stored;
      this.slots[2 * i + 1] = hash;
    }
  }
}
