/**
 * LibreOffice (headless) for tests: finds `soffice` and converts a file with a private profile, so
 * parallel runs don't clash. Needs Debian's libreoffice-calc / libreoffice-writer (CI installs them).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function soffice(): string {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], {
    encoding: "utf8",
  }).stdout.trim();
  if (!found)
    throw new Error(
      "soffice not found: install LibreOffice (apt-get install -y libreoffice-calc libreoffice-writer)"
    );
  return found;
}

/**
 * Converts `file` with LibreOffice (`--convert-to <filter>`, e.g. `pdf` or
 * `xlsx:Calc MS Excel 2007 XML`) into `<work>/out`; returns the path of the file written.
 */
export function convertWithLibreOffice(
  file: string,
  work: string,
  filter: string,
  ext: string
): string {
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const input = path.join(inDir, path.basename(file));
  copyFileSync(file, input);
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "pipe", timeout: 180_000 }
  );
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${ext}`));
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  return out;
}
