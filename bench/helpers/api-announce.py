#!/usr/bin/env python3
"""The benchmark's process-API helper: the same program runs under rxbgp and under ExaBGP 4.2.

It waits for the neighbor's `"state": "up"` JSON event on its stdin (the daemon's api block asks
for neighbor changes), then prints COUNT consecutive IPv4 /24s from FIRST as fast as the pipe takes
them, either one `announce route P next-hop NH` line per prefix (--mode routes) or `announce
attributes next-hop NH nlri P1 P2 ...` lines of --batch prefixes each (--mode batches).

A thread reads stdin the whole time and counts the `done` / `error` acks, so the helper never
stops reading while it writes (a daemon whose answers pile up unread would have to drop them or
block). Once every line is acked (or the daemon closed stdin, or the time is up) it writes a JSON
report to --report, then keeps reading stdin until the daemon closes it. Everything is bounded by
--max-seconds: past it the helper writes what it has and exits, even if nobody stops it.

Lines are built from precomputed text per octet and written with os.write in ~64 KB chunks, so
the helper costs well under a second of CPU per million lines and the daemon is what is measured.
"""
import argparse
import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the helpers in the repository
from helper_common import add_run_arguments, await_acks, check_run, finish, positive, start_reader, wait_for_up, write_all

CHUNK_BYTES = 64 * 1024
# Once every line is written, stop waiting for acks that have not moved for this long (a daemon may
# drop answers a helper did not read in time; rxbgp drops the oldest past its queue bound).
ACK_QUIET_SECONDS = 5.0


def prefix_texts(first, count):
    """The run as "a.b.c.0/24" strings, made from one string per octet value (no per-prefix format)."""
    octet = [str(i) for i in range(256)]
    tails = [octet[c] + '.0/24' for c in range(256)]
    base = first >> 8
    for i in range(count):
        network = base + i
        yield octet[network >> 16] + '.' + octet[(network >> 8) & 255] + '.' + tails[network & 255]


def command_lines(mode, first, count, next_hop, batch):
    """The command lines, as text, in the order they are sent."""
    prefixes = prefix_texts(first, count)
    if mode == 'routes':
        suffix = ' next-hop ' + next_hop + '\n'
        for p in prefixes:
            yield 'announce route ' + p + suffix
        return
    head = 'announce attributes next-hop ' + next_hop + ' nlri '
    left = count
    while left > 0:
        take = min(batch, left)
        yield head + ' '.join(next(prefixes) for _ in range(take)) + '\n'
        left -= take


def line_count(mode, count, batch):
    return count if mode == 'routes' else (count + batch - 1) // batch


def send(lines, fd):
    chunk = []
    size = 0
    sent = 0
    for line in lines:
        chunk.append(line)
        size += len(line)
        sent += 1
        if size >= CHUNK_BYTES:
            write_all(fd, ''.join(chunk).encode('ascii'))
            chunk = []
            size = 0
    if chunk:
        write_all(fd, ''.join(chunk).encode('ascii'))
    return sent


def arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--mode', choices=['routes', 'batches'], required=True)
    add_run_arguments(p)
    p.add_argument('--next-hop', required=True)
    p.add_argument('--batch', type=positive, default=1000, help='prefixes per announce attributes line')
    p.add_argument('--report', required=True, help='JSON file written once the lines are acked')
    p.add_argument('--max-seconds', type=positive, required=True, help='hard limit on this process life')
    a = p.parse_args(argv)
    check_run(p, a)
    return a


def main(argv):
    a = arguments(argv)
    end = time.monotonic() + a.max_seconds
    answers = start_reader(sys.stdin.buffer)
    report = {'pid': os.getpid(), 'mode': a.mode, 'count': a.count, 'lines': line_count(a.mode, a.count, a.batch), 'sent': 0}
    if wait_for_up(answers, end, report):
        report['sent'] = send(command_lines(a.mode, a.first, a.count, a.next_hop, a.batch), sys.stdout.fileno())
        await_acks(answers, report, end, ACK_QUIET_SECONDS)
    return finish(answers, report, a.report, end)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
