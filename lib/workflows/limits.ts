/**
 * Limits of a workflow shared by the server (lib/workflows/schemas.ts) and the browser (the name
 * fields' `maxLength`), so a name the server would refuse cannot be typed. Pure module.
 */

/** Longest workflow name, in characters (UTF-16 code units, as `maxLength` and zod count). */
export const WORKFLOW_NAME_MAX_LENGTH = 120;
