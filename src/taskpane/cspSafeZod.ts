/**
 * zod 4 probes `new Function("")` to decide whether it may compile parsers; under our
 * Content-Security-Policy (no 'unsafe-eval') that probe is blocked and reported as a violation.
 * Jitless mode skips the probe. Imported first by engine-impl.ts, before any core module runs.
 */
import { config } from "zod";

config({ jitless: true });
