/**
 * Browser page: where an issue is — a small read-only grid of the sheet around the cell (or the
 * row / column), with the cell highlighted; or the cells a number of the draft was added up from
 * (several ranges), all highlighted. Cell text is rendered as text, never as markup.
 */
import { useEffect, useRef, type RefObject } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  columnLetters,
  isDateValue,
  isErrorValue,
  parseA1,
  formatSerial,
  type CellValue,
  type SheetModel,
  type SheetLayout,
} from "../../core";

/** What the preview needs of the sheet's table (from the place). */
export type PreviewLayout = Pick<SheetLayout, "headerRow" | "labelCol" | "labelHeader" | "dateCols">;

/**
 * The window with the table's header row on top and its label column on the left, so the cell is
 * seen with its column's header and its unit.
 * @example withContext({ rows: [5, 6, 7], cols: [3, 4, 5], row: 6, col: 4 }, { headerRow: 2, labelCol: 0, labelHeader: "单位名称", dateCols: new Set() }).rows // [2, 5, 6, 7]
 */
function withContext(win: GridWindow, layout: PreviewLayout | undefined): GridWindow {
  if (!layout) return win;
  const rows =
    layout.headerRow >= 0 && !win.rows.includes(layout.headerRow)
      ? [layout.headerRow, ...win.rows.filter((r) => r > layout.headerRow)]
      : win.rows;
  const cols =
    layout.labelCol >= 0 && !win.cols.includes(layout.labelCol)
      ? [layout.labelCol, ...win.cols]
      : win.cols;
  return { ...win, rows, cols };
}

const ROWS_AROUND = 3;
const COLS_AROUND = 2;
const MAX_TEXT = 10;

export interface GridWindow {
  readonly rows: readonly number[];
  readonly cols: readonly number[];
  readonly row?: number;
  readonly col?: number;
}

/**
 * The rows and columns to show around an address (`C7`, `7:7`, `C:C`), clamped at the sheet's start.
 * @example gridWindow("C7").rows // [3, 4, 5, 6, 7, 8, 9]
 * @example gridWindow("A1").cols // [0, 1, 2, 3, 4]
 */
