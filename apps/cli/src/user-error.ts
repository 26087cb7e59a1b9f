/** A mistake in how the command was called (unknown environment, bad flag): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
