import { describe, expect, it } from "vitest";
import { a1, columnLetters, parseA1 } from "../../src/core/model";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(parseA1(`${letters}1`)).toEqual({ row: 0, col });
  });
  it("round-trips cells, rows and columns", () => {
    expect(a1(6, 2)).toBe("C7");
    expect(parseA1("C7")).toEqual({ row: 6, col: 2 });
    expect(parseA1("7:7")).toEqual({ row: 6, col: undefined });
    expect(parseA1("C:C")).toEqual({ row: undefined, col: 2 });
    expect(parseA1("")).toBeUndefined();
    expect(parseA1("c7")).toBeUndefined();
  });
});
