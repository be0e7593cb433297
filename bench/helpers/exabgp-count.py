#!/usr/bin/env python3
"""The bird-exabgp case's consumer: reads ExaBGP 4.2's JSON events on stdin and counts the run.

ExaBGP runs it as an API process (`receive { parsed; update; }` and `neighbor-changes`), so it is
what an ExaBGP user's route collector would be: one json.loads per line, then the nlri of the
`ipv4 unicast` announcements walked and counted. It expects COUNT consecutive IPv4 /24s from
FIRST and keeps the ones still missing in a set of their texts, built before it says it is ready
(a million strings, ~100 MB, which is what a consumer keeping the prefix set would hold too):

- an nlri removed from that set is a new distinct prefix of the run;
- one not in it is a duplicate if it belongs to the run, else unexpected;
- a withdrawal of a held prefix puts it back among the missing.

Its stdout belongs to ExaBGP (commands), so it reports on stderr, which ExaBGP passes through to
the bench: one line per event, `exabgp-count {json}`, flushed at once, each stamped with `t`,
time.monotonic() of this process (CLOCK_MONOTONIC) when the event was counted:

  {"event": "ready", "pid": P, "count": N, "t": ...}        the set is built; nothing read yet
  {"event": "up", "t": ...}                                 the first "state": "up" event
  {"event": "down", "reason": "...", "t": ...}
  {"event": "progress", "distinct": K, "entries": E, "t": ...}  K reached each 1 % of N and each --mark
  {"event": "tally", "why": W, ...counts..., "t": ...}      W: done (K = N), eor, eof, time

Bounded by --max-seconds: past it the helper writes its tally and exits, even if nobody stops it.
"""
import argparse
import json
import os
import signal
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the helpers in the repository
from helper_common import add_run_arguments, check_run, positive

FAMILY = 'ipv4 unicast'
PREFIX = 'exabgp-count '


class Counts:
    def __init__(self, first, count):
        self.first = first
        self.count = count
        self.missing = prefix_set(first, count)
        self.distinct = 0
        self.entries = 0
        self.duplicates = 0
        self.unexpected = 0
        self.withdrawn = 0
        self.other_families = 0
        self.updates = 0
        self.eors = 0
        self.strays = 0
        self.lines = 0
        self.events = {}

    def in_run(self, text):
        """True when text is one of the run's /24s (only on the rare path: duplicates and strays)."""
        if not isinstance(text, str) or not text.endswith('/24'):
            return False
        parts = text[:-3].split('.')
        if len(parts) != 4 or not all(p.isdigit() and len(p) <= 3 and int(p) < 256 for p in parts):
            return False
        a, b, c, d = (int(p) for p in parts)
        if d != 0:
            return False
        index = ((a << 16) | (b << 8) | c) - (self.first >> 8)
        return 0 <= index < self.count

    def as_dict(self):
        return {
            'distinct': self.distinct,
            'count': self.count,
            'entries': self.entries,
            'duplicates': self.duplicates,
            'unexpected': self.unexpected,
            'withdrawn': self.withdrawn,
            'other_families': self.other_families,
            'updates': self.updates,
            'eors': self.eors,
            'strays': self.strays,
            'lines': self.lines,
            'events': self.events,
        }


def prefix_set(first, count):
    """The run as a set of "a.b.c.0/24" texts, from one string per octet value (no per-prefix format)."""
    octet = [str(i) for i in range(256)]
    tails = [octet[c] + '.0/24' for c in range(256)]
    base = first >> 8
    return {octet[n >> 16] + '.' + octet[(n >> 8) & 255] + '.' + tails[n & 255] for n in range(base, base + count)}


