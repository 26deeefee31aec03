/**
 * GB/T 9704 (党政机关公文格式) as used for the report: body 3号仿宋 (16 pt), first-line indent of
 * 2 characters, fixed 28 pt line spacing; level-1 headings `一、` in 黑体, level-2 `（一）` in
 * 楷体; A4 with margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. Shared by the HTML and
 * .docx renderers.
 */
export const REPORT_STYLE = {
  /** Font names with their fallbacks (first is the one Word is given). */
  bodyFonts: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong"],
  heading1Fonts: ["黑体", "SimHei", "STHeiti"],
  heading2Fonts: ["楷体_GB2312", "楷体", "KaiTi", "STKaiti"],
  /** The document title (if any): 2号小标宋, centred; 黑体 where 小标宋 is not installed. */
  titleFonts: ["方正小标宋简体", "黑体", "SimHei", "STHeiti"],
  titleSizePt: 22,
  /** Page numbers `— 1 —`: 4号 (14 pt) 宋体 digits between two em dashes, 7 mm below the text. */
  pageNumberFonts: ["宋体", "SimSun", "STSong"],
  pageNumberSizePt: 14,
  pageNumberBelowTextMm: 7,
  fontSizePt: 16,
  lineSpacingPt: 28,
  firstLineIndentChars: 2,
  page: { widthMm: 210, heightMm: 297 },
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
} as const;

/** The paragraph indent before each paragraph of plain text: two full-width spaces. */
export const TEXT_INDENT = "\u3000\u3000";

/**
 * Millimetres to twips (1/1440 inch), rounded.
 * @example mmToTwips(37) // 2098
 */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/**
 * Points to twips.
 * @example ptToTwips(28) // 560
 */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}
