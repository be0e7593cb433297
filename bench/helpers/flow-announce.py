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
import os
import socket
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the helpers in the repository
from helper_common import await_acks, finish, positive, start_reader, wait_for_up, write_all

CHUNK_BYTES = 64 * 1024
# ExaBGP under load was seen to stop acking for over 5 s and then go on (its acks trail its UPDATEs).
ACK_QUIET_SECONDS = 30.0
# Latency mode: the first line waits this long after "up", so the session's own first messages
# (KEEPALIVE, End-of-RIB) are out of the way.
SETTLE_SECONDS = 0.5


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
    answers = start_reader(sys.stdin.buffer)
    report = {'pid': os.getpid(), 'mode': a.mode, 'lines': len(lines), 'sent': 0}
    if wait_for_up(answers, end, report):
        fd = sys.stdout.fileno()
        if a.mode == 'bulk':
            send_bulk(data, fd)
            report['sent'] = len(lines)
        else:
            time.sleep(SETTLE_SECONDS)
            written = send_one_by_one(lines, fd, signal, a.gap_ms / 1000.0, end, report)
            report['sent'] = len(written)
            report['written_ns'] = written
        await_acks(answers, report, end, ACK_QUIET_SECONDS)
    return finish(answers, report, a.report, end)


if __name__ == '__main__':
    code = main(sys.argv[1:])
    # os._exit, not sys.exit: past --max-seconds the reader thread may still be blocked reading
    # stdin, and interpreter shutdown then aborts ("could not acquire lock for <stdin>").
    os._exit(code)
