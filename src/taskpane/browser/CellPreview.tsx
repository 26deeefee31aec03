/**
 * Browser page: where an issue is — a small read-only grid of the sheet around the cell (or the
 * row / column), with the cell highlighted. Cell text is rendered as text, never as markup.
 */
import { useEffect, useRef } from "react";
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
});

export function CellPreview({
  sheet,
  cell,
  model,
  layout,
}: {
  sheet: string;
  cell: string;
  model: { sheets: readonly SheetModel[] } | undefined;
  layout?: PreviewLayout;
}) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // a block body: newer browsers return a promise from scrollIntoView, not a cleanup function
    box.current?.scrollIntoView?.({ block: "nearest" });
  }, [sheet, cell]);
  const data = model?.sheets.find((s) => s.name === sheet);
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
        <thead>
          <tr>
            <td className={styles.head} />
            {win.cols.map((c) => (
              <th key={c} scope="col" className={styles.head}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
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
