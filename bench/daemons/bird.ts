/**
 * One BIRD 2 process for a case: its config written (a sender's statics streamed), started in the
 * foreground, watched for "State changed to up/down" on its log, and queried through its control
 * socket. See /work/shared/PEERS.md for the recipe.
 */
import path from 'path';
import { BIRD_BGP_PROTOCOL, BIRD_STATIC_PROTOCOL, writeBirdConfig, type BirdBgpConfig } from '../gen/bird-config';
import { pollUntil, type Deadline } from '../measure/deadline';
import { SessionWatch } from '../measure/session-watch';
import { BirdControl, parseImportedRoutes, parseRouteCount } from './bird-control';
import { wakeBirdEvery } from './bird-waker';
import { TrackedChild } from './tracked-child';

export class BirdDaemon {
  readonly session = new SessionWatch();
  private control: BirdControl | undefined;
  private stopWaking: (() => void) | undefined;

  private constructor(
    readonly child: TrackedChild,
    private readonly socketPath: string,
  ) {}

  /** Writes the config into `dir`, starts BIRD and waits until its control socket answers. */
  static async start(name: string, dir: string, config: BirdBgpConfig, deadline: Deadline): Promise<BirdDaemon> {
    return BirdDaemon.startWith(name, dir, (file) => writeBirdConfig(file, config), deadline);
  }

  /**
   * The same with a config written by the caller (e.g. bench/gen/realistic-bird-config.ts). The
   * session watched is still the protocol named BIRD_BGP_PROTOCOL, so the config must name it so.
   */
  static async startWith(name: string, dir: string, writeConfig: (file: string) => void, deadline: Deadline): Promise<BirdDaemon> {
    const configFile = path.join(dir, `${name}.conf`);
    const socketPath = path.join(dir, `${name}.ctl`);
    writeConfig(configFile);
    let bird: BirdDaemon | undefined;
    const stateLine = new RegExp(`<TRACE> ${BIRD_BGP_PROTOCOL}: State changed to (\\w+)`);
    const child = new TrackedChild({
      name,
      command: 'bird',
      args: ['-f', '-c', configFile, '-s', socketPath],
      onStderrLine: (line) => {
        const m = stateLine.exec(line);
        if (!m || !bird) return;
        if (m[1] === 'up') bird.session.markUp();
        else bird.session.markDown(`BIRD protocol state ${m[1]}`);
      },
    });
    bird = new BirdDaemon(child, socketPath);
    try {
      bird.control = await pollUntil(
        `${name} control socket`,
        deadline,
        () => BirdControl.connect(socketPath, 2000).catch(() => undefined),
        { intervalMs: 100, abort: () => child.exitText() },
      );
    } catch (err) {
      await child.stop();
      throw err;
    }
    return bird;
  }

  get pid(): number {
    return this.child.pid;
  }

  command(line: string): Promise<string> {
    if (!this.control) throw new Error(`${this.child.name}: control socket not connected`);
    return this.control.command(line);
  }

  /** Routes the BGP protocol has imported into the table (an O(1) counter in BIRD). */
  async bgpImported(): Promise<number> {
    return this.imported(BIRD_BGP_PROTOCOL);
  }

  /** Routes the sender's static protocol has put in the table. */
  async staticImported(): Promise<number> {
    return this.imported(BIRD_STATIC_PROTOCOL);
  }

  /** `show route count protocol bench`: walks the table, for the final check only. */
  async bgpRouteCount(): Promise<number> {
    const text = await this.command(`show route count protocol ${BIRD_BGP_PROTOCOL}`);
    const n = parseRouteCount(text);
    if (n === undefined) throw new Error(`${this.child.name}: cannot read a route count from: ${text}`);
    return n;
  }

  /** True when the table holds `prefix` from the BGP protocol. */
  async hasBgpRoute(prefix: string): Promise<boolean> {
    const text = await this.command(`show route ${prefix} protocol ${BIRD_BGP_PROTOCOL}`);
    return text.split('\n').some((l) => l.startsWith(`${prefix} `));
  }

  /** Starts a protocol configured `disabled` (the sender's session, once its routes are loaded). */
  async enableBgp(): Promise<void> {
    await this.command(`enable ${BIRD_BGP_PROTOCOL}`);
  }

  /** Wakes BIRD's main loop every SENDER_WAKE_MS until stop() (bench/daemons/bird-waker.ts). */
  wakeWhileSending(): void {
    if (!this.control || this.stopWaking) return;
    this.stopWaking = wakeBirdEvery(this.control);
  }

  async stop(): Promise<void> {
    this.stopWaking?.();
    this.stopWaking = undefined;
    this.control?.close();
    await this.child.stop();
  }

  private async imported(protocol: string): Promise<number> {
    const text = await this.command(`show protocols all ${protocol}`);
    return parseImportedRoutes(text) ?? 0;
  }
}
