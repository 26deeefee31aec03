/** Test-only argv for WorkerRunner: a case that never ends (a synchronous loop in the worker). */
export const SPIN_FOREVER = "__spin_forever__";
