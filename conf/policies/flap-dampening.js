/**
 * Route flap dampening, the idea of RFC 2439 with a flap count instead of a decaying penalty: a
 * prefix that flaps more than `maxFlaps` times within `windowSeconds` is suppressed (its
 * announcements go out as withdrawals) until it has not flapped for `quietSeconds`; then its
 * latest state is released: announced if the peer holds it, nothing if the peer withdrew it.
 *
 * A flap is a withdrawal of a prefix the peer had announced, or an announcement that changes its
 * attributes or next hop. Flaps are counted per prefix and path id (RFC 7911). Withdrawals always
 * pass as they are: withdrawing what is already withdrawn is harmless, delaying one is not.
 *
 * options: { "maxFlaps": 3, "windowSeconds": 60, "quietSeconds": 300 }
 *
 * State: an announced route costs one Map slot, pointing at an object shared by its whole NLRI
 * list (what it was announced with). Only a prefix that flapped gets an object of its own, and
 * loses it once its flaps are older than the window (or when it is released). Time comes from the
 * context's scheduler: one timer, armed for the earliest release or forgetting that is due.
 */
const { Observable, tap } = require('rxjs');
const { filterRoutes } = require('rxbgp');
const { checkObject, numberOption } = require('./shared/options');
const { RouteTable, announceBatches, forEachRoute, routeKey } = require('./shared/route-table');

const DAY_SECONDS = 86400;

module.exports = (options = {}, context) => {
  checkObject(options, '', ['maxFlaps', 'windowSeconds', 'quietSeconds']);
  const settings = {
    maxFlaps: numberOption(options, 'maxFlaps', 'maxFlaps', { min: 0, max: 1e6, integer: true, fallback: 3 }),
    windowMs: 1000 * numberOption(options, 'windowSeconds', 'windowSeconds', { min: 0.001, max: DAY_SECONDS, fallback: 60 }),
    quietMs: 1000 * numberOption(options, 'quietSeconds', 'quietSeconds', { min: 0.001, max: DAY_SECONDS, fallback: 300 }),
  };
  const { scheduler, logger } = context;
  // State per subscription: the chain subscribes again after a failure, and starts afresh.
  return (source) =>
    new Observable((subscriber) => {
      const damper = new Damper(settings, scheduler, logger, (batch) => subscriber.next(batch));
      const subscription = source
        .pipe(
          tap((batch) => damper.withdrawals(batch)),
          filterRoutes((route) => damper.announced(route)),
        )
        .subscribe({
          next: (batch) => {
            damper.batchDone();
            subscriber.next(batch);
          },
          error: (e) => subscriber.error(e),
          complete: () => subscriber.complete(),
        });
      return () => {
        subscription.unsubscribe();
        damper.stop();
      };
    });
};

/** What routes of one NLRI list were announced with: shared by every route of the list. */
class Announcement {
  constructor(attributes, nextHop) {
    this.attributes = attributes;
    this.nextHop = nextHop;
    this.fingerprint = `${attributesFingerprint(attributes)}|${nextHop.join(' ')}`;
  }
}

/**
 * A prefix that flapped: where it lives, its latest state, its recent flaps. A whole table can
 * flap at once (a peer changing every MED), so a single flap costs no array.
 */
class Flapping {
  constructor(family, key, held) {
    /** Its FamilyRoutes (shared/route-table.js): family, path id and the map it is held in. */
    this.family = family;
    this.key = key;
    /** The latest Announcement, or undefined while withdrawn. */
    this.held = held;
    this.lastFlap = -Infinity;
    /** Times of the flaps within the window, once there are two or more (at most maxFlaps + 1). */
    this.flaps = undefined;
    this.suppressed = false;
    /** When it is released (suppressed) or forgotten (not); NaN once done. */
    this.dueAt = NaN;
  }
}

/** Entries in the order they fall due: a FIFO, since every due time is "now" plus one constant. */
class DueQueue {
  constructor() {
    this.dues = [];
    this.entries = [];
    this.head = 0;
  }

  push(due, entry) {
    this.dues.push(due);
    this.entries.push(entry);
  }

  /** The first due time still meant (an entry that flapped again was queued again), or Infinity. */
  next() {
    while (this.head < this.dues.length && this.entries[this.head].dueAt !== this.dues[this.head]) this.head++;
    this.compact();
    return this.head < this.dues.length ? this.dues[this.head] : Infinity;
  }

  /** Takes the first entry (call after next() said it is due). */
  take() {
    const entry = this.entries[this.head];
    this.entries[this.head++] = undefined;
    return entry;
  }

