/**
 * `rxbgp run <config>`: the daemon. Logs to stderr, JSON events to stdout (or as configured).
 * SIGTERM/SIGINT: Cease to every peer, exit 0. SIGHUP: reload the config file; a bad file is
 * reported and the running config kept. Signals are caught from the start (daemon-signals.ts):
 * one that comes while the daemon starts is acted on once it can be.
 */
import { dirname, resolve } from 'path';
import { loadConfig, formatErrors, controlSocketDir } from '../config';
import { openEventsOutput } from '../sinks/events-output';
import { createLogger } from '../daemon/logger';
import { ApiProcesses } from '../api-runtime/api-processes';
import { finalAnswer, type CommandAnswer } from '../api-runtime/command-executor';
import { reloadSummaryText } from '../daemon/daemon';
import { CeaseSubcode } from '../wire/iana';
import { packageVersion } from './package-version';
import { SHOW_DAEMON, showDaemonLines } from './commands/find-daemons';
import { ControlServer } from '../api/control';
import type { LogLevel } from '../config/types';
import type { Subscription } from 'rxjs';
import { Speaker } from '../speaker/speaker';
import { createMetrics } from '../metrics/metrics';
import { MetricsServer } from '../metrics/metrics-server';
import { packageManagerLauncher, parentExit$ } from './launcher-watch';
import { daemonSignals, type DaemonSignal } from './daemon-signals';

/** The control socket's metrics command (Prometheus text, as GET /metrics serves it). */
const SHOW_METRICS = 'show metrics';

