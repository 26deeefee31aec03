/** The blank-template writer (the project's own, loaded on demand) as its own chunk, zod made CSP-safe first. */
import "./cspSafeZod";

export { writeTemplates } from "../hosts/xlsx/template";
