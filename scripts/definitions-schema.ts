/**
 * Writes the JSON Schema of a table definition next to the definitions
 * (`src/core/definitions/definitions.schema.json`) from the zod schema that checks them at load, so
 * an editor completes and checks a definition file (`"$schema": "…/definitions.schema.json"`).
 * Run: `npx tsx scripts/definitions-schema.ts` (a test fails when the file is out of date).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { toJSONSchema } from "zod";
import { DefinitionSchema } from "../src/core/definitions/schema";

export const SCHEMA_FILE = join(
  __dirname,
  "..",
  "src",
  "core",
  "definitions",
  "definitions.schema.json"
);

/** The JSON Schema text (what the file must hold). */
export function definitionsSchema(): string {
  const schema = toJSONSchema(DefinitionSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return (
    JSON.stringify(
      {
        ...schema,
        title: "统计报表助手 — 统计表定义 (table definition)",
        description:
          "One statistical table: title, columns, rules, figures, blank rows and report sentences. The built-ins are src/core/definitions/builtin/*.json.",
        properties: { $schema: { type: "string" }, ...properties },
      },
      null,
      2
    ) + "\n"
  );
}

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, definitionsSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
