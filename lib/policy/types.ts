/**
 * Route policy as RxJS operators. A policy module exports a factory; given its options and a
 * context it returns an operator over batches of routes. A batch is one UPDATE's worth: the
 * withdrawn routes, and the announced routes that share one set of attributes (the UpdateMessage
 * of lib/wire/types.ts, so a policy sees what the wire carried, and a pass-through costs nothing).
 *
 * A route a policy rejects must become a withdrawal, never just disappear: the peer (or our
 * Adj-RIB-In) may hold an earlier version of it. The helpers in helpers.ts do this.
 */
import type { OperatorFunction, SchedulerLike } from 'rxjs';
import type { UpdateMessage } from '../wire/types';

/** One UPDATE's worth of routes: `withdrawn`, and `announced` with their shared `attributes`. */
export type RouteBatch = UpdateMessage;

/** A policy: batches in, batches out, in order, as soon or as late as it likes. */
export type Policy = OperatorFunction<RouteBatch, RouteBatch>;

/** Which side of a session a policy runs on. */
export type PolicyDirection = 'import' | 'export';

export interface PolicyLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What a policy factory is told about where it runs. */
export interface PolicyContext {
  /** The policy's name in the config. */
  readonly name: string;
  readonly direction: PolicyDirection;
  readonly neighbor: {
    readonly name: string;
    readonly peerAddress: string;
    readonly peerAs: number;
    readonly localAs: number;
  };
  /** Lines are prefixed with the neighbor and the policy's name. */
  readonly logger: PolicyLogger;
  /** For time operators (delay, bufferTime, throttleTime...): a TestScheduler's in marble tests. */
  readonly scheduler: SchedulerLike;
}

/** What a policy module exports, as `module.exports = factory`, `exports.default` or `exports.policy`. */
export type PolicyFactory<Options = Record<string, unknown>> = (options: Options, context: PolicyContext) => Policy;
