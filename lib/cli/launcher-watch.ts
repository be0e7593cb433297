/**
 * Stopping the daemon when npm / npx, which started it, is killed.
 *
 * `npx rxbgp run conf.json &` and `npm start` give this process tree:
 *
 *     npm exec (node)  ->  sh -c 'rxbgp run conf.json'  ->  node bin/rxbgp run conf.json
 *
 * The shell is npm's own (@npmcli/run-script spawns every command with `shell: true`); bin/rxbgp
 * adds none (`#!/usr/bin/env node` execs node). `kill <npm's pid>` makes npm forward SIGTERM to
 * its child, the shell, which dies of it without passing it on (dash does not exec the last
 * command of `sh -c`), so node was left running with its sessions up, adopted by init. Nothing in
 * bin/rxbgp can remove that shell, and the daemon never receives the signal. What the daemon can
 * see is the result: its parent process is gone and its parent pid has changed. So when it was
 * started by a package manager's script runner (npm, pnpm and yarn set `npm_lifecycle_event`),
 * it reads its parent pid once a second and, when that changes, shuts down as for SIGTERM: a
 * Cease to every peer, then exit.
 *
 * Only then: a daemon started from a shell, by systemd or under `nohup` is meant to outlive its
 * parent, and keeps running when that parent exits. To detach a daemon from npm on purpose, start
 * it without the variable (`env -u npm_lifecycle_event rxbgp run ...`).
 */
import { filter, interval, map, take, type Observable, type SchedulerLike, asyncScheduler } from 'rxjs';

/** How often the parent pid is read: a shutdown follows the launcher's death within this. */
export const LAUNCHER_POLL_MS = 1000;

/** The launcher this process should stop with, or undefined when it is not a package manager script run. */
export function packageManagerLauncher(env: NodeJS.ProcessEnv): string | undefined {
  const event = env.npm_lifecycle_event;
  if (!event) return undefined;
  // npm exec / npx report "npx"; `npm start` and other scripts report the script's name.
  return event === 'npx' ? 'npx' : `npm ${event}`;
}

/**
 * Emits once, the new parent pid, at the first poll that finds `readPpid()` different from
 * `initialPpid` (the parent exited and the process was adopted by init or a subreaper).
 */
export function parentExit$(readPpid: () => number, initialPpid: number, periodMs: number = LAUNCHER_POLL_MS, scheduler: SchedulerLike = asyncScheduler): Observable<number> {
  return interval(periodMs, scheduler).pipe(
    map(() => readPpid()),
    filter((ppid) => ppid !== initialPpid),
    take(1),
  );
}