export function gridWindow(address: string): GridWindow | undefined {
  const at = parseA1(address);
  if (!at) return undefined;
  const span = (center: number | undefined, around: number) => {
    const start = Math.max(0, (center ?? 0) - around);
    return Array.from({ length: around * 2 + 1 }, (_, i) => start + i);
  };
  return { rows: span(at.row, ROWS_AROUND), cols: span(at.col, COLS_AROUND), row: at.row, col: at.col };
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellBox {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/**
 * The rectangles of A1 cells and cell ranges (`E4:E30`, `D9`); anything else is left out.
 * @example rangeBoxes(["E4:E30", "D9"]) // [{ r0: 3, c0: 4, r1: 29, c1: 4 }, { r0: 8, c0: 3, r1: 8, c1: 3 }]
 */
export function rangeBoxes(ranges: readonly string[]): CellBox[] {
  const boxes: CellBox[] = [];
  for (const range of ranges) {
    const [a, b = a] = range.replace(/\$/g, "").toUpperCase().split(":");
    const from = parseA1(a ?? "");
    const to = parseA1(b ?? "");
    if (from?.row === undefined || from.col === undefined || to?.row === undefined || to.col === undefined) continue;
    boxes.push({
      r0: Math.min(from.row, to.row),
      c0: Math.min(from.col, to.col),
      r1: Math.max(from.row, to.row),
      c1: Math.max(from.col, to.col),
    });
  }
  return boxes;
}

const MAX_ROWS_SHOWN = 40;
const MAX_COLS_SHOWN = 8;

/**
 * The rows and columns to show for rectangles: all of them and one row / column around
 * (at most 40 rows and 8 columns, from the top left).
 * @example boxesWindow([{ r0: 3, c0: 4, r1: 5, c1: 4 }]).rows // [2, 3, 4, 5, 6]
 */
export function boxesWindow(boxes: readonly CellBox[]): GridWindow {
  const r0 = Math.max(0, Math.min(...boxes.map((b) => b.r0)) - 1);
  const r1 = Math.max(...boxes.map((b) => b.r1)) + 1;
  const c0 = Math.max(0, Math.min(...boxes.map((b) => b.c0)) - 1);
  const c1 = Math.max(...boxes.map((b) => b.c1)) + 1;
  const span = (from: number, to: number, max: number) =>
    Array.from({ length: Math.min(to - from + 1, max) }, (_, i) => from + i);
  return { rows: span(r0, r1, MAX_ROWS_SHOWN), cols: span(c0, c1, MAX_COLS_SHOWN) };
}

/**
 * A cell value as shown in the preview grid; in a date column a number is a date serial and shows
 * as a date (never 41535).
 * @example cellText({ error: "#DIV/0!" }) // "#DIV/0!"
 * @example cellText(true) // "TRUE"
 * @example cellText(41535, true) // "2013-09-18"
 */
export function cellText(value: CellValue, dateColumn = false): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return dateColumn ? formatSerial(value) : String(value);
  if (typeof value === "string") return value;
  if (isErrorValue(value)) return value.error;
  if (isDateValue(value)) return formatSerial(value.date);
  return "";
}

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
    overflowX: "auto",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  caption: { textAlign: "start", fontSize: tokens.fontSizeBase200, paddingBottom: "2px", overflowWrap: "anywhere" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "auto" },
  header: {
    whiteSpace: "normal",
    maxWidth: "7em",
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: "anywhere",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: "1px 3px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: "1.5em",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 3px",
    whiteSpace: "nowrap",
    maxWidth: "8em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  hit: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-2px", backgroundColor: tokens.colorPaletteRedBackground1 },
  band: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  selected: {
    outline: `1px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-1px",
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export function CellPreview({
  sheet,
  cell,
  model,
  layout,
  ranges,
}: {
  sheet: string;
  cell: string;
  model: { sheets: readonly SheetModel[] } | undefined;
  layout?: PreviewLayout;
  /** Several ranges to highlight (a number of the draft) in place of `cell`. */
  ranges?: readonly string[];
}) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const rangesKey = ranges?.join(",");
  useEffect(() => {
    // a block body: newer browsers return a promise from scrollIntoView, not a cleanup function
    box.current?.scrollIntoView?.({ block: "nearest" });
  }, [sheet, cell, rangesKey]);
  const data = model?.sheets.find((s) => s.name === sheet);
  const boxes = ranges ? rangeBoxes(ranges) : [];
  if (data && boxes.length > 0) return <RangesPreview sheet={data} ranges={ranges ?? []} boxes={boxes} boxRef={box} />;
  const around = gridWindow(cell);
  const win = around ? withContext(around, layout) : undefined;
  if (!data || !win) {
    return (
      <div className={styles.box} ref={box} data-testid="cell-preview">
        工作表“{sheet}”，{cell}
      </div>
    );
  }
  const isHit = (r: number, c: number) =>
    (win.row === undefined || win.row === r) && (win.col === undefined || win.col === c);
  const caption = win.row === undefined ? `${cell.split(":")[0]}列` : win.col === undefined ? `第${win.row + 1}行` : `${cell}单元格`;
  return (
    <div className={styles.box} ref={box} data-testid="cell-preview">
      <table className={styles.table}>
        <caption className={styles.caption}>
          工作表“{sheet}”，{caption}
        </caption>
        <ColumnHeads cols={win.cols} />
        <tbody>
          {win.rows.map((r) => (
            <tr key={r}>
              <th scope="row" className={styles.head}>
                {r + 1}
              </th>
              {win.cols.map((c) => {
                const header = r === layout?.headerRow;
                const text = cellText(data.values[r]?.[c], !header && (layout?.dateCols.has(c) ?? false));
                const hit = isHit(r, c);
                const band = !hit && !header && (win.row === r || win.col === c);
                return (
                  <td
                    key={c}
                    className={mergeClasses(styles.cell, header && styles.header, band && styles.band, hit && styles.hit)}
                    title={text.length > MAX_TEXT ? text : undefined}
                    aria-current={hit && win.row !== undefined && win.col !== undefined ? "location" : undefined}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The grid around several ranges of a sheet, every cell of them highlighted. */
function RangesPreview({
  sheet,
  ranges,
  boxes,
  boxRef,
}: {
  sheet: SheetModel;
  ranges: readonly string[];
  boxes: readonly CellBox[];
  boxRef: RefObject<HTMLDivElement | null>;
}) {
  const styles = useStyles();
  const win = boxesWindow(boxes);
  const isHit = (r: number, c: number) => boxes.some((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1);
  return (
    // focusable: a wide sheet scrolls sideways, by keyboard too
    <div
      className={styles.box}
      ref={boxRef}
      data-testid="cell-preview"
      tabIndex={0}
      role="region"
      aria-label={`单元格预览：${ranges.join("、")}`}
    >
      <table className={styles.table}>
        <caption className={styles.caption}>
          工作表“{sheet.name}”，{ranges.join("、")}
        </caption>
        <ColumnHeads cols={win.cols} />
        <tbody>
          {win.rows.map((r) => (
            <tr key={r}>
              <th scope="row" className={styles.head}>
                {r + 1}
              </th>
              {win.cols.map((c) => {
                const text = cellText(sheet.values[r]?.[c]);
                const hit = isHit(r, c);
                return (
                  <td
                    key={c}
                    className={mergeClasses(styles.cell, hit && styles.selected)}
                    title={text.length > MAX_TEXT ? text : undefined}
                    data-selected={hit ? "true" : undefined}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The grid's column letters (above a blank corner). */
function ColumnHeads({ cols }: { cols: readonly number[] }) {
  const styles = useStyles();
  return (
    <thead>
      <tr>
        <td className={styles.head} />
        {cols.map((c) => (
          <th key={c} scope="col" className={styles.head}>
            {columnLetters(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
