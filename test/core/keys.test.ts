/**
 * KeyIndex (the key column's index for G-02 unique values and G-04 duplicate rows) behaves like a
 * Map from key to the first row that had it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyIndex, keyHash } from "../../src/core/validate/keys";

function firstRows(keys: readonly string[], capacity = keys.length): number[] {
  const ix = new KeyIndex(capacity, (r) => keys[r] ?? "");
  return keys.map((k, r) => ix.add(k, r));
}

describe("KeyIndex", () => {
  it("returns -1 for a new key and the first row for a repeated one", () => {
    expect(firstRows(["甲", "乙", "甲", "丙", "乙", "甲"])).toEqual([-1, -1, 0, -1, 1, 0]);
  });
  it("grows when more keys come than its capacity said, keeping every first row", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `单位${i % 3000}`);
    const ix = new KeyIndex(10, (r) => keys[r] ?? "");
    const got = keys.map((k, r) => ix.add(k, r));
    expect(got).toEqual(keys.map((k, r) => (keys.indexOf(k) === r ? -1 : keys.indexOf(k))));
  });
  it("agrees with a Map on any sequence of keys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 4 }), { maxLength: 300 }),
        (keys) => {
          const map = new Map<string, number>();
          const expected = keys.map((k, r) => {
            const first = map.get(k);
            if (first === undefined) map.set(k, r);
            return first ?? -1;
          });
          expect(firstRows(keys)).toEqual(expected);
          expect(firstRows(keys, 1)).toEqual(expected);
        }
      )
    );
  });
  it("hashes are 32-bit integers, equal for equal strings", () => {
    expect(keyHash("来电")).toBe(keyHash("来电"));
    expect(keyHash("来电")).not.toBe(keyHash("来访"));
    expect(Number.isInteger(keyHash(""))).toBe(true);
  });
});