def milestones(count, marks):
    """Distinct counts to report: each 1 % of count (rounded up) and the bench's own marks, ascending."""
    points = {(k * count + 99) // 100 for k in range(1, 101)}
    points.update(m for m in marks if 0 < m <= count)
    return sorted(points)


def report(event, **fields):
    fields['event'] = event
    fields['t'] = time.monotonic()
    sys.stderr.write(PREFIX + json.dumps(fields) + '\n')
    sys.stderr.flush()


def tally(counts, why):
    report('tally', why=why, cpu_seconds=time.process_time(), **counts.as_dict())


def consume(stream, counts, marks):
    """The loop a consumer runs: one json.loads per line, nlri walked; returns at end of input."""
    loads = json.loads
    missing = counts.missing
    mark_at = 0
    next_mark = marks[0] if marks else counts.count + 1
    up = False
    done = False
    for line in stream:
        counts.lines += 1
        try:
            event = loads(line)
            kind = event.get('type')
        except (ValueError, AttributeError):
            counts.strays += 1
            continue
        counts.events[kind] = counts.events.get(kind, 0) + 1
        neighbor = event.get('neighbor') or {}
        if kind == 'state':
            state = neighbor.get('state')
            if state == 'up' and not up:
                up = True
                report('up', peer=(neighbor.get('address') or {}).get('peer'))
            elif state == 'down':
                report('down', reason=str(neighbor.get('reason', '')))
            continue
        if kind != 'update' or neighbor.get('direction') != 'receive':
            continue
        message = neighbor.get('message') or {}
        update = message.get('update')
        if update is None:
            eor = message.get('eor')
            if eor is not None:
                counts.eors += 1
                if eor.get('afi') == 'ipv4' and eor.get('safi') == 'unicast':
                    tally(counts, 'eor')
            continue
        counts.updates += 1
        announce = update.get('announce')
        if announce:
            for family, by_next_hop in announce.items():
                if family != FAMILY:
                    counts.other_families += 1
                    continue
                for entries in by_next_hop.values():
                    counts.entries += len(entries)
                    for entry in entries:
                        # {"nlri": "10.0.0.0/24"}, or the bare text with exabgp.api.compact
                        prefix = entry.get('nlri') if type(entry) is dict else entry
                        try:
                            missing.remove(prefix)
                        except (KeyError, TypeError):
                            if counts.in_run(prefix):
                                counts.duplicates += 1
                            else:
                                counts.unexpected += 1
                            continue
                        counts.distinct += 1
                        if counts.distinct >= next_mark:
                            report('progress', distinct=counts.distinct, entries=counts.entries)
                            mark_at += 1
                            next_mark = marks[mark_at] if mark_at < len(marks) else counts.count + 1
                            if counts.distinct == counts.count and not done:
                                done = True
                                tally(counts, 'done')
        withdraw = update.get('withdraw')
        if withdraw:
            for family, entries in withdraw.items():
                if family != FAMILY:
                    counts.other_families += 1
                    continue
                for entry in entries:
                    prefix = entry.get('nlri') if type(entry) is dict else entry
                    counts.withdrawn += 1
                    if counts.in_run(prefix) and prefix not in missing:
                        missing.add(prefix)
                        counts.distinct -= 1
                        # Counted again when it comes back: the next mark is the first above what is held.
                        while mark_at > 0 and marks[mark_at - 1] > counts.distinct:
                            mark_at -= 1
                        next_mark = marks[mark_at] if mark_at < len(marks) else counts.count + 1


def arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_run_arguments(p)
    # One option per mark: ExaBGP's config tokenizer cuts a run line at commas too.
    p.add_argument('--mark', type=positive, action='append', default=[], help='a further distinct count to report, e.g. 990000')
    p.add_argument('--max-seconds', type=positive, required=True, help='hard limit on this process life')
    a = p.parse_args(argv)
    check_run(p, a)
    return a


def main(argv):
    a = arguments(argv)
    counts = Counts(a.first, a.count)

    def out_of_time(_signum, _frame):
        tally(counts, 'time')
        os._exit(2)

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(a.max_seconds)
    # ExaBGP stops its helpers with SIGTERM: leave quietly (the bench has read what it needs).
    signal.signal(signal.SIGTERM, lambda _signum, _frame: os._exit(0))
    report('ready', pid=os.getpid(), count=a.count)
    consume(sys.stdin.buffer, counts, milestones(a.count, a.mark))
    tally(counts, 'eof')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
