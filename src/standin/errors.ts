/**
 * The error every stand-in failure throws, shaped like Office's RichApi.Error (`code` is what the
 * add-in branches on), so the jobs' error handling runs unchanged against the stand-in.
 * Codes: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */

export class StandInError extends Error {
  /** Office's error codes: ItemNotFound, InvalidArgument, ItemAlreadyExists, PropertyNotLoaded, … */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}
