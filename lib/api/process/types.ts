/** Configuration and options of the helper-process runner (issue 3: "processes" in the JSON config). */

/** One helper program, as declared under "processes" in the JSON config. */
export interface ProcessConfig {
  name: string;
  /** argv: run[0] is executed directly (no shell) with run.slice(1) as its arguments. */
  run: string[];
  /** How events are written to the helper's stdin (ExaBGP's `encoder json|text`). */
  encoder: 'json' | 'text';
  /** Restart the helper when it exits (bounded by ProcessRunnerOptions.respawnLimit). */
  respawn: boolean;
  /** Working directory of the helper: the config file's directory when there is one. */
  cwd?: string;
}

export interface ProcessLog {
  error(m: string): void;
  warn(m: string): void;
  info(m: string): void;
  debug(m: string): void;
}

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
