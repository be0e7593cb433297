/**
 * TCP listeners for incoming BGP connections. Each accepted connection is handed to the
 * configured neighbor for its (remote address, local address); anything else is closed with
 * Cease / Connection Rejected (RFC 4486 subcode 5).
 */
import * as net from 'net';
import type { ListenConfig } from '../config/types';
import { Connection } from '../session/connection';

export class Listener {
  private server: net.Server | undefined;

  constructor(
    readonly config: ListenConfig,
    private readonly onConnection: (conn: Connection) => void,
  ) {}

  get key(): string {
    return `${this.config.address}|${this.config.port}`;
  }

  /** Binds; rejects with a message that says which address and why. */
  start(): Promise<void> {
    const server = net.createServer({ noDelay: true }, (socket) => this.onConnection(new Connection(socket, 'incoming')));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(new Error(`cannot listen on ${this.config.address} port ${this.config.port}: ${err.code ?? err.message}${err.code === 'EADDRINUSE' ? ' (address already in use)' : ''}`)),
      );
      server.listen({ host: this.config.address, port: this.config.port }, () => {
        server.removeAllListeners('error');
        server.on('error', () => undefined);
        resolve();
      });
    });
  }

  /** Stops accepting. Resolves once the port is released, not when accepted sockets end. */
  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      // server.close()'s callback waits for every accepted socket; 'listening' ends at once.
      server.close();
      setImmediate(resolve);
    });
  }
}