export async function runDaemon(file: string, opts: { logLevel?: LogLevel }): Promise<number> {
  // Caught already by bin/rxbgp; held until the daemon is ready (a stop request is checked on the way).
  const signals = daemonSignals();
  // Read first: started by npm / npx, rxbgp stops when this parent exits (lib/cli/launcher-watch.ts).
  const parentPid = process.ppid;
  const loaded = loadConfig(file);
  if (loaded._tag === 'Left') {
    process.stderr.write(formatErrors(loaded.left, file) + '\n');
    return 1;
  }
  const config = loaded.right;
  const log = createLogger(opts.logLevel ?? config.log.level);
  /** A SIGTERM / SIGINT during startup: the daemon stops before it starts anything more. */
  const stoppedWhileStarting = (): boolean => {
    const s = signals.stopRequested;
    if (s) log.info(`${s} during startup: not starting`);
    return s !== undefined;
  };
  if (stoppedWhileStarting()) return 0;
  const output = openEventsOutput(config.events.output, { report: (message) => log.error(message) });
  // Last line of defence: a bug in one code path is logged, and every other session goes on.
  process.on('uncaughtException', (err) => log.error(`internal error (please report): ${err.stack ?? err.message}`));
  let shutdown: (why: string) => void = () => undefined;
  /**
   * Reads the config file again and applies it. The answer (to `rxbgp cli reload`, helpers and
   * Kafka) says what changed, or, for a bad file, each error as `rxbgp validate` prints it; the
   * log says the same, one line each (Daemon.reload logs the summary).
   */
  const reload = async (why: string): Promise<CommandAnswer> => {
    const next = loadConfig(file);
    if (next._tag === 'Left') {
      const errors = formatErrors(next.left, file).split('\n');
      log.error(`${why}: config not reloaded, keeping the running one: ${errors.length} error(s):`);
      for (const e of errors) log.error(`${why}: ${e}`);
      return { ok: false, lines: ['config not reloaded, keeping the running one:', ...errors] };
    }
    try {
      const summary = await speaker.reload(next.right);
      await processes.sync(next.right);
      return { ok: true, lines: [reloadSummaryText(summary)] };
    } catch (e) {
      const message = `reload failed: ${e instanceof Error ? e.message : String(e)}`;
      log.error(`${why}: ${message}`);
      return { ok: false, lines: [message] };
    }
  };
  // The daemon is the library's Speaker (lib/speaker) plus what a process adds: event output,
  // helper processes, the control socket and signals.
  const speaker = new Speaker(config, {
    log,
    version: packageVersion(),
    control: {
      shutdown: () => setImmediate(() => shutdown('shutdown command')),
      reload: () => reload('reload command'),
      // ExaBGP's restart: every session starts again (Cease / Administrative Reset), with the config re-read.
      restart: () =>
        setImmediate(() => {
          for (const n of speaker.neighbors) n.session.teardown(CeaseSubcode.ADMINISTRATIVE_RESET);
          void reload('restart command');
        }),
    },
  });
  const executor = speaker.commands;
  const processes = new ApiProcesses(log, executor, (n) => speaker.configOf(n));
  // Sinks on the speaker's event bus besides the config's: the events output, then the helpers.
  if (output) speaker.bus.add(output);
  speaker.bus.add(processes);
  // Prometheus metrics: always kept (`rxbgp cli show metrics`), served over HTTP when configured.
  const metrics = createMetrics({ neighbors: () => speaker.neighbors, sinks: () => speaker.sinkStats(), helpers: () => processes.stats() });
  const daemonLines = showDaemonLines({ config: resolve(file), socket: config.control.socket, pid: process.pid, version: packageVersion() });
  const execute = async (line: string): Promise<CommandAnswer> => {
    const command = line.trim();
    if (command === SHOW_METRICS) return { ok: true, lines: (await metrics.metrics()).trimEnd().split('\n') };
    if (command === SHOW_DAEMON) return { ok: true, lines: daemonLines };
    return finalAnswer(executor.execute(line));
  };
  // `rxbgp cli` talks to this socket, bound before any session starts: a daemon it cannot reach
  // (another live daemon holds the path) does not start at all rather than run out of reach.
  let control: ControlServer | undefined;
  if (config.control.enabled) {
    const privateDirectory = dirname(config.control.socket) === controlSocketDir();
    const server = new ControlServer(config.control.socket, { execute }, log, { privateDirectory });
    try {
      await server.start();
      control = server;
    } catch (e) {
      log.error(`not started: ${e instanceof Error ? e.message : String(e)}`);
      await output?.close();
      return 1;
    }
  }
  if (stoppedWhileStarting()) {
    await control?.stop();
    await output?.close();
    return 0;
  }
  try {
    await speaker.start();
    await processes.sync(config);
  } catch (e) {
    log.error(e instanceof Error ? e.message : String(e));
    await speaker.stop();
    await processes.stop();
    await control?.stop();
    return 1;
  }
  let metricsServer: MetricsServer | undefined;
  if (config.metrics) {
    const server = new MetricsServer(metrics, config.metrics.address, config.metrics.port, log);
    try {
      await server.start();
      metricsServer = server;
    } catch (e) {
      log.warn(`no metrics endpoint on ${config.metrics.address} port ${config.metrics.port}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    let launcherWatch: Subscription | undefined;
    shutdown = (why: string) => {
      if (stopping) {
        log.warn(`${why} again: exiting now`);
        resolve(1);
        return;
      }
      stopping = true;
      launcherWatch?.unsubscribe();
      log.info(`${why}: closing sessions`);
      void speaker
        .stop()
        .then(() => control?.stop())
        .then(() => metricsServer?.stop())
        .then(() => processes.stop())
        .then(() => output?.close())
        .then(() => resolve(0));
    };
    // Helpers of neighbors with "signal" in api.receive hear about each signal first (as in ExaBGP).
    const tell = (signal: NodeJS.Signals) => {
      for (const n of speaker.neighbors) {
        const c = speaker.configOf(n);
        if (c) processes.signal(n, c.api, signal);
      }
    };
    const act: Record<DaemonSignal, () => void> = {
      SIGTERM: () => shutdown('SIGTERM'),
      SIGINT: () => shutdown('SIGINT'),
      SIGHUP: () => void reload('SIGHUP'),
      // ExaBGP's: SIGUSR1 and SIGUSR2 reload the configuration, SIGALRM restarts.
      SIGUSR1: () => void reload('SIGUSR1'),
      SIGUSR2: () => void reload('SIGUSR2'),
      SIGALRM: () => executor.execute('restart'),
    };
    // Those that came during startup first (a stop request that came after the last check too).
    signals.deliver((signal, held) => {
      if (held) log.info(`${signal} received during startup: acted on now`);
      tell(signal);
      act[signal]();
    });
    // Killing the npm / npx that started rxbgp kills only npm and its shell: see launcher-watch.ts.
    const launcher = packageManagerLauncher(process.env);
    if (launcher) {
      log.debug(`started by ${launcher}: stopping when the parent process ${parentPid} exits`);
      launcherWatch = parentExit$(() => process.ppid, parentPid).subscribe(() => shutdown(`parent process ${parentPid} exited (rxbgp was started by ${launcher})`));
    }
  });
}

