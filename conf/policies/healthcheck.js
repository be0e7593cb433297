/**
 * Routes for a service only while the service is healthy, as ExaBGP's healthcheck program does:
 * the routes of the guarded prefixes pass while a health check passes; when it starts failing they
 * are withdrawn, and when it passes again the latest announcement of each is sent again. Routes of
 * other prefixes pass untouched. Until the check has passed `rise` times in a row, the service
 * counts as down.
 *
 * options: {
 *   "prefixes": ["192.0.2.10/32"],                        a prefix list (lib/policy/prefix-list.ts)
 *   "check": { "tcp": "127.0.0.1:8080" }                  healthy when a TCP connection opens,
 *         or { "http": "http://127.0.0.1:8080/health" }   or when a GET answers 2xx or 3xx
 *   "intervalSeconds": 5, "timeoutSeconds": 2,            one check every interval, each given timeout
 *   "rise": 2, "fall": 3                                  checks in a row that bring it up / down
 * }
 *
 * The module is its parts: healthGate (the operator, given any Observable<boolean> of health),
 * riseFall (check results to health), healthChecks (a probe run on the scheduler's clock), and
 * tcpProbe / httpProbe (Node's net and http). The factory puts them together.
 */
const http = require('http');
const https = require('https');
const net = require('net');
const { Observable, catchError, distinctUntilChanged, exhaustMap, map, of, scan, tap, timeout, timer } = require('rxjs');
const { filterRoutes, PrefixList } = require('rxbgp');
const { checkObject, numberOption, optionError, stringListOption } = require('./shared/options');
const { RouteTable, announceBatches, forEachRoute, routeKey, withdrawBatch } = require('./shared/route-table');

function healthcheck(options = {}, context) {
  checkObject(options, '', ['prefixes', 'check', 'intervalSeconds', 'timeoutSeconds', 'rise', 'fall']);
  const guarded = prefixListOption(options);
  const { probe, what } = probeOption(options.check);
  const intervalMs = 1000 * numberOption(options, 'intervalSeconds', 'intervalSeconds', { min: 0.01, max: 86400, fallback: 5 });
  const timeoutMs = 1000 * numberOption(options, 'timeoutSeconds', 'timeoutSeconds', { min: 0.01, max: 86400, fallback: 2 });
  const rise = numberOption(options, 'rise', 'rise', { min: 1, max: 1000, integer: true, fallback: 2 });
  const fall = numberOption(options, 'fall', 'fall', { min: 1, max: 1000, integer: true, fallback: 3 });
  const { scheduler, logger } = context;
  const health = healthChecks(probe, intervalMs, timeoutMs, scheduler).pipe(riseFall(rise, fall));
  return healthGate(guarded, health, { info: (m) => logger.info(`${what}: ${m}`) });
}

/**
 * The routes `guarded` matches pass only while `health` last said true (nothing yet: down). The
 * latest announcement of each is remembered: withdrawn when health goes down, announced again when
 * it comes back. `health` is subscribed with the policy; an error in it is the policy's error.
 */
function healthGate(guarded, health, logger = { info() {} }) {
  return (source) =>
    new Observable((subscriber) => {
      let healthy = false;
      /** Guarded routes the peer announced and has not withdrawn: { attributes, nextHop }. */
      const remembered = new RouteTable();
      let rememberedCount = 0;

      const forgetWithdrawn = (batch) => {
        if (rememberedCount === 0) return;
        for (const list of batch.withdrawn) {
          forEachRoute(list, (key, pathId) => {
            if (remembered.of(list.afi, list.safi, pathId, false)?.routes.delete(key)) rememberedCount--;
          });
        }
      };
      const gate = (route) => {
        if (!guarded.matches(route)) return true;
        const { routes } = remembered.of(route.afi, route.safi, route.pathId, true);
        const key = routeKey(route);
        if (!routes.has(key)) rememberedCount++;
        routes.set(key, { attributes: route.attributes, nextHop: route.nextHop });
        return healthy;
      };
      const change = (up) => {
        if (up === healthy) return;
        healthy = up;
        const routes = [];
        remembered.forEach((value, route) => routes.push({ ...route, ...value }));
        logger.info(`${up ? 'up' : 'down'}: ${up ? 'announcing' : 'withdrawing'} ${routes.length} routes`);
        if (routes.length === 0) return;
        if (up) for (const batch of announceBatches(routes)) subscriber.next(batch);
        else subscriber.next(withdrawBatch(routes));
      };

      // Health first: a verdict and a batch at the same moment see the verdict applied.
      const healthSubscription = health.subscribe({ next: change, error: (e) => subscriber.error(e) });
      const routesSubscription = source
        .pipe(
          tap(forgetWithdrawn),
          filterRoutes(gate),
        )
        .subscribe({ next: (batch) => subscriber.next(batch), error: (e) => subscriber.error(e), complete: () => subscriber.complete() });
      return () => {
        healthSubscription.unsubscribe();
        routesSubscription.unsubscribe();
      };
    });
}

