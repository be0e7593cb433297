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
import json
import os
import sys
import threading
import time

CHUNK_BYTES = 64 * 1024
# Once every line is written, stop waiting for acks that have not moved for this long (a daemon may
# drop answers a helper did not read in time; rxbgp drops the oldest past its queue bound).
ACK_QUIET_SECONDS = 5.0


class Answers:
    """What the daemon wrote on our stdin, counted by the reader thread."""

    def __init__(self):
        self.done = 0
        self.error = 0
        self.events = 0
        self.other = 0
        self.up = threading.Event()
        self.closed = threading.Event()
        self.up_at = None
        self.last_ack_at = None


def is_state_up(line):
    """ExaBGP 4.0.1 JSON: {"type": "state", "neighbor": {..., "state": "up"}}."""
    if b'"state"' not in line:
        return False
    try:
        event = json.loads(line)
    except ValueError:
        return False
    neighbor = event.get('neighbor') if isinstance(event, dict) else None
    return event.get('type') == 'state' and isinstance(neighbor, dict) and neighbor.get('state') == 'up'


def read_answers(stream, answers):
    for line in stream:
        if line == b'done\n':
            answers.done += 1
            answers.last_ack_at = time.monotonic()
        elif line == b'error\n':
            answers.error += 1
            answers.last_ack_at = time.monotonic()
        elif line.startswith(b'{'):
            answers.events += 1
            if not answers.up.is_set() and is_state_up(line):
                answers.up_at = time.monotonic()
                answers.up.set()
        else:
            answers.other += 1
    answers.closed.set()
    answers.up.set()  # wake a main thread still waiting for the session


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


def write_all(fd, data):
    """os.write may take part of a chunk (PYTHONUNBUFFERED or a full pipe): loop until it is all out."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


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


def dotted_quad(text):
    parts = text.split('.')
    if len(parts) != 4 or not all(p.isdigit() and int(p) < 256 for p in parts):
        raise argparse.ArgumentTypeError('not an IPv4 address: %s' % text)
    value = 0
    for p in parts:
        value = value * 256 + int(p)
    if value & 255:
        raise argparse.ArgumentTypeError('not a /24 network address: %s' % text)
    return value


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError('expected a positive integer, got %s' % text)
    return value


def arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--mode', choices=['routes', 'batches'], required=True)
    p.add_argument('--first', type=dotted_quad, required=True, help='first /24 network address, e.g. 10.0.0.0')
    p.add_argument('--count', type=positive, required=True)
    p.add_argument('--next-hop', required=True)
    p.add_argument('--batch', type=positive, default=1000, help='prefixes per announce attributes line')
    p.add_argument('--report', required=True, help='JSON file written once the lines are acked')
    p.add_argument('--max-seconds', type=positive, required=True, help='hard limit on this process life')
    a = p.parse_args(argv)
    if (a.first >> 8) + a.count > 1 << 24:
        p.error('the run leaves the IPv4 space')
    return a


def write_report(path, report):
    partial = path + '.partial'
    with open(partial, 'w') as f:
        json.dump(report, f)
    os.replace(partial, path)  # the bench never reads a half-written report


def main(argv):
    a = arguments(argv)
    started = time.monotonic()
    end = started + a.max_seconds
    answers = Answers()
    reader = threading.Thread(target=read_answers, args=(sys.stdin.buffer, answers), daemon=True)
    reader.start()

    expected = line_count(a.mode, a.count, a.batch)
    report = {'pid': os.getpid(), 'mode': a.mode, 'count': a.count, 'lines': expected, 'sent': 0}
    if not answers.up.wait(max(0.0, end - time.monotonic())) or answers.up_at is None:
        report['problem'] = 'stdin closed before the session came up' if answers.closed.is_set() else 'the session never came up'
    else:
        report['sent'] = send(command_lines(a.mode, a.first, a.count, a.next_hop, a.batch), sys.stdout.fileno())
        report['written_seconds'] = time.monotonic() - answers.up_at
        written_at = time.monotonic()
        while answers.done + answers.error < report['sent'] and not answers.closed.is_set() and time.monotonic() < end:
            if time.monotonic() - max(written_at, answers.last_ack_at or written_at) > ACK_QUIET_SECONDS:
                report['problem'] = 'acks stopped arriving %.0f s before all lines were answered' % ACK_QUIET_SECONDS
                break
            time.sleep(0.01)
        if answers.last_ack_at is not None:
            report['acked_seconds'] = answers.last_ack_at - answers.up_at
    report.update(done=answers.done, error=answers.error, events=answers.events, other=answers.other)
    report['cpu_seconds'] = time.process_time()
    write_report(a.report, report)

    # Stay until the daemon closes stdin: ExaBGP and rxbgp both treat a helper's exit as an event.
    answers.closed.wait(max(0.0, end - time.monotonic()))
    return 0 if report.get('problem') is None else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
