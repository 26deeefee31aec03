/**
 * The draft's numbers followed through the statistician's edits: kept (at their new place) when
 * their characters and the ones just around them are unchanged, dropped otherwise.
 */
import { describe, expect, it } from "vitest";
import {
  applyEdits,
  placeFigures,
  relocateFigures,
  renderText,
  textFigures,
  type Draft,
} from "../../src/core";
import { characterMap } from "../../src/core/render/relocate";

const TEXT = "\u3000\u3000发展预备党员49人，比上年增加6人。\n\u3000\u3000举办培训36期。";

/** The figures of TEXT, found by their text (each occurs once). */
function figure(text: string) {
  const start = TEXT.indexOf(text);
  return { text, start, end: start + text.length };
}
const FIGURES = [figure("49人"), figure("6人"), figure("36期")];

/** The kept figures' texts as found at their new place in `edited`. */
function keptTexts(edited: string): string[] {
  return relocateFigures(FIGURES, TEXT, edited).kept.map((f) => edited.slice(f.start, f.end));
}
const droppedTexts = (edited: string) =>
  relocateFigures(FIGURES, TEXT, edited).dropped.map((f) => f.text);

describe("relocateFigures", () => {
  it("keeps every figure where it was when nothing is edited", () => {
    const r = relocateFigures(FIGURES, TEXT, TEXT);
    expect(r.kept).toEqual(FIGURES);
    expect(r.dropped).toEqual([]);
  });

  it("shifts the figures after an edit elsewhere, and leaves the ones before in place", () => {
    const edited = TEXT.replace("比上年", "与上一年相比");
    const r = relocateFigures(FIGURES, TEXT, edited);
    expect(r.dropped).toEqual([]);
    expect(r.kept[0]).toEqual(FIGURES[0]);
    expect(r.kept[1]!.start).toBe(FIGURES[1]!.start + 3);
    expect(keptTexts(edited)).toEqual(["49人", "6人", "36期"]);
  });

  it("drops a number whose text was changed", () => {
    expect(droppedTexts(TEXT.replace("49人", "50人"))).toEqual(["49人"]);
    expect(keptTexts(TEXT.replace("49人", "50人"))).toEqual(["6人", "36期"]);
  });

  it("drops a number written longer (49人 → 149人): its neighbour changed", () => {
    expect(droppedTexts(TEXT.replace("49人", "149人"))).toEqual(["49人"]);
    expect(droppedTexts(TEXT.replace("49人", "49.5人"))).toEqual(["49人"]);
    expect(droppedTexts(TEXT.replace("36期", "36期次"))).toEqual(["36期"]);
  });

  it("drops the numbers of a deleted paragraph", () => {
    const edited = TEXT.split("\n")[1]!;
    expect(droppedTexts(edited)).toEqual(["49人", "6人"]);
    expect(keptTexts(edited)).toEqual(["36期"]);
    expect(relocateFigures(FIGURES, TEXT, edited).kept[0]!.start).toBe(edited.indexOf("36期"));
  });

  it("follows the numbers when text is inserted before them", () => {
    const edited = `\u3000\u3000一、党员发展情况\n${TEXT}`;
    expect(droppedTexts(edited)).toEqual([]);
    expect(keptTexts(edited)).toEqual(["49人", "6人", "36期"]);
  });

  it("follows the numbers across a line broken in two, and drops a number cut in half", () => {
    const broken = TEXT.replace("，比上年", "，\n\u3000\u3000比上年");
    expect(droppedTexts(broken)).toEqual([]);
    expect(keptTexts(broken)).toEqual(["49人", "6人", "36期"]);
    expect(droppedTexts(TEXT.replace("49人", "4\n9人"))).toEqual(["49人"]);
    // the sentence ended after the number: its neighbour changed
    expect(droppedTexts(TEXT.replace("49人，", "49人。\n"))).toEqual(["49人"]);
  });

  it("leaves out a figure without a place, and drops everything in a middle too large to compare", () => {
    const r = relocateFigures([{ start: -1, end: -1 }, ...FIGURES], TEXT, TEXT);
    expect(r.kept).toHaveLength(3);
    const long = "x".repeat(3000);
    const huge = relocateFigures(
      [{ start: 3000, end: 3002 }],
      `${long}49人${long}`,
      `${"y".repeat(3000)}49人${"z".repeat(3000)}`
    );
    expect(huge.kept).toEqual([]);
  });
});

describe("characterMap", () => {
  it("maps the prefix, the suffix and the common characters of the middle", () => {
    expect(Array.from(characterMap("ab", "aXb"))).toEqual([0, 2]);
    expect(Array.from(characterMap("a49b", "a50b"))).toEqual([0, -1, -1, 3]);
    expect(Array.from(characterMap("abc", ""))).toEqual([-1, -1, -1]);
  });
});

describe("placeFigures", () => {
  const figureAt = (paragraph: number, text: string, from: number) => ({
    paragraph,
    from,
    to: from + text.length,
    text,
    kind: "sum" as const,
    value: Number.parseInt(text, 10),
    label: text,
    cells: [],
    formula: text,
  });
  const draft: Draft = {
    paragraphs: [
      {
        tableId: "T1",
        sheet: "表1",
        heading: "一、党员发展情况",
        headingLevel: 1,
        text: "发展预备党员49人，增加6人。",
      },
      { tableId: "T2", sheet: "表2", text: "举办培训36期。" },
    ],
    figures: [figureAt(0, "49人", 6), figureAt(0, "6人", 12), figureAt(1, "36期", 4)],
  };

  it("gives each figure placed in the text its paragraph and place back", () => {
    const placed = placeFigures(draft, textFigures(draft));
    expect(placed.map(({ paragraph, from, to, text }) => ({ paragraph, from, to, text }))).toEqual(
      draft.figures!.map(({ paragraph, from, to, text }) => ({ paragraph, from, to, text }))
    );
  });

  it("follows the figures into an edited document, leaving out the one edited", () => {
    const original = renderText(draft);
    const text = original.replace("49人", "50人").replace("举办", "全年举办");
    const edited = applyEdits(draft, text);
    const own = renderText(edited);
    const kept = relocateFigures(textFigures(draft, original), original, text).kept;
    const placed = placeFigures(edited, relocateFigures(kept, text, own).kept, own);
    expect(
      placed.map((f) => [
        f.paragraph,
        f.text,
        edited.paragraphs[f.paragraph]!.text.slice(f.from, f.to),
      ])
    ).toEqual([
      // the heading of an edited paragraph becomes a paragraph of its own
      [1, "6人", "6人"],
      [2, "36期", "36期"],
    ]);
  });
});
