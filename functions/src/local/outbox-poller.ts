/**
 * The `local` stage's replacement for the DynamoDB Streams trigger: runs the sender every
 * `intervalMs`, never two runs at once, and stops cleanly (waiting for a run in progress).
 */
export interface OutboxPoller {
  stop(): Promise<void>;
}

/** Starts polling; `deliver` is one sender run (errors are reported and the next tick tries again). */
export function startOutboxPoller(options: {
  deliver: () => Promise<unknown>;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): OutboxPoller {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = options
      .deliver()
      .then(() => undefined)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 2000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
