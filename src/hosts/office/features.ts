/**
 * The richer features of the add-in and whether this Excel has them. Checking and drafting need
 * only ExcelApi 1.1 (Excel 2016); each feature below needs a later set (its member's
 * `[Api set: ExcelApi x.y]` in Microsoft's reference, https://learn.microsoft.com/javascript/api/excel),
 * asked at run time with `hasExcelApi`. Where one is missing, the pane says what is lost and what
 * to do. Which Office has which set: Office 2016 1.1, Office 2019 1.8, Office 2021 1.14, Office
 * 2024 1.17, 1.18 and later only Microsoft 365 and Excel on the web
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 * No core here: the pane loads it with the first tab.
 */
import type { HostFeature } from "../host";
import { hasExcelApi } from "./api";

/** What to install for a feature of ExcelApi `set`, by the oldest Office that has it. */
function upgrade(set: string): string {
  const minor = Number(set.split(".")[1] ?? 0);
  if (minor <= 8) return "请升级到 Office 2019 或更新的版本（含 Microsoft 365）。";
  if (minor <= 14) return "请升级到 Office 2021 或更新的版本（含 Microsoft 365）。";
  if (minor <= 17) return "请升级到 Office 2024 或 Microsoft 365。";
  return "请改用 Microsoft 365 或网页版 Excel。";
}

interface FeatureSpec {
  readonly id: string;
  readonly label: string;
  /** The ExcelApi set it needs. */
  readonly set: string;
  /** What happens without it (one sentence, Chinese). */
  readonly without: string;
  /** What to do instead; default: upgrade. */
  readonly instead?: string;
}

const FEATURES: readonly FeatureSpec[] = [
  {
    // Worksheet.getRanges (1.9) and RangeAreas.select (1.18)
    id: "selectAreas",
    label: "一次选中报告数字的全部来源单元格",
    set: "1.18",
    without:
      "这个版本的 Excel 一次只能选中一块区域，定位报告数字的来源时只选中第一块，其余区域在窗格中列出地址。",
  },
  {
    // RangeFill.pattern, patternColor, tintAndShade (1.9)
    id: "exactRestore",
    label: "清除标记时恢复原来的底色",
    set: "1.9",
    without:
      "这个版本的 Excel 读不出单元格的填充图案和深浅，“清除标记”只恢复原来的填充颜色，白色底色会恢复为无填充。",
  },
  {
    // Range.dataValidation (1.8)
    id: "templateDropdowns",
    label: "插入的模板带下拉选项",
    set: "1.8",
    without: "这个版本的 Excel 不能设置数据验证，插入的模板没有下拉选项，这些列只能手工输入。",
  },
  {
    // Worksheet.freezePanes (1.7)
    id: "freezePanes",
    label: "插入的表冻结表头",
    set: "1.7",
    without: "这个版本的 Excel 不能冻结窗格，插入的模板和汇总表滚动时表头不固定。",
    instead: "请在“视图”选项卡中用“冻结窗格”手动冻结，或升级到 Office 2019 或更新的版本。",
  },
  {
    // WorksheetCollection.onChanged (1.9)
    id: "liveRecheck",
    label: "修改后自动重新校验",
    set: "1.9",
    without: "这个版本的 Excel 不能通知单元格的修改，无法自动重新校验。",
    instead: "请在改完后点“重新校验”。",
  },
  {
    // Excel.RunOptions.mergeUndoGroup and undo of API writes (1.20,
    // https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set,
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities); before
    // it an add-in's writes are not undoable and clear the undo stack, by design
    // (github.com/OfficeDev/office-js/issues/3788, github.com/OfficeDev/office-js/issues/6170)
    id: "undo",
    label: "用撤销（Ctrl+Z）一步撤回本插件的写入",
    set: "1.20",
    without:
      "这个版本的 Excel 不能撤销插件写入的内容（标记、插入的表），写入后此前的撤销记录也会清空。",
    instead: "请在标记或插入前先保存工作簿，需要时关闭而不保存即可回到原样，或改用 Microsoft 365。",
  },
];

/**
 * Each feature with whether this Excel has it and, if not, why and what to do.
 * @example officeFeatures(() => false).find((f) => f.id === "liveRecheck")?.available // false
 */
export function officeFeatures(has: (set: string) => boolean = hasExcelApi): HostFeature[] {
  return FEATURES.map((f) =>
    has(f.set)
      ? { id: f.id, label: f.label, available: true }
      : {
          id: f.id,
          label: f.label,
          available: false,
          reason: f.without + (f.instead ?? upgrade(f.set)),
        }
  );
}

/** Whether this Excel has the feature `id` (true for a feature not listed). */
export function officeHasFeature(id: string, has: (set: string) => boolean = hasExcelApi): boolean {
  return officeFeatures(has).find((f) => f.id === id)?.available ?? true;
}
