/**
 * The Prometheus endpoint: GET /metrics on the configured address and port (off unless configured).
 * Anything else is 404; a scrape that fails is a 500 with the reason, and the daemon goes on.
 */
import http from 'http';
import type { Registry } from 'prom-client';
import type { Log } from '../session/log';

export class MetricsServer {
  private server: http.Server | undefined;

  constructor(
    private readonly registry: Registry,
    private readonly address: string,
    private readonly port: number,
    private readonly log: Log,
  ) {}

  /** Listens; rejects (address in use...) without affecting anything else. */
  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${e instanceof Error ? e.message : String(e)}\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.address, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (e) => this.log.warn(`metrics endpoint: ${e.message}`));
    this.server = server;
    this.log.info(`metrics on http://${this.address.includes(':') ? `[${this.address}]` : this.address}:${this.port}/metrics`);
  }

  /** The port listened on (for port 0 in tests). */
  get boundPort(): number | undefined {
    const a = this.server?.address();
    return typeof a === 'object' && a ? a.port : undefined;
  }

  stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return Promise.resolve();
    s.closeAllConnections();
    return new Promise((resolve) => s.close(() => resolve()));
  }
}
