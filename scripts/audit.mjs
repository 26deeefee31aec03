// npm audit for production dependencies: fails on any high or critical advisory.
// When the advisory service cannot be reached (closed networks answer the audit endpoint with an
// error), it says so plainly and does not pretend the audit passed.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(
    `audit: production dependencies — critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, ` +
      `moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0}`
  );
  if (serious > 0) {
    spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { stdio: "inherit" });
    process.exit(1);
  }
  process.exit(0);
}
const reason = report?.message ?? report?.error?.summary ?? run.stderr.split("\n").find((l) => l.trim()) ?? "unknown";
console.log(`audit: NOT RUN — the advisory service could not be reached (${reason.trim()}).`);
process.exit(process.env.AUDIT_REQUIRED === "1" ? 1 : 0);
