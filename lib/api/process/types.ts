/** Configuration and options of the helper-process runner (issue 3: "processes" in the JSON config). */

import type { Log } from '../../events/log';

/** One helper program, as declared under "processes" in the JSON config. */
export type { ProcessConfig } from '../../events/process-config';

/** Where the runner logs (the bus consumers' Log). */
export type ProcessLog = Log;

export interface ProcessRunnerOptions {
  log: ProcessLog;
  /** Max lines queued for a helper's stdin before the overflow policy applies (default 100,000). */
  queueLimit?: number;
  /** Respawn limit: at most `respawnLimit` restarts within `respawnWindowMs` (ExaBGP: 5 in ~64 s), then give up with an error. */
  respawnLimit?: number;
  respawnWindowMs?: number;
  /** Delay before a respawn (default 500 ms), so a helper that dies at once does not spin. */
  respawnDelayMs?: number;
  /** stop(): how long a helper may take to exit after SIGTERM before SIGKILL (default 3,000 ms). */
  stopTimeoutMs?: number;
  /** Longest line accepted from a helper's stdout or stderr, in characters (default 1 MiB); longer ones are dropped with an error log. */
  maxLineLength?: number;
}

export const PROCESS_DEFAULTS = {
  queueLimit: 100_000,
  respawnLimit: 5,
  respawnWindowMs: 64_000,
  respawnDelayMs: 500,
  stopTimeoutMs: 3_000,
  maxLineLength: 1 << 20,
} as const;
