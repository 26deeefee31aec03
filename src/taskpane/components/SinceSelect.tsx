/**
 * 起始年度 (历年): the first year of the series over years, one of the years the workbook holds
 * before the previous one; 不比较历年 (the default) keeps the report year and the previous one
 * only. Shared by the 同比 tab's 历年 section and the 报告 tab's options (one choice for both).
 */
import type { Dispatch } from "react";
import { Field, Select } from "@fluentui/react-components";

export interface SinceChoice {
  /** The first year chosen (undefined: none). */
  readonly since: number | undefined;
  readonly onSince: Dispatch<number | undefined>;
}

const NONE = "";

/** The choice, labelled 历年起始年度 (the Field ties the label to the select). */
export function SinceSelect({ choices, since, onSince }: SinceChoice & { choices: readonly number[] }) {
  return (
    <Field label="历年起始年度">
      <Select
        value={since === undefined ? NONE : String(since)}
        onChange={(_e, d) => onSince(d.value === NONE ? undefined : Number(d.value))}
      >
        <option value={NONE}>不比较历年（只比较上年）</option>
        {choices.map((y) => (
          <option key={y} value={String(y)}>
            {y}年起
          </option>
        ))}
      </Select>
    </Field>
  );
}
