/**
 * Browser page: where an issue is — a small read-only grid of the sheet around the cell (or the
 * row / column), with the cell highlighted. Cell text is rendered as text, never as markup.
 */
import { useEffect, useRef } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, isDateValue, isErrorValue, parseA1, type CellValue, type SheetModel } from "../../core/model";
import { formatSerial } from "../../core/read/dates";

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
 * A cell value as shown in the preview grid.
 * @example cellText({ error: "#DIV/0!" }) // "#DIV/0!"
 * @example cellText(true) // "TRUE"
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
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
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100, tableLayout: "fixed", width: "100%" },
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
    maxWidth: "5.5em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  hit: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-2px", backgroundColor: tokens.colorPaletteRedBackground1 },
  band: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

export function CellPreview({ sheet, cell, model }: { sheet: string; cell: string; model: { sheets: readonly SheetModel[] } | undefined }) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // a block body: newer browsers return a promise from scrollIntoView, not a cleanup function
    box.current?.scrollIntoView?.({ block: "nearest" });
  }, [sheet, cell]);
  const data = model?.sheets.find((s) => s.name === sheet);
  const win = gridWindow(cell);
  if (!data || !win) {
    return (
      <div className={styles.box} ref={box} data-testid="cell-preview">
        工作表“{sheet}”，{cell}
      </div>
    );
  }
  const isHit = (r: number, c: number) =>
    (win.row === undefined || win.row === r) && (win.col === undefined || win.col === c);
  const caption = win.row === undefined ? `第 ${cell.split(":")[0]} 列` : win.col === undefined ? `第 ${win.row + 1} 行` : `单元格 ${cell}`;
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
                const text = cellText(data.values[r]?.[c]);
                const hit = isHit(r, c);
                const band = !hit && (win.row === r || win.col === c);
                return (
                  <td
                    key={c}
                    className={mergeClasses(styles.cell, band && styles.band, hit && styles.hit)}
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
