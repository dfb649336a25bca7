import { startLocalStack, type LocalStack } from '../../functions/src/local/local-stack';
import { guardStack } from '../../functions/src/local/stack-process';

/**
 * The runner part of `npm start --api-only`, guarded the same way, that then fails with an uncaught
 * error: what a bug in any server or poller would do. The process test checks nothing outlives it.
 */
async function main(): Promise<void> {
  const running: { stack?: LocalStack } = {};
  guardStack(async () => running.stack?.stop());
  const stack = await startLocalStack({
    dbPort: Number(process.env.JIUYI_DB_PORT),
    apiPort: Number(process.env.JIUYI_API_PORT),
    payPort: Number(process.env.JIUYI_PAY_PORT),
  });
  running.stack = stack;
  console.log('ready');
  setTimeout(
    () => {
      throw new Error('a bug in a timer');
    },
    Number(process.env.CRASH_AFTER_MS ?? 1000),
  );
}

void main();
