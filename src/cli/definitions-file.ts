/** A bureau's definitions file as `check`, `template` and `merge` read it (`--definitions`). */
import {
  DefinitionsError,
  definitionsInvalid,
  fileName,
  loadDefinitions,
  parseDefinitionsJson,
  type CompiledDefinition,
} from "../core";
import { DEFAULT_LIMITS } from "../hosts/xlsx/budget";
import { decodeTextFile } from "../hosts/xlsx/text-file";
import { outcomeFailure } from "./check";
import { FileAccessError, type CliIO } from "./io";
import type { CliFailure } from "./output";

/**
 * A bureau's table definitions from a JSON file — `{ "tables": [...] }` (what `definitions export`
 * writes) or a bare list — checked and compiled; or why they cannot be used.
 */
export function loadDefinitionsFile(
  io: CliIO,
  path: string
): readonly CompiledDefinition[] | CliFailure {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path, DEFAULT_LIMITS.maxFileBytes);
  } catch (e) {
    const reason = e instanceof FileAccessError ? e.reason : "无法读取文件";
    return outcomeFailure({ code: "unreadable-file", file: path, reason });
  }
  const name = fileName(path);
  try {
    return loadDefinitions(parseDefinitionsJson(decodeTextFile(bytes), name), name);
  } catch (e) {
    if (e instanceof DefinitionsError) return outcomeFailure(definitionsInvalid(e, name));
    throw e;
  }
}
