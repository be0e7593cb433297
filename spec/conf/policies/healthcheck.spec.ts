/**
 * conf/policies/healthcheck.js: the gate in virtual time with health as a cold observable, the
 * rise/fall counting and the check loop in marbles, and the real TCP and HTTP probes once against
 * servers started here on 127.0.0.1 (ephemeral ports), bounded in time.
 */
import http from 'http';
import net from 'net';
import { asyncScheduler, firstValueFrom, map, NEVER, Observable, Subject, timeout, type OperatorFunction } from 'rxjs';
import { PrefixList } from '../../../lib/policy/prefix-list';
import type { Policy, PolicyFactory, RouteBatch } from '../../../lib/policy/types';
import type { SchedulerLike } from 'rxjs';
import { announce, base, meaning, packed, policyContext, shippedPolicy, testScheduler, text, withdraw } from './route-batches';

interface HealthcheckModule extends PolicyFactory {
  healthGate(guarded: PrefixList, health: Observable<boolean>, logger?: { info(m: string): void }): Policy;
  riseFall(rise: number, fall: number): OperatorFunction<boolean, boolean>;
  healthChecks(probe: () => Observable<boolean>, intervalMs: number, timeoutMs: number, scheduler: SchedulerLike): Observable<boolean>;
  tcpProbe(host: string, port: number): () => Observable<boolean>;
  httpProbe(url: string): () => Observable<boolean>;
}

const healthcheck = shippedPolicy<HealthcheckModule>('healthcheck.js');
const guarded = PrefixList.parse(['192.0.2.10/32', '2001:db8::10/128']);
const med = (n: number) => ({ ...base, med: n });
const withMed = (a: { med?: number }) => `med=${a.med}`;
const health = { t: true, f: false };

