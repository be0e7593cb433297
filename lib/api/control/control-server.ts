/**
 * The daemon's control socket: a Unix socket (mode 0600, so only its owner can drive the
 * daemon) where `rxbgp cli` and scripts send ExaBGP text commands and read the answers.
 * Several clients may be connected at once; each gets its own ControlConnection.
 */
import * as fs from 'fs';
import * as net from 'net';
import type { CommandExecutor } from './executor';
import type { ControlLog } from './control-log';
import { ControlConnection } from './control-connection';
import { prepareSocketPath, removeSocketFile } from './socket-file';

export class ControlServer {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private clientCount = 0;

  /** `privateDirectory`: the socket's directory is the per-user one of default sockets (see prepareSocketPath). */
  constructor(
    readonly path: string,
    private readonly executor: CommandExecutor,
    private readonly log: ControlLog,
    private readonly options: { privateDirectory?: boolean } = {},
  ) {}

  /** Listens on `path`; rejects when another daemon answers there or the path cannot be used. */
  async start(): Promise<void> {
    if (this.server) throw new Error(`control socket ${this.path} is already started`);
    await prepareSocketPath(this.path, this.options);
    // allowHalfOpen: a client may send its commands and end its side, and still read the answers.
    const server = net.createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
    await listenPrivately(server, this.path);
    try {
      // The umask already made it private; chmod as well in case it could not be set.
      fs.chmodSync(this.path, 0o600);
    } catch (e) {
      await closeServer(server);
      throw e;
    }
    server.on('error', (e) => this.log.error(`control socket ${this.path}: ${e.message}`));
    this.server = server;
    this.log.info(`control socket listening on ${this.path}`);
  }

  /** Stops listening, drops every client and removes the socket file. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = closeServer(server);
    for (const socket of this.sockets) socket.destroy();
    await closed;
    removeSocketFile(this.path);
    this.log.info(`control socket ${this.path} closed`);
  }

  private accept(socket: net.Socket): void {
    const source = `control#${++this.clientCount}`;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    new ControlConnection(socket, this.executor, source, this.log);
  }
}

/**
 * listen() with umask 0177, so the socket file is created 0600 and never exists with looser
 * permissions. Node binds a path synchronously inside listen() in the main process, so the
 * umask is restored right after. (Worker threads cannot set the umask: the chmod covers them.)
 */
function listenPrivately(server: net.Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(new Error(`control socket ${path}: cannot listen: ${e.message}`));
    server.once('error', onError);
    let previous: number | undefined;
    try {
      previous = process.umask(0o177);
    } catch {
      previous = undefined;
    }
    try {
      server.listen(path, () => {
        server.off('error', onError);
        resolve();
      });
    } finally {
      if (previous !== undefined) process.umask(previous);
    }
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
