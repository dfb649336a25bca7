/**
 * A clock that reads `start` at the moment it is created and then advances in real time: the local
 * stack runs on it when `JIUYI_CLOCK_START` is set, so the demo and the end-to-end tests see the
 * same ordinary working week whatever today is. `realNow` is the host clock (a parameter for tests).
 */
export function startedClock(start: Date, realNow: () => number = Date.now): () => Date {
  if (Number.isNaN(start.getTime())) throw new RangeError('Invalid clock start');
  const offset = start.getTime() - realNow();
  return () => new Date(realNow() + offset);
}
