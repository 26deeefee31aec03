/**
 * The browser page's toolbar: pick a workbook, open a sample, load a bureau's definitions (or go
 * back to the built-ins), and the problem with the last file, if any.
 */
import { forwardRef, useRef } from "react";
import { Button, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Notice, useCommonStyles } from "../components/common";
import { SAMPLES, sampleLabel, type FileChange, type useBrowserFiles } from "./useBrowserFiles";

const useStyles = makeStyles({
  tools: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // one row at 320 px: the header must leave the pane its width
  line: { display: "flex", flexWrap: "nowrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  sample: { flexGrow: 1, minWidth: 0, maxWidth: "20em" },
  // the buttons keep their words on one line; the sample list gives way
  fixed: { flexShrink: 0, whiteSpace: "nowrap", minWidth: "auto" },
  hidden: { display: "none" },
});

/** A file input out of sight, opened by its button. */
const HiddenFileInput = forwardRef<
  HTMLInputElement,
  { accept: string; label: string; onChange: FileChange }
>(function HiddenFileInput({ accept, label, onChange }, ref) {
  const styles = useStyles();
  return <input ref={ref} className={styles.hidden} type="file" accept={accept} onChange={onChange} aria-label={label} tabIndex={-1} />;
});

export function BrowserToolbar({ files }: { files: ReturnType<typeof useBrowserFiles> }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const input = useRef<HTMLInputElement>(null);
  const definitionsInput = useRef<HTMLInputElement>(null);
  const { host, definitions, problem } = files;
  return (
    <div className={styles.tools}>
      <div className={styles.line}>
        <Button size="small" className={styles.fixed} appearance={host ? "secondary" : "primary"} onClick={() => input.current?.click()}>
          {host ? "换一个文件" : "选择 Excel 工作簿"}
        </Button>
        <HiddenFileInput
          ref={input}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label="选择 Excel 工作簿"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ""; // the same file can be picked again after it changed on disk
            if (file) void files.openFile(file);
          }}
        />
        {SAMPLES.length > 0 ? (
          <Select size="small" className={styles.sample} aria-label="打开示例工作簿" value="" onChange={(_e, d) => d.value && void files.openSample(d.value)}>
            <option value="">打开示例…</option>
            {SAMPLES.map((s) => (
              <option key={s} value={s}>
                {sampleLabel(s)}
              </option>
            ))}
          </Select>
        ) : null}
        <Button size="small" className={styles.fixed} title="载入本局的统计表定义文件（.json）" onClick={() => definitionsInput.current?.click()}>
          表定义…
        </Button>
        <HiddenFileInput
          ref={definitionsInput}
          accept=".json,application/json"
          label="载入表定义文件"
          onChange={(e) => void files.pickDefinitions(e)}
        />
      </div>
      {definitions ? (
        <div className={common.row}>
          <Button size="small" appearance="subtle" onClick={files.clearDefinitions}>
            改用内置定义
          </Button>
        </div>
      ) : null}
      {host ? null : <span className={common.muted}>文件只在本机浏览器中读取，不会上传。</span>}
      {problem ? <Notice intent="error">{problem}</Notice> : null}
    </div>
  );
}
