/**
 * The notice a job's report carries when it kept an owned sheet the person edited while the job ran (issue 11:
 * edits.ts watches, jobs/owned-sheet.ts keeps). A part of the port of its own because port.ts is at the file-size
 * limit; port-model-check.ts passes it on, so port.ts names it in its one import from there.
 */
export interface KeptNotice {
  /** The ownership catalog's sentence (the kept sheet, and where this job's result is instead); absent when none was kept. */
  keptNote?: string | null;
}
