/**
 * The signals `rxbgp run` acts on, caught from the first line of bin/rxbgp, before anything else
 * loads.
 *
 * Node's default action for SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM and SIGINT is to end the
 * process. The daemon's handlers used to be installed only once it had loaded its modules, bound
 * its sockets and started its sessions (half a second, or seconds with MRT dumps to read): a
 * `kill -HUP` in that window (a config management tool reloading every daemon it just started, a
 * test) killed it without a word. So they are installed at once, and until the daemon is ready a
 * signal is held: a reload asked for during startup is done once started, and a stop request ends
 * the startup cleanly (runDaemon checks `stopRequested`). What remains is node's own bootstrap, a
 * few tens of milliseconds before any JavaScript runs, where nothing can be done.
 *
 * A stop signal that repeats a first one within STOP_ECHO_MS is one request delivered twice, not a
 * second Ctrl-C: a terminal sends SIGINT to the whole process group, and a launcher in that group
 * forwards it as well (npm does, to its child; with bash as /bin/sh that child is rxbgp itself).
 * Taken as "again", it made the daemon exit 1 at once, maybe before its Cease went out. A later
 * repeat still means "stop now".
 *
 * No imports: this file is loaded before everything else, and must cost nothing.
 */

export type DaemonSignal = 'SIGTERM' | 'SIGINT' | 'SIGHUP' | 'SIGUSR1' | 'SIGUSR2' | 'SIGALRM';

export const DAEMON_SIGNALS: readonly DaemonSignal[] = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGALRM'];

/** A stop signal this soon after another is the same request, echoed by a launcher. */
export const STOP_ECHO_MS = 1000;

const isStop = (s: DaemonSignal) => s === 'SIGTERM' || s === 'SIGINT';

/** What the signals are caught on: the process, or an emitter in tests. */
export interface SignalSource {
  on(signal: DaemonSignal, listener: () => void): unknown;
}

export class DaemonSignals {
  private handler: ((signal: DaemonSignal) => void) | undefined;
  /** Signals that came before the daemon was ready, each once, in the order they came. */
  private readonly held: DaemonSignal[] = [];
  private lastStop: number | undefined;

  constructor(
    source: SignalSource = process,
    private readonly now: () => number = Date.now,
    /** A second stop request during startup (the first one is being honoured, too slowly for the user). */
    private readonly forceExit: (signal: DaemonSignal) => void = (signal) => {
      process.stderr.write(`rxbgp: ${signal} again during startup: exiting now\n`);
      process.exit(1);
    },
  ) {
    for (const s of DAEMON_SIGNALS) source.on(s, () => this.arrived(s));
  }

  /** The stop signal (SIGTERM, SIGINT) received before the daemon was ready, if any. */
  get stopRequested(): DaemonSignal | undefined {
    return this.held.find(isStop);
  }

  /**
   * From now on each signal goes to `handler`: first those held during startup, in the order they
   * came (each once: three SIGHUPs while starting are one reload), then the rest as they come.
   */
  deliver(handler: (signal: DaemonSignal, held: boolean) => void): void {
    this.handler = (s) => handler(s, false);
    for (const s of this.held.splice(0)) handler(s, true);
  }

  private arrived(signal: DaemonSignal): void {
    if (isStop(signal)) {
      const t = this.now();
      if (this.lastStop !== undefined && t - this.lastStop < STOP_ECHO_MS) return;
      this.lastStop = t;
    }
    if (this.handler) return this.handler(signal);
    if (isStop(signal) && this.stopRequested) return this.forceExit(signal);
    if (!this.held.includes(signal)) this.held.push(signal);
  }
}

let installed: DaemonSignals | undefined;

/** The process's daemon signals, caught from the first call on (bin/rxbgp makes it for `rxbgp run`). */
export function daemonSignals(): DaemonSignals {
  return (installed ??= new DaemonSignals());
}
