import { EventEmitter } from 'node:events';
import { guardStack, type GuardedProcess } from './stack-process';

/** A process stand-in: signals and errors are emitted on it; exits are recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const target = Object.assign(emitter, { exit: (code: number) => void exits.push(code) });
  return { target: target as unknown as GuardedProcess & EventEmitter, exits };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('guardStack', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'])('%s stops the stack once, then exits 0', async (signal) => {
    // Prepare
    const { target, exits } = fakeProcess();
    let stops = 0;
    guardStack(async () => void (stops += 1), { target, log: () => undefined });
    // Act
    target.emit(signal);
    await settle();
    // Assess
    expect([stops, exits]).toEqual([1, [0]]);
  });

  it.each(['uncaughtException', 'unhandledRejection'])('%s stops the stack and exits 1', async (event) => {
    // Prepare
    const { target, exits } = fakeProcess();
    const logged: string[] = [];
    let stops = 0;
    guardStack(async () => void (stops += 1), { target, log: (m) => void logged.push(m) });
    // Act
    target.emit(event, new Error('boom'));
    await settle();
    // Assess
    expect([stops, exits]).toEqual([1, [1]]);
    expect(logged.join('\n')).toContain('boom');
  });

  it('a second signal while stopping exits at once; a stop that hangs is cut off after the grace period', async () => {
    // Prepare
    const { target, exits } = fakeProcess();
    guardStack(() => new Promise<void>(() => undefined), { target, log: () => undefined, graceMs: 50 });
    // Act
    target.emit('SIGINT');
    target.emit('SIGINT');
    await new Promise((r) => setTimeout(r, 100));
    // Assess: the second Ctrl-C forced the exit; the hung stop then timed out into a second exit call.
    expect(exits).toEqual([0, 0]);
  });
});
