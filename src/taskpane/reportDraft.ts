/**
 * The 报告 tab's state without its layout: the draft made for the options chosen, the user's
 * edits of its text (never overwritten silently), and 复制 / 下载 Word 文档 — both made from the
 * drafted document with the edits applied, never from the text alone. The numbers of the draft
 * keep their provenance through the edits while their text is left as it was.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import { copyRichText, type CopyOutcome } from "./clipboard";
import { splitDraft } from "./draftText";
import { DOCX_TYPE, saveBytes } from "./download";
import {
  loadEngine,
  type Analysis,
  type DraftResult,
  type Engine,
  type ReportOptions,
} from "./engine";
import { describeError } from "./run";
import type { Draft, RelocatedFigures, TextFigure } from "../core";

const NO_FIGURES: RelocatedFigures<TextFigure> = { kept: [], dropped: [] };

export type ReportStatus =
  | { readonly kind: "none" }
  | { readonly kind: "copied"; readonly how: CopyOutcome }
  | { readonly kind: "docx-busy" }
  | { readonly kind: "docx-done"; readonly name: string }
  | { readonly kind: "error"; readonly message: string };

/** Sets one of the 报告 options. */
export type SetOption = <K extends keyof ReportOptions>(key: K, value: ReportOptions[K]) => void;

/** The draft of an analysis for the options, re-made when either changes. */
export function useGeneratedDraft(analysis: Analysis | undefined, options: ReportOptions) {
  const [made, setMade] = useState<{ draft: DraftResult; engine: Engine } | undefined>(undefined);
  const [engineError, setEngineError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!analysis) return;
    let live = true;
    loadEngine().then(
      (engine) => {
        if (live) setMade({ draft: engine.draft(analysis, options), engine });
      },
      (e: unknown) => {
        if (live) setEngineError(describeError(e));
      }
    );
    return () => {
      live = false;
    };
  }, [analysis, options]);
  return { generated: made?.draft, engine: made?.engine, engineError };
}

/**
 * The draft text shown (the user's edits, else the draft made), its lines, and the document with
 * the edits applied for 复制 and 下载 Word 文档.
 */
export function useReportDraft(
  analysis: Analysis | undefined,
  options: ReportOptions,
  rich: RefObject<HTMLElement | null>
) {
  const { generated, engine, engineError } = useGeneratedDraft(analysis, options);
  const [edited, setEdited] = useState<string | null>(null);
  const [status, setStatus] = useState<ReportStatus>({ kind: "none" });
  const [withSources, setWithSources] = useState(false);
  // a new analysis starts a new draft
  useEffect(() => setEdited(null), [analysis]);
  const text = edited ?? generated?.text ?? "";
  const lines = useMemo(() => splitDraft(text), [text]);
  // “已复制” / “已下载” speak of the text as it was: an edit or a new option makes them stale
  useEffect(() => setStatus((s) => (s.kind === "docx-busy" ? s : { kind: "none" })), [text]);

  // the numbers whose text is left as it was, placed in the text shown; the others dropped
  const figures = useMemo<RelocatedFigures<TextFigure>>(() => {
    if (!generated || !engine) return NO_FIGURES;
    if (edited === null) return { kept: [...generated.figures], dropped: [] };
    return engine.relocate(generated.figures, generated.text, edited);
  }, [generated, engine, edited]);

  // the drafted document with the edits applied: what the copy and the .docx are made of
  const document = useMemo<Draft>(() => {
    const draft = generated?.document ?? { paragraphs: [] };
    return edited === null || !engine ? draft : engine.edited(draft, edited);
  }, [generated, engine, edited]);

  const copy = useCallback(async () => {
    try {
      const html = (engine ?? (await loadEngine())).draftHtml(document);
      setStatus({
        kind: "copied",
        how: await copyRichText({ html, text, richElement: rich.current }),
      });
    } catch (e) {
      setStatus({ kind: "error", message: `无法复制：${describeError(e)}` });
    }
  }, [engine, document, text, rich]);

  const downloadDocx = useCallback(async () => {
    setStatus({ kind: "docx-busy" });
    try {
      const bytes = await (engine ?? (await loadEngine())).draftDocx(document, {
        sources: withSources,
      });
      const year = analysis?.currentYear;
      const name = `报告段落${year ? `-${year}` : ""}.docx`;
      saveBytes(bytes, name, DOCX_TYPE);
      setStatus({ kind: "docx-done", name });
    } catch (e) {
      setStatus({ kind: "error", message: `无法生成 Word 文档：${describeError(e)}` });
    }
  }, [engine, document, analysis, withSources]);

  const changed = edited !== null && generated !== undefined && edited !== generated.text;
  return {
    generated,
    engineError,
    text,
    lines,
    figures,
    withSources,
    setWithSources,
    document,
    setEdited,
    changed,
    edited,
    status,
    copy,
    downloadDocx,
  };
}
