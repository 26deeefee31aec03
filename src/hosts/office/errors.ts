/**
 * Errors the Office host raises, in Chinese for the task pane, and how Excel's own errors map to
 * them. A cancelled read rejects with an `AbortError` (name), which the UI treats as "stopped".
 */

/** Rejection of a read cancelled through its AbortSignal. */
export class ReadCancelledError extends Error {
  override readonly name = "AbortError";
  constructor() {
    super("已取消读取，工作簿未作任何改动。");
  }
}

/** A failure the user can act on; `message` is shown as is. */
export class OfficeHostError extends Error {
  override readonly name = "OfficeHostError";
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message);
  }
}

/** The `code` of an Office.js error (`ItemNotFound`, `InvalidArgument` …), if any. */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Excel answered a load of `values` with `null` instead of the grid (seen in the field for very
 * large ranges): treated like a response refused as too large — read again in smaller chunks.
 */
export class ValuesNotReturnedError extends Error {
  readonly code = "ValuesNotReturned";
  constructor() {
    super("Excel returned no values for the range (null).");
  }
}

/** True for Excel on the web's 5 MB request/response limit errors and for `null` values. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = officeErrorCode(e) ?? "";
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|ValuesNotReturned/.test(
    code
  );
}

/** Throws the cancellation error when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReadCancelledError();
}

/**
 * Waits for `work`, but rejects at once when `signal` fires (Excel cannot stop a request already
 * sent; its result is then ignored: reads only).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ReadCancelledError());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    );
  });
}

/**
 * What each of Excel's error codes (`Excel.ErrorCodes`, ExcelApi) means for the user, and what to
 * do: every code has its Chinese words, so no English error text reaches the pane alone. `{detail}`
 * is Excel's own message, kept where it names the cause.
 */
export const EXCEL_ERROR_REASONS = {
  AccessDenied: "工作簿或工作表处于保护状态，或正在编辑单元格。请按 Esc 退出编辑、取消保护后再试。",
  ApiNotFound: "这个版本的 Excel 不支持所需的功能。请更新 Office，或改用网页版页面或命令行。",
  Conflict: "工作簿正被其他人或其他操作同时修改。请稍候再试。",
  DirtySupportingFormula: "相关的公式尚未计算完成。请等待 Excel 计算完毕后再试。",
  EmptyChartSeries: "图表没有可用的数据。请先确认同比表中有数据。",
  FilteredRangeConflict: "区域处于筛选状态。请清除筛选后再试。",
  FormulaLengthExceedsLimit: "公式超出 Excel 的长度上限。请缩短后再试。",
  GeneralException: "Excel 内部出错（{detail}）。请保存工作簿后重试。",
  InactiveWorkbook: "工作簿不在活动状态。请切换回这个工作簿后再试。",
  InsertDeleteConflict: "插入或删除与表格、合并单元格等冲突。请检查工作表后再试。",
  InvalidArgument: "参数无效（{detail}）。请重新校验后再试。",
  InvalidBinding: "工作表的绑定已失效。请重新校验后再试。",
  InvalidOperation:
    "工作簿或工作表处于保护状态，或正在编辑单元格。请按 Esc 退出编辑、取消保护后再试。",
  InvalidOperationInCellEditMode: "正在编辑单元格。请按 Esc 或 Enter 退出编辑后再试。",
  InvalidReference: "引用的单元格无效（可能已删除）。请重新校验后再试。",
  InvalidSelection: "当前选中的内容不能操作。请选中一个单元格后再试。",
  ItemAlreadyExists: "同名的工作表或名称已存在。请改名或删除后再试。",
  ItemNotFound: "找不到相应的工作表或单元格（可能已改名或删除）。请重新校验后再试。",
  MergedRangeConflict: "操作涉及合并单元格。请取消合并后再试。",
  NonBlankCellOffSheet: "这样做会把非空单元格移出工作表。请检查工作表末尾的行和列。",
  NotImplemented: "这个版本的 Excel 不支持所需的功能。请更新 Office，或改用网页版页面或命令行。",
  OpenWorkbookLinksBlocked: "工作簿的外部链接被阻止。请在 Excel 中允许链接后再试。",
  OperationCellsExceedLimit: "一次涉及的单元格超过 Excel 的上限。请缩小数据范围后再试。",
  PivotTableRangeConflict: "操作与数据透视表重叠。请移开数据透视表后再试。",
  PowerQueryRefreshResourceChallenge: "Power Query 刷新需要登录或授权。请在 Excel 中完成后再试。",
  RangeExceedsLimit:
    "区域的单元格太多，超过 Excel 的上限。请缩小数据范围，或删除工作表末尾多余的空行空列后再试。",
  RangeImageExceedsLimit: "区域太大，无法生成图片。请缩小区域后再试。",
  RefreshWorkbookLinksBlocked: "工作簿的外部链接被阻止刷新。请在 Excel 中允许链接后再试。",
  RequestAborted: "请求被中断（可能是网络或 Excel 繁忙）。请稍候再试。",
  ResponsePayloadSizeLimitExceeded: "一次传输的数据超过 Excel 的上限。请缩小数据范围后再试。",
  UnsupportedFeature: "工作表中有这个版本不支持的功能。请在 Excel 桌面版中打开后再试。",
  UnsupportedFillType: "单元格的填充是渐变或图案，无法读取或恢复。请改为纯色或无填充后再试。",
  UnsupportedOperation:
    "这个工作表不支持此操作（可能是图表工作表或受保护视图）。请换一个工作表后再试。",
  UnsupportedSheet: "这个工作表不是普通工作表（可能是图表工作表或宏表）。请换一个工作表后再试。",
} as const satisfies Record<`${Excel.ErrorCodes}`, string>;

/** Turns an Excel error into a message for the user (`action`: what we were doing). */
export function describeOfficeError(e: unknown, action: string): Error {
  if (e instanceof ReadCancelledError || e instanceof OfficeHostError) return e;
  const code = officeErrorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  if (isPayloadLimitError(e))
    return new OfficeHostError(
      `${action}失败：${EXCEL_ERROR_REASONS.ResponsePayloadSizeLimitExceeded}`,
      code
    );
  const reason =
    code !== undefined && Object.prototype.hasOwnProperty.call(EXCEL_ERROR_REASONS, code)
      ? EXCEL_ERROR_REASONS[code as keyof typeof EXCEL_ERROR_REASONS]
      : undefined;
  if (reason !== undefined)
    return new OfficeHostError(`${action}失败：${reason.replace("{detail}", detail)}`, code);
  return new OfficeHostError(`${action}失败：${detail}`, code);
}
