/**
 * Metrics read from two live speakers: neighbor state and uptime, messages and prefixes in and out,
 * Adj-RIB sizes, sink counters; and the HTTP endpoint serving them.
 */
import http from 'http';
import { Speaker } from '../../lib';
import { createMetrics } from '../../lib/metrics/metrics';
import { MetricsServer } from '../../lib/metrics/metrics-server';
import { silentLog } from '../../lib/session/log';
import { until } from '../daemon/helpers';

const A = '127.0.0.179';
const B = '127.0.0.180';
const PORT = 18079;

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('metrics', () => {
  let a: Speaker;
  let b: Speaker;

  beforeAll(async () => {
    b = await Speaker.start({
      listen: [{ address: B, port: PORT }],
      sinks: [{ name: 'log', type: 'log' }],
      neighbors: [{ description: 'peer-a', peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.180', passive: true }],
    });
    a = await Speaker.start({
      neighbors: [
        {
          peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.179', connectRetry: 1,
          routes: [
            { prefix: '203.0.113.0/24', nextHop: '198.51.100.1' },
            { prefix: '203.0.113.128/25', nextHop: '198.51.100.1' },
          ],
        },
      ],
    });
    await until(() => b.neighbors[0].ribIn.size === 2, 10000, 'the routes at the receiver');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('report state, messages, prefixes, RIB sizes and sink counters', async () => {
    const registry = createMetrics({ neighbors: () => b.neighbors, sinks: () => b.sinkStats(), helpers: () => new Map() });
    const text = await registry.metrics();
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(name));
    expect(line(`rxbgp_neighbor_up{neighbor="peer-a",peer="${A}"}`)).toMatch(/ 1$/);
    expect(line(`rxbgp_neighbor_state{neighbor="peer-a",peer="${A}",state="Established"}`)).toMatch(/ 1$/);
    expect(line(`rxbgp_neighbor_state{neighbor="peer-a",peer="${A}",state="Idle"}`)).toMatch(/ 0$/);
    expect(Number(line(`rxbgp_neighbor_uptime_seconds{neighbor="peer-a",peer="${A}"}`)!.split(' ')[1])).toBeGreaterThan(0);
    expect(line(`rxbgp_messages_received_total{neighbor="peer-a",peer="${A}",type="open"}`)).toMatch(/ 1$/);
    expect(Number(line(`rxbgp_messages_received_total{neighbor="peer-a",peer="${A}",type="update"}`)!.split(' ')[1])).toBeGreaterThanOrEqual(1);
    expect(line(`rxbgp_prefixes_received_total{neighbor="peer-a",peer="${A}",action="announce"}`)).toMatch(/ 2$/);
    expect(line(`rxbgp_adj_rib_in_routes{neighbor="peer-a",peer="${A}"}`)).toMatch(/ 2$/);
    expect(line('rxbgp_sink_events_written_total{sink="log"}')).toMatch(/ [1-9]\d*$/);
    expect(line('rxbgp_sink_events_dropped_total{sink="log"}')).toMatch(/ 0$/);
    // The log sink has no line for the TCP connection's state event: taken, not written.
    expect(line('rxbgp_sink_events_skipped_total{sink="log"}')).toMatch(/ [1-9]\d*$/);
    const sender = await createMetrics({ neighbors: () => a.neighbors, sinks: () => new Map(), helpers: () => new Map() }).metrics();
    expect(sender).toMatch(new RegExp(`rxbgp_prefixes_sent_total\\{neighbor="${B}",peer="${B}",action="announce"\\} 2`));
    expect(sender).toMatch(new RegExp(`rxbgp_adj_rib_out_routes\\{neighbor="${B}",peer="${B}"\\} 2`));
  });

  it('serves them on GET /metrics, and 404 elsewhere', async () => {
    const registry = createMetrics({ neighbors: () => b.neighbors, sinks: () => b.sinkStats(), helpers: () => new Map() });
    const server = new MetricsServer(registry, '127.0.0.1', 0, silentLog);
    await server.start();
    try {
      const ok = await get(server.boundPort!, '/metrics');
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('# TYPE rxbgp_neighbor_up gauge');
      expect(ok.body).toContain('# TYPE rxbgp_messages_received_total counter');
      expect((await get(server.boundPort!, '/')).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});