/** Resolves once `done()` holds, checking every 10 ms; rejects after `ms`. */
async function until(done: () => boolean, ms: number, what: string): Promise<void> {
  for (const deadline = Date.now() + ms; !done(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('healthcheck.js', () => {
  describe('healthGate', () => {
    it('passes guarded routes only while healthy: withdraws the remembered ones when health goes down, announces them again when it is back', () => {
      const values = {
        g: announce(packed(['192.0.2.10/32', '8.8.8.0/24']), med(1)),
        h: announce(packed(['192.0.2.10/32']), med(2)),
        v: announce(text(['2001:db8::10/128'], '2001:db8::1'), med(3)),
      };
      testScheduler().run(({ cold, expectObservable }) => {
        const gate = healthcheck.healthGate(guarded, cold('--t---f--t', health));
        expectObservable(cold('g--v-h--', values).pipe(gate, map((b) => meaning(b, withMed)))).toBe('a-bd-ef--(gh)', {
          a: '+8.8.8.0/24 -192.0.2.10/32 med=1',
          b: '+192.0.2.10/32 med=1',
          d: '+2001:db8::10/128 med=3',
          e: '+192.0.2.10/32 med=2',
          f: '-192.0.2.10/32 -2001:db8::10/128',
          g: '+192.0.2.10/32 med=2',
          h: '+2001:db8::10/128 med=3',
        });
      });
    });

    it('forgets a guarded route the peer withdrew: nothing of it comes back with health', () => {
      const values = { g: announce(packed(['192.0.2.10/32']), med(1)), w: withdraw(['192.0.2.10/32']) };
      testScheduler().run(({ cold, expectObservable }) => {
        const gate = healthcheck.healthGate(guarded, cold('-t--f-t', health));
        expectObservable(cold('--gw', values).pipe(gate, map((b) => meaning(b, withMed)))).toBe('--xy--', {
          x: '+192.0.2.10/32 med=1',
          y: '-192.0.2.10/32',
        });
      });
    });

    it('passes batches without guarded routes as the same objects, and ignores health saying again what it said', () => {
      const other = announce(packed(['8.8.8.0/24']));
      const gone = withdraw(['192.0.2.10/32']);
      const logged: string[] = [];
      testScheduler().run(({ cold, expectObservable }) => {
        const gate = healthcheck.healthGate(guarded, cold('ttfft', health), { info: (m) => logged.push(m) });
        expectObservable(cold('a-b--|', { a: other, b: gone }).pipe(gate)).toBe('a-b--|', { a: other, b: gone });
      });
      expect(logged).toEqual(['up: announcing 0 routes', 'down: withdrawing 0 routes', 'up: announcing 0 routes']);
    });

    it('an error in the health observable is the policy error', () => {
      testScheduler().run(({ cold, expectObservable }) => {
        const gate = healthcheck.healthGate(guarded, cold('--#', health, new Error('no health')));
        expectObservable(cold('a---', { a: announce(packed(['8.8.8.0/24'])) }).pipe(gate, map((b) => meaning(b)))).toBe('a-#', { a: '+8.8.8.0/24' }, new Error('no health'));
      });
    });
  });

  it('riseFall: up after rise passes in a row, down after fall failures in a row, down at first', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const results = cold('tftttfftfffft', health);
      expectObservable(results.pipe(healthcheck.riseFall(2, 3))).toBe('f--t------f--', health);
    });
  });

  it('healthChecks: a probe now and every interval; one that times out failed, one still running makes the next skipped', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const answers = [cold('-(t|)', health), NEVER, cold('---(t|)', health), cold('(f|)', health)];
      let calls = 0;
      const probe = () => answers[calls++ % answers.length];
      // Probes at 0 (true at 1), 5 (times out at 8), 10 (true at 13), 15 (false at 15), 20 (true at 21).
      expectObservable(healthcheck.healthChecks(probe, 5, 3, scheduler), '^ 22ms !').toBe('-t------f----t-f-----t', health);
    });
    const busy = testScheduler();
    busy.run(({ cold, expectObservable }) => {
      // Probes take 7 frames (timeout 9): the one due at 5 is skipped, the next starts at 10.
      expectObservable(healthcheck.healthChecks(() => cold('-------(t|)', health), 5, 9, busy), '^ 20ms !').toBe('-------t---------t', health);
    });
  });

  describe('real probes on 127.0.0.1', () => {
    let server: net.Server;
    let port: number;
    let web: http.Server;
    let webPort: number;

    beforeAll(async () => {
      server = net.createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
      web = http.createServer((request, response) => {
        response.statusCode = request.url === '/health' ? 204 : 503;
        response.end();
      });
      await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
      webPort = (web.address() as net.AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise((resolve) => web.close(resolve));
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    });

    const once = (probe: () => Observable<boolean>) => firstValueFrom(probe().pipe(timeout({ first: 5000, scheduler: asyncScheduler })));

    it('tcpProbe passes when a connection opens, fails when refused', async () => {
      expect(await once(healthcheck.tcpProbe('127.0.0.1', port))).toBe(true);
      const closed = net.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const closedPort = (closed.address() as net.AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      expect(await once(healthcheck.tcpProbe('127.0.0.1', closedPort))).toBe(false);
    });

    it('httpProbe passes on 2xx and 3xx, fails on other statuses', async () => {
      expect(await once(healthcheck.httpProbe(`http://127.0.0.1:${webPort}/health`))).toBe(true);
      expect(await once(healthcheck.httpProbe(`http://127.0.0.1:${webPort}/other`))).toBe(false);
    });

    it('the factory with a tcp check: the guarded route passes once the port answers, and is withdrawn when it stops', async () => {
      const { context, lines } = policyContext(asyncScheduler);
      const options = { prefixes: ['192.0.2.10/32'], check: { tcp: `127.0.0.1:${port}` }, intervalSeconds: 0.02, timeoutSeconds: 1, rise: 2, fall: 1 };
      const input = new Subject<RouteBatch>();
      const out: string[] = [];
      const subscription = input.pipe(healthcheck(options, context)).subscribe((b) => out.push(meaning(b)));
      try {
        input.next(announce(packed(['192.0.2.10/32', '8.8.8.0/24'])));
        expect(out).toEqual(['+8.8.8.0/24 -192.0.2.10/32']);
        await until(() => out.length === 2, 5000, 'the route announced after two checks passed');
        expect(out[1]).toBe('+192.0.2.10/32');
        await new Promise((resolve) => server.close(resolve));
        await until(() => out.length === 3, 5000, 'the route withdrawn after the check failed');
        expect(out[2]).toBe('-192.0.2.10/32');
        expect(lines).toEqual([`info health check tcp 127.0.0.1:${port}: up: announcing 1 routes`, `info health check tcp 127.0.0.1:${port}: down: withdrawing 1 routes`]);
      } finally {
        subscription.unsubscribe();
      }
    });
  });

  it('refuses options it cannot use, naming the option', () => {
    const context = policyContext(testScheduler()).context;
    const make = (options: Record<string, unknown>) => () => healthcheck(options, context);
    const check = { tcp: '127.0.0.1:8080' };
    expect(make({ check })).toThrow('options.prefixes: expected a list of at least 1 strings, got nothing');
    expect(make({ prefixes: ['192.0.2.10/32'] })).toThrow('options.check: expected { "tcp": "127.0.0.1:8080" } or { "http": "http://127.0.0.1:8080/health" }, got nothing');
    expect(make({ prefixes: ['192.0.2.10/32'], check: { tcp: '127.0.0.1' } })).toThrow('options.check.tcp: expected host:port, like "127.0.0.1:8080" or "[::1]:8080", got "127.0.0.1"');
    expect(make({ prefixes: ['192.0.2.10/32'], check: { http: 'ftp://x/' } })).toThrow('options.check.http: expected an http:// or https:// URL, got "ftp://x/"');
    expect(make({ prefixes: ['192.0.2.10/32'], check, rise: 0 })).toThrow('options.rise: expected an integer from 1 to 1000, got 0');
    expect(make({ prefixes: ['192.0.2.10/32'], check, interval: 5 })).toThrow('options: unknown option "interval"');
    expect(typeof make({ prefixes: ['192.0.2.10/32'], check: { tcp: '[::1]:8080' } })()).toBe('function');
  });
});
