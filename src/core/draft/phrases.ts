/**
 * The phrasing of the drafted report paragraphs, kept as DATA (docs/definitions.md): each table definition's
 * `report` (templates/builtin/*.json for the built-ins), so the bureau can change a sentence
 * without touching the logic in `draft.ts`. This file holds its shape.
 *
 * A paragraph is a list of sentences; a sentence is a list of clauses, joined by each clause's
 * `sep` (the first written clause drops its own) and ended with `。`. A clause is written only
 * when every figure it names exists: nothing is ever filled in with a placeholder.
 *
 * Placeholders in a clause text: `{T1/发展预备党员}` writes a figure with its unit; `{+…}` also
 * appends the comparison with last year at the end of the clause (when asked for); `{…@名}`
 * writes the figure with another unit (`112名` instead of `112人`). In programme phrases (表2),
 * `{期数}` / `{培训人数@人}` name the category's figure and `{项目}` the programmes' names.
 * Series placeholders (历年, when the draft is given the series) write a phrase of the figure over
 * the years: `{连续:T1/发展预备党员}` (`连续4年增长`), `{年均:…}` (`年均增长8.2%`), `{比首年:…}`
 * (`比2009年翻了一番`), `{比2010年:…}`; right after another placeholder one follows the clause's
 * 同比 clause after a `，` and is simply left out when it has nothing to write; elsewhere it is
 * part of the words, and its clause is left out when it has nothing to write.
 */
import type { TableId } from "../figures";
import { BUILTIN_DEFINITIONS, type TableDefinition } from "../definitions";

/** A list: `lead` then the items that can be written, joined by `itemSep` (`其中教工党员18人，学生党员31人`). */
export interface PhraseList {
  readonly lead?: string;
  readonly items: readonly string[];
  readonly itemSep: string;
}

/** Rates of some groups (表4 channels), merged when equal: `办结率、满意率均达100%`. */
export interface RatesPhrase {
  /** Rate indicators, e.g. `办结率`, `满意率`: figure ids `<template>/<indicator>/<group>`. */
  readonly indicators: readonly string[];
  readonly groups: readonly string[];
}

/** 表2: one phrase per 培训类别, the programmes named by their 培训项目. */
export interface ProgrammePhrases {
  /** Text before the first category phrase (`其中，`). */
  readonly lead: string;
  /** Between category phrases (`；`). */
  readonly sep: string;
  /** Record headers naming the programme and its category. */
  readonly nameHeader: string;
  readonly categoryHeader: string;
  /** Category order; categories not listed follow in the order met. */
  readonly order: readonly string[];
  readonly byCategory: Readonly<Record<string, string>>;
  /** Phrase for a category without its own. */
  readonly fallback: string;
  /** At most this many programme names, then `等`. */
  readonly maxNames: number;
}

export interface PhraseClause {
  /** Written before this clause when another clause precedes it (default `，`). */
  readonly sep?: string;
  /** Used instead of `sep` when the preceding clause ends with a comparison (e.g. `；`). */
  readonly sepAfterChange?: string;
  /** Only written when the clause just before it was written (`其中…` after its total). */
  readonly attached?: boolean;
  readonly text?: string;
  readonly list?: PhraseList;
  readonly rates?: RatesPhrase;
  readonly programmes?: ProgrammePhrases;
}

export type PhraseSentence = readonly PhraseClause[];

export interface SheetPhrases {
  readonly tableId: TableId;
  /** Heading when headings are asked for (`一、党员发展情况`). */
  readonly heading: string;
  readonly sentences: readonly PhraseSentence[];
}

/**
 * The phrasing of every defined table, from its definition's `report` (the built-ins' are in
 * `templates/builtin/*.json`), in the definitions' order; a table without `report` has none.
 * Each definition's phrasing is derived once (definitions do not change once loaded), so every
 * report drafted from it reads the same objects.
 */
export function phrasesOf(definitions: ReadonlyArray<PhrasedDefinition>): SheetPhrases[] {
  return definitions.flatMap((t) => {
    let phrases = derived.get(t);
    if (phrases === undefined) {
      phrases = sheetPhrases(t);
      derived.set(t, phrases);
    }
    return phrases ? [phrases] : [];
  });
}

type PhrasedDefinition = Pick<TableDefinition, "id" | "report" | "columns">;

const derived = new WeakMap<PhrasedDefinition, SheetPhrases | null>();

function sheetPhrases(t: PhrasedDefinition): SheetPhrases | null {
  if (!t.report) return null;
  return {
    tableId: t.id,
    heading: t.report.heading,
    sentences: t.report.sentences.map((sentence) =>
      sentence.map((clause) => {
        const p = clause.programmes;
        if (!p || p.order) return clause as PhraseClause;
        // the category order defaults to the order of the category column's choices
        const order = t.columns.find((c) => c.header === p.categoryHeader)?.allowed ?? [];
        return { ...clause, programmes: { ...p, order } } as PhraseClause;
      })
    ),
  };
}

/** The default phrasing: the built-in tables' report sentences, 表1…表4. */
export const DEFAULT_PHRASES: readonly SheetPhrases[] = phrasesOf(BUILTIN_DEFINITIONS);
