/**
 * Rate-limits the announcements of a session: at most `prefixesPerSecond` announced prefixes a
 * second on average, with bursts of up to `burst` (a token bucket, refilled continuously).
 *
 * options: { "prefixesPerSecond": 1000, "burst": 1000 (default: one second's worth) }
 *
 * Batches keep their order: a batch waits until the bucket holds its announcements, and the
 * batches after it wait behind it, so a withdrawal never overtakes an earlier announcement of its
 * prefix. A withdrawal itself costs nothing and is never held for the bucket. A batch larger than
 * the burst goes out when the bucket is full, and the ones after it wait until the bucket has
 * been paid back. Batches are not split: one UPDATE's routes travel together.
 *
 * There is no backpressure into an import: while the peer sends faster than the rate, the batches
 * wait here in memory.
 */
const { concatMap, defer, map, of, timer } = require('rxjs');
const { checkObject, numberOption } = require('./shared/options');
const { announcedCount } = require('./shared/route-table');

module.exports = (options = {}, context) => {
  checkObject(options, '', ['prefixesPerSecond', 'burst']);
  const rate = numberOption(options, 'prefixesPerSecond', 'prefixesPerSecond', { min: 0.001, max: 1e9, fallback: 1000 });
  const burst = numberOption(options, 'burst', 'burst', { min: 1, max: 1e9, fallback: Math.max(1, rate) });
  const perMs = rate / 1000;
  const { scheduler } = context;
  // The bucket is per subscription: the chain subscribes again after a failure, and starts full.
  return (source) =>
    defer(() => {
      let tokens = burst;
      let at = scheduler.now();
      return source.pipe(
        concatMap((batch) => {
          const cost = announcedCount(batch);
          if (cost === 0) return of(batch);
          const now = scheduler.now();
          tokens = Math.min(burst, tokens + (now - at) * perMs);
          at = now;
          // What this batch must find in the bucket: all of it, or a full bucket when it is bigger.
          const wait = Math.max(0, Math.ceil((Math.min(cost, burst) - tokens) / perMs));
          // Spent now, paid back while waiting: after `wait` ms the bucket holds what it would have.
          tokens -= cost;
          return wait === 0 ? of(batch) : timer(wait, scheduler).pipe(map(() => batch));
        }),
      );
    });
};
