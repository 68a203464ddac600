/**
 * One workbook job at a time. Every job of the workbook port reads the add-in's settings (owned sheets, the
 * history's index, the pilots) in its first sync and writes them back whole in a later one, so two jobs whose
 * syncs interleave lose each other's writes (a run and a pilot picked meanwhile: the pilot's snapshot
 * replaced; a run and a comparison: the migration sheet not recorded as owned). `createWorkbookPort` therefore
 * runs every `Excel.run` of a host through this queue, in the order they were asked for.
 *
 * The queues live on `globalThis` under a registered symbol, keyed by the host's `run` function: the ribbon's
 * commands and the task pane are separate bundles in one page (the shared runtime), each with its own copy of
 * this module and its own port, and they must still wait for each other. `officeHost()` gives every bundle the
 * same host object for that reason.
 */

type Queue = { tail: Promise<unknown> };

const QUEUES = Symbol.for("tiering.workbookQueues");

function queues(): WeakMap<object, Queue> {
  const holder = globalThis as { [QUEUES]?: WeakMap<object, Queue> };
  return (holder[QUEUES] ??= new WeakMap());
}

/** Runs `job` after every job queued before it on `key` has settled (resolved or rejected); resolves as `job` does. */
export function enqueue<T>(key: object, job: () => Promise<T>): Promise<T> {
  const all = queues();
  let queue = all.get(key);
  if (!queue) all.set(key, (queue = { tail: Promise.resolve() }));
  const result = queue.tail.then(job);
  queue.tail = result.catch(() => undefined);
  return result;
}
