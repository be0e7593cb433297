/** One-shot CLI calls (gobgp, birdc), bounded in time, that never throw on a non-zero exit. */
import { execFile } from 'child_process';

export interface CommandResult {
  /** Exit code, or null when the command was killed (e.g. by the timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCommand(command: string, args: readonly string[], timeoutMs = 5000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(command, [...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Like runCommand, but a non-zero exit is an error that quotes the command and its output. */
export async function runChecked(command: string, args: readonly string[], timeoutMs = 5000): Promise<string> {
  const result = await runCommand(command, args, timeoutMs);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}: ${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout;
}
