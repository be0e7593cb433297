/** Loading a bench policy module as the daemon does, and running it over batches in virtual time. */
import path from 'path';
import { TestScheduler } from 'rxjs/testing';
import { loadPolicyFactory } from '../../../lib/policy/load-policy';
import type { PolicyContext, RouteBatch } from '../../../lib/policy/types';

const POLICIES = path.join(__dirname, '../../../bench/policies');

export function contextFor(name: string, scheduler: TestScheduler): PolicyContext {
  const ignore = () => undefined;
  return {
    name,
    direction: 'import',
    neighbor: { name: 'peer', peerAddress: '127.0.0.2', peerAs: 65001, localAs: 65002 },
    logger: { info: ignore, warn: ignore, error: ignore },
    scheduler,
  };
}

/** The module's factory applied to `options`: each input batch marble `a`, `b`, ... in, what comes out collected. */
export function runPolicy(file: string, options: Record<string, unknown>, inputs: readonly RouteBatch[]): RouteBatch[] {
  const factory = loadPolicyFactory(path.join(POLICIES, file));
  const out: RouteBatch[] = [];
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  scheduler.run(({ cold, expectObservable }) => {
    const keys = inputs.map((_b, i) => String.fromCharCode(97 + i));
    const source = cold(`${keys.join('')}|`, Object.fromEntries(keys.map((k, i) => [k, inputs[i]])));
    const result = source.pipe(factory(options, contextFor(file, scheduler)));
    result.subscribe((b) => out.push(b));
    // Synchronous policies: one batch out per batch in, in the same frame.
    expectObservable(result.pipe()).toBe(`${keys.join('')}|`, Object.fromEntries(keys.map((k) => [k, expect.objectContaining({ type: 'update' })])));
  });
  return out;
}

/** The factory's error for `options`, or undefined when it builds an operator. */
export function factoryError(file: string, options: Record<string, unknown>): string | undefined {
  const factory = loadPolicyFactory(path.join(POLICIES, file));
  try {
    factory(options, contextFor(file, new TestScheduler(() => undefined)));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
