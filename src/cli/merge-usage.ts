/** The `merge` lines of `bureau-stats --help` (apart, so args.ts does not load the merge). */
export const MERGE_USAGE = `  bureau-stats merge <文件或文件夹>... -o <汇总.xlsx> [--units <名单>] [--year <年度>] [--json]
                     [--prefer <文件>]... [--duplicates first|last] [--bureau <名称>]
                     [--definitions <定义.json>] [--allow-incomplete] [--force]
      把各单位上报的统计表合并（汇总）为一个新工作簿，并列出每个单位文件的情况。
      --units <文件>   单位名单（.xlsx 的一列，或每行一个单位的 .txt/.csv），按名单顺序合并，
                       并列出未上报的单位
      --year <年度>    合并哪一年的表（默认：多数文件的年度）
      --prefer <文件>  同一单位上报多份时用这一份（可多次给出）；或 --duplicates first|last
      --allow-incomplete  同一单位的多份文件未选定时也写出汇总（标题注明不完整）；
                       默认不写出
      --bureau <名称>  汇总表的填报单位（默认“汇总”）
      --definitions <文件>  本局的统计表定义（默认内置的表1–表4）；各单位文件中的
                       “报表定义”工作表只作核对，不会放宽本局的规则
      --json          以 JSON 输出 { outcome, year, output, units, problems, issues, tables }`;
