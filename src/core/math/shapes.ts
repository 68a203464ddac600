/**
 * Hidden classes that outlive a call. V8 gives the instances of a class one hidden class (its "map") once
 * the constructor has added their fields, by transitions from the constructor's first map, and holds those
 * transitions, and the maps the optimised code of the class's methods was specialised to, only weakly. A
 * custom function builds its TransactionBuilder, CustomerStream, ExactSums … afresh on each call and drops
 * them all when it returns; when the collector next runs (a whole-column call leaves hundreds of megabytes
 * of argument rows behind it) the maps die, and every method compiled against them is thrown away with them
 * (`node --trace-deopt`: "marking dependent code … for deoptimization, reason: weak objects"). So every
 * call ran its hottest loops in the interpreter again and paid the optimising compiler again: at 5 MB of
 * arguments, =TIER.CLVPREDICT's calibration summary took 80–110 ms a call instead of 30–50, and =TIER.PALIVE
 * 430–540 ms instead of 280–350 (issue 12, docs/PERFORMANCE.md "Seventh pass").
 *
 * Kept only where a measurement showed the gain: object literals' shapes can die too, and keeping one of
 * every shape every function builds (tried: about thirty, in fifteen modules) showed no gain beyond this
 * machine's noise and added about 35 ms to loading the functions' bundle.
 *
 * One instance of each such class, put through the paths a call takes and kept here for the life of the
 * module, keeps its maps, and the code specialised to them, alive. A few hundred bytes each.
 */
const kept: object[] = [];

/** Keeps `instance` (and so its hidden class) alive for the life of the module; returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}

/** How many instances are kept (for the test that each hot class keeps one). */
export function keptShapes(): readonly object[] {
  return kept;
}
