/**
 * User settings of the validation (docs/rules.md lists them). Every value has a default; callers
 * pass a `Partial<Settings>` and `resolveSettings` fills in the rest.
 */

export interface Settings {
  /** G-05: a headline figure that changed by more than this many percent is flagged (default 50). */
  readonly changeThresholdPct: number;
  /** G-05: … but only when last year's value (in natural units: 人, 元 …) is at least this (default 10). */
  readonly changeMinBase: number;
  /** T3-02: 慰问金 per beneficiary above this many 元 is flagged (default 5000). */
  readonly condolencePerPersonLimit: number;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  changeThresholdPct: 50,
  changeMinBase: 10,
  condolencePerPersonLimit: 5000,
});

/**
 * Settings with every missing or unusable value (not a finite number ≥ 0) replaced by its default.
 * @example resolveSettings({ changeThresholdPct: 30 }).changeMinBase // 10
 */
export function resolveSettings(partial?: Partial<Settings>): Settings {
  const pick = (key: keyof Settings): number => {
    const v = partial?.[key];
    return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : DEFAULT_SETTINGS[key];
  };
  return {
    changeThresholdPct: pick("changeThresholdPct"),
    changeMinBase: pick("changeMinBase"),
    condolencePerPersonLimit: pick("condolencePerPersonLimit"),
  };
}

/**
 * Settings that rule expressions may name, and their kind: a money setting is in 元, as a number
 * beside it is (held in fen inside an expression, like money columns).
 */
export const SETTING_NAMES: Readonly<
  Record<string, { key: keyof Settings; kind: "count" | "money" }>
> = Object.freeze({
  慰问金人均上限: { key: "condolencePerPersonLimit", kind: "money" },
});
