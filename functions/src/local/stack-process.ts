/** What the guard needs from the process it watches (the real `process` unless a test says otherwise). */
export interface GuardedProcess {
  on(event: 'SIGINT' | 'SIGTERM' | 'SIGHUP', listener: () => void): unknown;
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exit(code: number): void;
}

/**
 * Ties the local stack's life to this process: Ctrl-C (SIGINT), SIGTERM, SIGHUP and any uncaught error
 * or unhandled rejection stop it once (pollers, servers, then DynamoDB Local by its PID) and then end
 * the process; a second signal, or a stop that hangs past `graceMs`, ends it at once (DynamoDB Local's
 * own `exit` hook still kills the JVM). So no child outlives the stack, and the next start finds its
 * ports free.
 */
export function guardStack(
  stop: () => Promise<void>,
  options: { log?: (message: string) => void; graceMs?: number; target?: GuardedProcess } = {},
): void {
  const target = options.target ?? process;
  const log = options.log ?? ((message: string) => console.error(message));
  let stopping = false;
  const shutdown = (code: number, why: string) => {
    if (stopping) {
      target.exit(code);
      return;
    }
    stopping = true;
    log(why);
    const hung = new Promise<void>((done) => setTimeout(done, options.graceMs ?? 10_000).unref());
    void Promise.race([stop().catch(() => undefined), hung]).then(() => target.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    target.on(signal, () => shutdown(0, 'Stopping…'));
  const crash = (error: unknown) =>
    shutdown(
      1,
      `The local stack failed and is stopping: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  target.on('uncaughtException', crash);
  target.on('unhandledRejection', crash);
}