  compact() {
    if (this.head > 1024 && this.head * 2 > this.dues.length) {
      this.dues = this.dues.slice(this.head);
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

class Damper {
  constructor(settings, scheduler, logger, emit) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.logger = logger;
    this.emit = emit;
    /** Per family and path id, prefix key -> Announcement (announced, no recent flap) or Flapping. */
    this.routes = new RouteTable();
    this.releases = new DueQueue();
    this.forgets = new DueQueue();
    this.timer = undefined;
    this.timerAt = Infinity;
    /** The time of the batch being handled: read once per batch. */
    this.now = 0;
    this.suppressedInBatch = 0;
    this.last = undefined;
  }

  /** A batch arrives: its withdrawals are handled first, as RFC 4271 §4.3 orders them. */
  withdrawals(batch) {
    this.now = this.scheduler.now();
    for (const list of batch.withdrawn) {
      forEachRoute(list, (key, pathId) => {
        const family = this.routes.of(list.afi, list.safi, pathId, false);
        const held = family?.routes.get(key);
        if (held === undefined) return;
        if (held instanceof Flapping) {
          if (held.held === undefined) return;
          held.held = undefined;
          this.flap(held);
          return;
        }
        const entry = new Flapping(family, key, undefined);
        family.routes.set(key, entry);
        this.flap(entry);
      });
    }
  }

  /** An announced route: true to pass it, false to withdraw it (suppressed). */
  announced(route) {
    const family = this.routes.of(route.afi, route.safi, route.pathId, true);
    const key = routeKey(route);
    const announcement = this.announcementOf(route);
    const held = family.routes.get(key);
    if (held === undefined) {
      family.routes.set(key, announcement);
      return true;
    }
    if (held instanceof Flapping) {
      const changed = held.held !== undefined && held.held.fingerprint !== announcement.fingerprint;
      held.held = announcement;
      if (changed) this.flap(held);
      return !held.suppressed;
    }
    if (held.fingerprint === announcement.fingerprint) {
      // The newer object, so that the older batch's attributes can be collected.
      if (held !== announcement) family.routes.set(key, announcement);
      return true;
    }
    const entry = new Flapping(family, key, announcement);
    family.routes.set(key, entry);
    this.flap(entry);
    return !entry.suppressed;
  }

  /** After each batch: one log line for what it suppressed, never one per prefix. */
  batchDone() {
    if (this.suppressedInBatch === 0) return;
    this.logger.info(`suppressed ${this.suppressedInBatch} flapping prefixes`);
    this.suppressedInBatch = 0;
  }

  stop() {
    this.timer?.unsubscribe();
    this.timer = undefined;
  }

  /** The Announcement of the route's list, made once per list: the cursor hands the list's own arrays. */
  announcementOf(route) {
    const last = this.last;
    if (last && last.attributes === route.attributes && last.nextHop === route.nextHop) return last;
    return (this.last = new Announcement(route.attributes, route.nextHop));
  }

  flap(entry) {
    const { maxFlaps, windowMs, quietMs } = this.settings;
    const now = this.now;
    if (!entry.suppressed) {
      let count = 1;
      if (entry.flaps) {
        entry.flaps.push(now);
        while (entry.flaps[0] <= now - windowMs) entry.flaps.shift();
        count = entry.flaps.length;
      } else if (entry.lastFlap > now - windowMs) {
        entry.flaps = [entry.lastFlap, now];
        count = 2;
      }
      if (count > maxFlaps) {
        entry.suppressed = true;
        entry.flaps = undefined;
        this.suppressedInBatch++;
      }
    }
    entry.lastFlap = now;
    // Suppressed: released once quiet for quietMs. Not: forgotten when its flaps leave the window.
    entry.dueAt = now + (entry.suppressed ? quietMs : windowMs);
    (entry.suppressed ? this.releases : this.forgets).push(entry.dueAt, entry);
    this.arm(entry.dueAt);
  }

  arm(at) {
    if (this.timer && this.timerAt <= at) return;
    this.timer?.unsubscribe();
    this.timerAt = at;
    this.timer = this.scheduler.schedule(() => this.fire(), Math.max(0, at - this.scheduler.now()));
  }

  /** Releases and forgets what is due, then arms the timer for what is next. */
  fire() {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.scheduler.now();
    const released = [];
    for (const queue of [this.releases, this.forgets]) {
      while (queue.next() <= now) {
        const entry = queue.take();
        entry.dueAt = NaN;
        if (entry.suppressed && entry.held) released.push(entry);
        // Back to a plain announced route, or to nothing when withdrawn: its flaps start afresh.
        if (entry.held) entry.family.routes.set(entry.key, entry.held);
        else entry.family.routes.delete(entry.key);
      }
    }
    const next = Math.min(this.releases.next(), this.forgets.next());
    if (next < Infinity) this.arm(next);
    if (released.length === 0) return;
    this.logger.info(`released ${released.length} prefixes quiet for ${this.settings.quietMs / 1000} s`);
    const routes = released.map(({ family, key, held }) => ({ afi: family.afi, safi: family.safi, pathId: family.pathId, key, attributes: held.attributes, nextHop: held.nextHop }));
    for (const batch of announceBatches(routes)) this.emit(batch);
  }
}

/** Text that is equal for equal attributes: one per attributes object (a whole NLRI list), cached. */
const fingerprints = new WeakMap();
function attributesFingerprint(attributes) {
  let text = fingerprints.get(attributes);
  if (text === undefined) {
    text = JSON.stringify(attributes, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
    fingerprints.set(attributes, text);
  }
  return text;
}
