/**
 * Bounded waiting. Every wait in the interop suite polls with a deadline and, when it gives up,
 * says what it waited for, the last thing it saw and the daemon's last log lines.
 */

export interface PollOptions {
  readonly timeoutMs: number;
  /** Pause between probes. */
  readonly intervalMs?: number;
  /** Extra text for the timeout message, e.g. a daemon's last log lines. */
  readonly context?: () => string;
  /** Gives up early (with this reason) when it returns a string, e.g. because the process died. */
  readonly abort?: () => string | undefined;
}

/**
 * Calls `probe` until it returns a value other than undefined and returns that value. A probe that
 * throws counts as "not yet"; its last error is quoted if the deadline passes.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  options: PollOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 200;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    const aborted = options.abort?.();
    if (aborted !== undefined) throw new Error(`gave up waiting for ${what}: ${aborted}${details(lastError, options)}`);
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}${details(lastError, options)}`);
    }
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function details(lastError: unknown, options: PollOptions): string {
  const parts: string[] = [];
  if (lastError !== undefined) parts.push(`last probe error: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  if (options.context) parts.push(options.context());
  return parts.length ? `\n${parts.join('\n')}` : '';
}
