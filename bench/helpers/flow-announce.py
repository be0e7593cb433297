#!/usr/bin/env python3
"""The FlowSpec benchmark's process-API helper: the same program runs under rxbgp and under ExaBGP 4.2.

It waits for the neighbor's `"state": "up"` JSON event on its stdin, then sends the `announce flow
route ...` lines of --lines (a file the bench wrote, one rule per line) to its stdout:

--mode bulk     the whole file as fast as the pipe takes it (64 KB writes), counting the
                `done` / `error` acks in a reader thread (flow-api);
--mode latency  one line at a time, after --gap-ms of quiet: it notes CLOCK_MONOTONIC in ns,
                writes the line, and waits until the bench's BGP peer says (one octet on the
                Unix socket --signal) that the rule's UPDATE arrived (flow-latency).

Then it writes a JSON report to --report (renamed into place, so the bench never reads half of
it) and stays until the daemon closes its stdin. Everything is bounded by --max-seconds.
"""
import argparse
import json
import os
import socket
import sys
import threading
import time

CHUNK_BYTES = 64 * 1024
# ExaBGP under load was seen to stop acking for over 5 s and then go on (its acks trail its UPDATEs).
ACK_QUIET_SECONDS = 30.0
# Latency mode: the first line waits this long after "up", so the session's own first messages
# (KEEPALIVE, End-of-RIB) are out of the way.
SETTLE_SECONDS = 0.5


class Answers:
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
    answers.up.set()


def write_all(fd, data):
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def send_bulk(data, fd):
    for start in range(0, len(data), CHUNK_BYTES):
        write_all(fd, data[start:start + CHUNK_BYTES])


def send_one_by_one(lines, fd, signal, gap, end, report):
    """Per line: quiet gap, timestamp, write, wait for the bench's octet. Returns the write times (ns)."""
    written_ns = []
    signal.settimeout(1.0)
    for line in lines:
        if time.monotonic() + gap > end:
            report['problem'] = 'out of time after %d lines' % len(written_ns)
            break
        time.sleep(gap)
        t = time.monotonic_ns()
        write_all(fd, line)
        written_ns.append(t)
        got = b''
        while not got:
            if time.monotonic() > end:
                report['problem'] = 'out of time waiting for the UPDATE of line %d' % len(written_ns)
                return written_ns
            try:
                got = signal.recv(1)
            except socket.timeout:
                continue
            if got == b'':
                report['problem'] = 'the bench closed the signal socket after %d lines' % len(written_ns)
                return written_ns
    return written_ns


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError('expected a positive integer, got %s' % text)
    return value


def arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--mode', choices=['bulk', 'latency'], required=True)
    p.add_argument('--lines', required=True, help='file of announce flow route lines')
    p.add_argument('--report', required=True)
    p.add_argument('--max-seconds', type=positive, required=True)
    p.add_argument('--signal', help='latency: Unix socket the bench signals each UPDATE on')
    p.add_argument('--gap-ms', type=float, default=5.0, help='latency: quiet time before each line')
    a = p.parse_args(argv)
    if a.mode == 'latency' and not a.signal:
        p.error('--mode latency needs --signal')
    return a


def write_report(path, report):
    partial = path + '.partial'
    with open(partial, 'w') as f:
        json.dump(report, f)
    os.replace(partial, path)


def main(argv):
    a = arguments(argv)
    end = time.monotonic() + a.max_seconds
    with open(a.lines, 'rb') as f:
        data = f.read()
    lines = data.splitlines(keepends=True)
    signal = None
    if a.mode == 'latency':
        signal = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        signal.connect(a.signal)
    answers = Answers()
    threading.Thread(target=read_answers, args=(sys.stdin.buffer, answers), daemon=True).start()

    report = {'pid': os.getpid(), 'mode': a.mode, 'lines': len(lines), 'sent': 0}
    if not answers.up.wait(max(0.0, end - time.monotonic())) or answers.up_at is None:
        report['problem'] = 'stdin closed before the session came up' if answers.closed.is_set() else 'the session never came up'
    else:
        fd = sys.stdout.fileno()
        if a.mode == 'bulk':
            send_bulk(data, fd)
            report['sent'] = len(lines)
        else:
            time.sleep(SETTLE_SECONDS)
            written = send_one_by_one(lines, fd, signal, a.gap_ms / 1000.0, end, report)
            report['sent'] = len(written)
            report['written_ns'] = written
        report['written_seconds'] = time.monotonic() - answers.up_at
        written_at = time.monotonic()
        while answers.done + answers.error < report['sent'] and not answers.closed.is_set() and time.monotonic() < end:
            if time.monotonic() - max(written_at, answers.last_ack_at or written_at) > ACK_QUIET_SECONDS:
                report.setdefault('problem', 'acks stopped arriving %.0f s before all lines were answered' % ACK_QUIET_SECONDS)
                break
            time.sleep(0.01)
        if answers.last_ack_at is not None:
            report['acked_seconds'] = answers.last_ack_at - answers.up_at
    report.update(done=answers.done, error=answers.error, events=answers.events, other=answers.other)
    report['cpu_seconds'] = time.process_time()
    write_report(a.report, report)
    answers.closed.wait(max(0.0, end - time.monotonic()))
    return 0 if report.get('problem') is None else 1


if __name__ == '__main__':
    code = main(sys.argv[1:])
    # os._exit, not sys.exit: past --max-seconds the reader thread may still be blocked reading
    # stdin, and interpreter shutdown then aborts ("could not acquire lock for <stdin>").
    os._exit(code)