/** Check results to health: up after `rise` passes in a row, down after `fall` failures in a row; starts down. */
function riseFall(rise, fall) {
  return (results) =>
    results.pipe(
      scan(
        (state, passed) => {
          const streak = passed === state.lastPassed ? state.streak + 1 : 1;
          const up = state.up ? !(!passed && streak >= fall) : passed && streak >= rise;
          return { up, lastPassed: passed, streak };
        },
        { up: false, lastPassed: undefined, streak: 0 },
      ),
      map((state) => state.up),
      distinctUntilChanged(),
    );
}

/**
 * Runs `probe` (a function returning an Observable that emits whether the check passed) now and
 * every `intervalMs`, each run given `timeoutMs`: a run that times out or errors failed. A run
 * still going when the next is due makes that one skipped, not stacked.
 */
function healthChecks(probe, intervalMs, timeoutMs, scheduler) {
  return timer(0, intervalMs, scheduler).pipe(
    exhaustMap(() =>
      probe().pipe(
        timeout({ first: timeoutMs, scheduler, with: () => of(false) }),
        catchError(() => of(false)),
      ),
    ),
  );
}

/** Passes when a TCP connection to host:port opens; the connection is closed at once. */
function tcpProbe(host, port) {
  return () =>
    new Observable((subscriber) => {
      const socket = net.connect({ host, port });
      socket.once('connect', () => {
        subscriber.next(true);
        subscriber.complete();
      });
      socket.on('error', () => {
        subscriber.next(false);
        subscriber.complete();
      });
      return () => socket.destroy();
    });
}

/** Passes when a GET of `url` answers 2xx or 3xx (redirects are not followed). */
function httpProbe(url) {
  const client = url.startsWith('https:') ? https : http;
  return () =>
    new Observable((subscriber) => {
      const request = client.get(url, (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        subscriber.next(status >= 200 && status < 400);
        subscriber.complete();
      });
      request.on('error', () => {
        subscriber.next(false);
        subscriber.complete();
      });
      return () => request.destroy();
    });
}

function prefixListOption(options) {
  const entries = stringListOption(options, 'prefixes', 'prefixes', { minItems: 1 });
  try {
    return PrefixList.parse(entries);
  } catch (e) {
    throw new Error(`options.prefixes: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** { "tcp": "host:port" } or { "http": "http(s)://..." }: the probe, and words for the logs. */
function probeOption(check) {
  const expected = '{ "tcp": "127.0.0.1:8080" } or { "http": "http://127.0.0.1:8080/health" }';
  if (typeof check !== 'object' || check === null || Object.keys(check).length !== 1) throw optionError('check', expected, check);
  if (typeof check.tcp === 'string') {
    const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(check.tcp);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw optionError('check.tcp', 'host:port, like "127.0.0.1:8080" or "[::1]:8080"', check.tcp);
    return { probe: tcpProbe(m[1], Number(m[2])), what: `health check tcp ${check.tcp}` };
  }
  if (typeof check.http === 'string') {
    let url;
    try {
      url = new URL(check.http);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw optionError('check.http', 'an http:// or https:// URL', check.http);
    return { probe: httpProbe(check.http), what: `health check ${check.http}` };
  }
  throw optionError('check', expected, check);
}

module.exports = healthcheck;
module.exports.healthGate = healthGate;
module.exports.riseFall = riseFall;
module.exports.healthChecks = healthChecks;
module.exports.tcpProbe = tcpProbe;
module.exports.httpProbe = httpProbe;
