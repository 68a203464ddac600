/**
 * The two ways a `tier` command fails on purpose. Kept apart from args.ts so that the input and
 * output modules, which args.ts uses, can throw them without an import cycle.
 */

/** A problem the user can fix by changing the command line or the file; exits with code 2. */
export class UsageError extends Error {}

/**
 * The output could not be written: `code` is the system's (EPIPE when the reader stopped early, as
 * `tier … | head` does, which is not a failure; ENOSPC on a full disk, which is).
 */
export class OutputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
