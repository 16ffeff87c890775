/**
 * Errors of plan_generation and recommend_training. Pure module.
 */

/**
 * The description given to `planGeneration` or `recommendTraining` is unusable: missing, not a
 * string, empty or whitespace only, or longer than `MAX_DESCRIPTION_LENGTH`. The API maps it to
 * HTTP 400 with `message`.
 */
export class InvalidDescriptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidDescriptionError";
  }
}

/** Longest description accepted (the Prompt node's text limit). */
export const MAX_DESCRIPTION_LENGTH = 4000;

/**
 * Returns the trimmed description.
 * @throws InvalidDescriptionError when it is not a non-empty string of at most 4000 characters.
 */
export function requireDescription(description: unknown): string {
  if (typeof description !== "string") throw new InvalidDescriptionError("description must be a string");
  const trimmed = description.trim();
  if (!trimmed) throw new InvalidDescriptionError("description is empty: describe what you want to make");
  if (trimmed.length > MAX_DESCRIPTION_LENGTH) {
    throw new InvalidDescriptionError(`description is too long: at most ${MAX_DESCRIPTION_LENGTH} characters (got ${trimmed.length})`);
  }
  return trimmed;
}
