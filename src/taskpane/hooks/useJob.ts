/**
 * One port call the person started — a run, a chart, a comparison, a pick, a measurement — as one state: nothing
 * yet, under way (with how far it has got, for the calls that say), failed with the port's sentence, or its answer.
 * Written once so every button that starts work behaves alike: busy while it runs, and the port's sentence shown
 * as it is when it fails (the port words its errors in the person's language).
 */
import { useCallback, useState, type Dispatch, type SetStateAction } from "react";

/** `P`: what the work reports while it runs (nothing, unless given). */
export type Job<T, P = never> =
  | { kind: "idle" }
  | { kind: "busy"; progress: P | null }
  | { kind: "failed"; message: string }
  | { kind: "done"; report: T };

/** An error as the sentence to show: the port's errors carry the person's language already. */
export const sentence = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface JobControl<T, P, Extra> {
  state: Job<T, P> | Extra;
  /** For the states only the caller knows (a form's problems before any call); cleared by the next `start`. */
  set: Dispatch<SetStateAction<Job<T, P> | Extra>>;
  /**
   * Runs `work`: busy, then done with its answer (returned) or failed with its sentence (undefined returned).
   * `work` may report progress while busy. `failed` may name another end for an error (a cancelled run), or null
   * for the usual failure.
   */
  start(work: (progress: (p: P) => void) => Promise<T>, failed?: (error: unknown) => Extra | null): Promise<T | undefined>;
}

/** `Extra`: the caller's own states beside the job's (e.g. `{ kind: "invalid"; problems }`). */
export function useJob<T, P = never, Extra = never>(): JobControl<T, P, Extra> {
  const [state, set] = useState<Job<T, P> | Extra>({ kind: "idle" });
  const start = useCallback(async (work: (progress: (p: P) => void) => Promise<T>, failed?: (error: unknown) => Extra | null) => {
    set({ kind: "busy", progress: null });
    // Progress counts only while the job is still under way (a late report must not bring back the progress bar).
    const progress = (p: P) => set((current) => (isBusy(current) ? { kind: "busy", progress: p } : current));
    try {
      const report = await work(progress);
      set({ kind: "done", report });
      return report;
    } catch (error) {
      set(failed?.(error) ?? { kind: "failed", message: sentence(error) });
      return undefined;
    }
  }, []);
  return { state, set, start };
}

const isBusy = (state: unknown): boolean => typeof state === "object" && state !== null && (state as { kind?: unknown }).kind === "busy";
