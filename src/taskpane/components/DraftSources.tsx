/**
 * 报告 → 查看来源: the draft's text, read-only, with each number a button. Hovering or focusing
 * a number shows where it comes from (what it is, the arithmetic, the cells by sheet and range,
 * last year's cells, the issues that make it 【待核】); clicking it (or Enter) selects its cells
 * in the workbook, and the card offers last year's cells too.
 */
import { useRef, useState, type FocusEvent, type ReactNode } from "react";
import {
  Button,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { TextFigure } from "../../core";
import type { RangesSelected, WorkbookHost } from "../../hosts/host";
import {
  cellsLines,
  cellsToSelect,
  draftPieces,
  selectedText,
  unverifiedMessages,
  type CellsTarget,
  type SelectCells,
  type SetOpen,
} from "../draftSources";
import type { ShownIssue } from "../engine";
import { describeError } from "../run";
import { useCommonStyles } from "./styles";
import type { CellPreviewRenderer } from "../types";

const useStyles = makeStyles({
  view: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: "anywhere",
    minHeight: "8em",
  },
  line: { margin: 0, whiteSpace: "pre-wrap", minHeight: "1em" },
  number: {
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    backgroundColor: "transparent",
    border: "none",
    padding: 0,
    cursor: "pointer",
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    textUnderlineOffset: "3px",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  unverified: { color: tokens.colorPaletteDarkOrangeForeground1, textDecorationStyle: "wavy" },
  active: { backgroundColor: tokens.colorBrandBackground2 },
  surface: {
    maxWidth: "min(300px, calc(100vw - 24px))",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
  list: { margin: 0, paddingInlineStart: "1.2em" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  status: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

/** What the last click selected (or why it could not). */
type Selection =
  | { readonly kind: "done"; readonly figure: number; readonly result: RangesSelected }
  | { readonly kind: "error"; readonly figure: number; readonly message: string };

export interface DraftSourcesProps {
  readonly text: string;
  /** The numbers placed in `text`. */
  readonly figures: readonly TextFigure[];
  readonly issues: readonly ShownIssue[];
  readonly host: WorkbookHost | undefined;
  /** Browser page: the sheet around the cells selected. */
  readonly cellPreview?: CellPreviewRenderer;
}

/** Selects the ranges with the host (one by one where it has only `selectCell`). */
async function selectWith(host: WorkbookHost, target: CellsTarget): Promise<RangesSelected> {
  if (host.selectRanges) return host.selectRanges(target.sheet, target.ranges);
  const [first = "", ...rest] = target.ranges;
  await host.selectCell?.(target.sheet, first);
  return { sheet: target.sheet, selected: [first], notSelected: rest };
}

export function DraftSources({ text, figures, issues, host, cellPreview }: DraftSourcesProps) {
  const styles = useStyles();
  const [active, setActive] = useState<number | undefined>(undefined);
  const [selection, setSelection] = useState<Selection | undefined>(undefined);
  const canSelect = Boolean(host?.selectRanges ?? host?.selectCell);

  const select = async (figure: number, which: "current" | "previous") => {
    const f = figures[figure];
    const target = f && cellsToSelect(f, which);
    if (!host || !target) return;
    try {
      setSelection({ kind: "done", figure, result: await selectWith(host, target) });
    } catch (e) {
      setSelection({ kind: "error", figure, message: describeError(e) });
    }
  };
  // leaving the view (not for a card inside it) closes the card
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(undefined);
  };
  const status =
    selection === undefined ? "" : selection.kind === "done" ? selectedText(selection.result) : selection.message;

  return (
    <>
      <div
        className={styles.view}
        lang="zh-CN"
        role="group"
        aria-label="报告草稿（查看数据来源）"
        data-testid="draft-sources"
        onBlur={onBlur}
      >
        {draftPieces(text, figures).map((line, k) => (
          <p key={k} className={styles.line}>
            {line.map((piece, j) =>
              piece.figure === undefined ? (
                piece.text
              ) : (
                <FigureNumber
                  key={j}
                  index={piece.figure}
                  figure={figures[piece.figure]!}
                  open={active === piece.figure}
                  setOpen={(open) => setActive((a) => (open ? piece.figure : a === piece.figure ? undefined : a))}
                  onSelect={canSelect ? (which) => void select(piece.figure!, which) : undefined}
                  messages={unverifiedMessages(figures[piece.figure]!, issues)}
                  status={selection?.figure === piece.figure ? status : ""}
                />
              )
            )}
          </p>
        ))}
      </div>
      <p className={styles.status} role="status" data-testid="source-selection">
        {status}
      </p>
      {selection?.kind === "done" && cellPreview
        ? cellPreview(selection.result.sheet, selection.result.selected[0] ?? "", undefined, selection.result.selected)
        : null}
    </>
  );
}

interface FigureNumberProps {
  readonly index: number;
  readonly figure: TextFigure;
  readonly open: boolean;
  readonly setOpen: SetOpen;
  /** Selects this year's (or last year's) cells; absent where the host cannot select. */
  readonly onSelect: SelectCells | undefined;
  readonly messages: readonly string[];
  readonly status: string;
}

/** A number of the draft: a button with its provenance card (inline, so Tab reaches its actions). */
function FigureNumber({ index, figure, open, setOpen, onSelect, messages, status }: FigureNumberProps) {
  const styles = useStyles();
  const common = useCommonStyles();
  const trigger = useRef<HTMLButtonElement>(null);
  const hint = `figure-hint-${index}`;
  const unverified = (figure.unverified?.length ?? 0) > 0;
  return (
    <>
    <Popover
      inline
      openOnHover
      mouseLeaveDelay={400}
      withArrow
      positioning="below-start"
      // the focus stays on the number (the card follows it, so Tab reaches the card's buttons)
      unstable_disableAutoFocus
      open={open}
      onOpenChange={(e, data) => {
        // a click on the number selects its cells: it keeps the card open
        if (!data.open && e.type === "click" && trigger.current?.contains(e.target as Node)) return;
        setOpen(data.open);
      }}
    >
      <PopoverTrigger disableButtonEnhancement>
        <button
          ref={trigger}
          type="button"
          className={mergeClasses(styles.number, unverified && styles.unverified, open && styles.active)}
          aria-describedby={hint}
          data-figure={figure.text}
          onFocus={(e) => {
            // focus moved here (Tab, a screen reader), not given back by a card closing
            const from = e.relatedTarget as Node | null;
            if (from instanceof Element && !from.closest("[data-figure-card]")) setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape" && open) {
              e.preventDefault();
              setOpen(false);
            }
          }}
          onClick={() => {
            setOpen(true);
            onSelect?.("current");
          }}
        >
          {figure.text}
        </button>
      </PopoverTrigger>
      <PopoverSurface
        className={styles.surface}
        aria-label={`${figure.text}的数据来源`}
        data-testid="figure-source"
        data-figure-card=""
      >
        <FigureCard figure={figure} messages={messages} onSelect={onSelect} status={status} />
      </PopoverSurface>
    </Popover>
    <span id={hint} className={common.srOnly}>
      {figure.label}
      {unverified ? "，待核" : ""}
      {onSelect ? "。按回车键在工作表中选中其单元格" : ""}
    </span>
    </>
  );
}

/** The provenance of a number, in words, with the actions that select its cells. */
function FigureCard({
  figure,
  messages,
  onSelect,
  status,
}: Pick<FigureNumberProps, "figure" | "messages" | "onSelect" | "status">) {
  const styles = useStyles();
  const previous = cellsToSelect(figure, "previous");
  const rows: ReactNode[] = cellsLines(figure).map((l, k) => (
    <li key={k}>
      {l.role}：“{l.sheet}”{l.where}
      {l.leftOut ? <span className={styles.warn}>（{l.leftOut}）</span> : null}
    </li>
  ));
  return (
    <>
      <p className={styles.title}>
        {figure.label}：{figure.text}
      </p>
      <p className={styles.status}>{figure.formula}</p>
      {rows.length > 0 ? <ul className={styles.list}>{rows}</ul> : null}
      {messages.length > 0 ? (
        <div className={styles.warn}>
          待核（相关问题）：
          <ul className={styles.list}>
            {messages.map((m, k) => (
              <li key={k}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {onSelect ? (
        <div className={styles.actions}>
          <Button size="small" onClick={() => onSelect("current")}>
            选中本年单元格
          </Button>
          {previous ? (
            <Button size="small" onClick={() => onSelect("previous")}>
              选中上年单元格
            </Button>
          ) : null}
        </div>
      ) : null}
      {status ? <p className={styles.status}>{status}</p> : null}
    </>
  );
}
