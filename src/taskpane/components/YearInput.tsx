/** The four-digit 统计年度 box of the 模板 and 汇总 tabs (inside a Field that says what is wrong). */
import type { Dispatch, SetStateAction } from "react";
import { Input, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({ year: { maxWidth: "8em" } });

export interface YearInputProps {
  readonly value: string;
  /** Given the text as typed (a state setter fits). */
  readonly onChange: Dispatch<SetStateAction<string>>;
}

export function YearInput({ value, onChange }: YearInputProps) {
  const styles = useStyles();
  return (
    <Input
      className={styles.year}
      value={value}
      inputMode="numeric"
      maxLength={4}
      onChange={(_e, d) => onChange(d.value)}
    />
  );
}
