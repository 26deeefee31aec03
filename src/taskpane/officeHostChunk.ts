/** The Office host as its own chunk, with zod made CSP-safe before the core's templates load. */
import "./cspSafeZod";

export { createOfficeHost } from "../hosts/office";
