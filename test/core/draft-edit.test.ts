/**
 * The statistician's edits of the draft text applied to the draft document: what is left alone
 * keeps its heading level, table and sheet; what changed takes the new text.
 */
import { describe, expect, it } from "vitest";
import { applyEdits, renderHtml, renderText, type Draft } from "../../src/core";
import { matchLines } from "../../src/core/render/edit";

const DRAFT: Draft = {
  paragraphs: [
    {
      tableId: "T1",
      sheet: "表1",
      heading: "一、党员发展情况",
      headingLevel: 1,
      text: "发展预备党员49人。",
    },
    {
      tableId: "T2",
      sheet: "表2",
      heading: "二、培训情况",
      headingLevel: 1,
      text: "举办培训4期。",
    },
    { tableId: "T3", sheet: "表3", text: "慰问金301370元。" },
  ],
  unverified: [],
};

/** The text box's lines of a draft. */
const lines = (d: Draft): string[] => renderText(d).split("\n");
const edit = (change: (l: string[]) => string[]): Draft =>
  applyEdits(DRAFT, change(lines(DRAFT)).join("\n"));

describe("applyEdits", () => {
  it("leaves an unedited draft as it was (the same paragraphs)", () => {
    const same = applyEdits(DRAFT, renderText(DRAFT));
    expect(same.paragraphs).toEqual(DRAFT.paragraphs);
    expect(same.paragraphs[0]).toBe(DRAFT.paragraphs[0]);
    expect(same.unverified).toBe(DRAFT.unverified);
  });

  it("edits one paragraph: it takes the new text and keeps its table; the others are untouched", () => {
    const d = edit((l) => l.map((x) => x.replace("举办培训4期。", "举办培训5期。")));
    expect(d.paragraphs).toEqual([
      DRAFT.paragraphs[0],
      { tableId: "T2", sheet: "表2", heading: "二、培训情况", headingLevel: 1, text: "" },
      { tableId: "T2", sheet: "表2", text: "举办培训5期。" },
      DRAFT.paragraphs[2],
    ]);
    expect(renderText(d)).toBe(renderText(DRAFT).replace("4期", "5期"));
    expect(renderHtml(d)).toBe(renderHtml(DRAFT).replace("4期", "5期"));
  });

  it("deletes one paragraph", () => {
    const d = edit((l) => l.filter((x) => !x.includes("慰问金")));
    expect(d.paragraphs).toEqual(DRAFT.paragraphs.slice(0, 2));
    expect(d.unverified).toBeUndefined();
  });

  it("adds one paragraph: body text in the table of the line before it", () => {
    const d = edit((l) => [...l.slice(0, 2), "\u3000\u3000其中女党员20人。", ...l.slice(2)]);
    expect(d.paragraphs[1]).toEqual({ tableId: "T1", sheet: "表1", text: "其中女党员20人。" });
    expect(d.paragraphs[0]).toBe(DRAFT.paragraphs[0]);
    expect(renderText(d).split("\n")).toHaveLength(lines(DRAFT).length + 1);
  });

  it("edits a heading: still a heading of its level when numbered, body text when not", () => {
    const renamed = edit((l) => l.map((x) => x.replace("二、培训情况", "二、教育培训情况")));
    expect(renamed.paragraphs[1]).toEqual({
      tableId: "T2",
      sheet: "表2",
      heading: "二、教育培训情况",
      headingLevel: 1,
      text: "",
    });
    expect(renamed.paragraphs[2]).toEqual({ tableId: "T2", sheet: "表2", text: "举办培训4期。" });
    const sub = edit((l) => l.map((x) => x.replace("二、培训情况", "（二）培训情况")));
    expect(sub.paragraphs[1]).toMatchObject({ heading: "（二）培训情况", headingLevel: 2 });
    const plain = edit((l) => l.map((x) => x.replace("二、培训情况", "培训情况")));
    expect(plain.paragraphs[1]).toEqual({ tableId: "T2", sheet: "表2", text: "培训情况" });
    expect(plain.paragraphs[2]).toEqual({ tableId: "T2", sheet: "表2", text: "举办培训4期。" });
  });

  it("keeps text typed as is (escaped by the renderers) and drops blank lines", () => {
    const d = applyEdits({ paragraphs: [] }, "一、党员发展\n\n\u3000\u3000<b>49</b>人。");
    expect(d.paragraphs).toEqual([
      { tableId: "", sheet: "", heading: "一、党员发展", headingLevel: 1, text: "" },
      { tableId: "", sheet: "", text: "<b>49</b>人。" },
    ]);
    expect(renderHtml(d)).toContain("&lt;b&gt;49&lt;/b&gt;");
  });
});

describe("matchLines", () => {
  it("pairs equal lines in order", () => {
    expect(matchLines(["a", "b", "c"], ["a", "c", "d"])).toEqual([0, 2, -1]);
    expect(matchLines([], ["a"])).toEqual([-1]);
  });
});
