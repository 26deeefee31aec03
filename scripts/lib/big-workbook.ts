/**
 * A large 表1 党员发展情况 workbook (as Excel writes one: shared strings, styles, r attributes) for
 * the benchmark. Every row is consistent (T1-01, T1-02, T1-03 hold) and the 合计 row is right,
 * so a check of it reports no error: the time measured is the time of a clean sheet.
 */
import { definitionById } from "../../src/core/definitions";
import { buildXlsx, escapeXml } from "./xlsx-parts";

const T1 = definitionById("T1");
if (!T1) throw new Error("表1 template missing");
const column = (header: string) => T1.columns.find((c) => c.header === header);
/** 单位类型 choices and the header row, as the core's template defines them. */
const TYPES = column("单位类型")?.allowed ?? [];
const HEADERS = T1.columns.map((c) => c.header);

/**
 * @example makeBigTable1(1000, 2013) // .xlsx bytes with 1,000 data rows
 */
export function makeBigTable1(rows: number, year: number, level: 1 | 6 = 6): Uint8Array {
  const sst: string[] = [
    `表1 党员发展情况统计表（${year}年）`,
    "填报单位",
    "昆山市教育局",
    "统计年度",
    "填报人",
    "张敏",
    "填报日期",
    ...HEADERS,
    ...TYPES,
    "合计",
  ];
  const idx = new Map(sst.map((s, i) => [s, i]));
  const si = (s: string): number => idx.get(s) as number;
  const parts: string[] = [];
  const cols = "ABCDEFGHIJK";
  parts.push(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
  parts.push(
    `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2"><v>${year}</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c><c r="G2" t="s"><v>6</v></c><c r="H2" s="4"><v>${41640 + (year - 2014) * 365}</v></c></row>`
  );
  parts.push(
    `<row r="3">${HEADERS.map((h, c) => `<c r="${cols[c]}3" t="s"><v>${si(h)}</v></c>`).join("")}</row>`
  );
  const totals = new Array<number>(8).fill(0);
  for (let i = 0; i < rows; i++) {
    const r = i + 4;
    const type = TYPES[i % TYPES.length] as string;
    const student =
      type === "初中" || type === "小学" || type === "幼儿园" || type === "机关" ? 0 : i % 3;
    const staff = i % 4;
    const members = 20 + (i % 50);
    const v = [members, i % 9, staff + student, staff, student, i % 5, i % 7, i % 6];
    for (let k = 0; k < 8; k++) totals[k] = (totals[k] as number) + (v[k] as number);
    const name = sst.length;
    sst.push(`昆山市第${i + 1}基层党组织`);
    let cells = `<c r="A${r}" t="s"><v>${name}</v></c><c r="B${r}" t="s"><v>${si(type)}</v></c>`;
    for (let k = 0; k < 8; k++) cells += `<c r="${cols[k + 2]}${r}" s="1"><v>${v[k]}</v></c>`;
    parts.push(`<row r="${r}" spans="1:11">${cells}</row>`);
  }
  const tr = rows + 4;
  parts.push(
    `<row r="${tr}"><c r="A${tr}" t="s"><v>${si("合计")}</v></c>` +
      totals
        .map(
          (t, k) =>
            `<c r="${cols[k + 2]}${tr}" s="1"><f>SUM(${cols[k + 2]}4:${cols[k + 2]}${tr - 1})</f><v>${t}</v></c>`
        )
        .join("") +
      `</row>`
  );
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:K${tr}"/><sheetData>` +
    parts.join("") +
    `</sheetData><mergeCells count="1"><mergeCell ref="A1:K1"/></mergeCells></worksheet>`;
  return buildXlsx({
    sheets: [{ name: `表1 党员发展 ${year}`, xml }],
    sharedStrings: sst.map((s) => `<si><t>${escapeXml(s)}</t></si>`),
    level,
  });
}
