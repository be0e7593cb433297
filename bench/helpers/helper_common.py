"""What the bench's process-API helpers share (api-announce.py, flow-announce.py, exabgp-count.py).

Imported by name: Python puts a script's own folder first on sys.path, so the helpers find it
wherever the bench or ExaBGP starts them from.

- Answers / read_answers: a reader thread counting what the daemon writes on the helper's stdin
  (`done` / `error` acks, JSON events) and noting the neighbor's `"state": "up"`;
- write_all: os.write until a chunk is all out;
- await_acks_and_report: the common end of a sending helper (wait for the acks, write the JSON
  report, stay until the daemon closes stdin);
- the argparse types (positive, dotted_quad) and write_report (renamed into place).
"""
import argparse
import json
import os
import threading
import time


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


def start_reader(stream):
    """Answers, counted by a daemon thread reading `stream` for the helper's whole life."""
    answers = Answers()
    threading.Thread(target=read_answers, args=(stream, answers), daemon=True).start()
    return answers


def wait_for_up(answers, end, report):
    """True once the session is up; else notes the problem in `report` and returns False."""
    if answers.up.wait(max(0.0, end - time.monotonic())) and answers.up_at is not None:
        return True
    report['problem'] = 'stdin closed before the session came up' if answers.closed.is_set() else 'the session never came up'
    return False


def write_all(fd, data):
    """os.write may take part of a chunk (PYTHONUNBUFFERED or a full pipe): loop until it is all out."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def await_acks(answers, report, end, quiet_seconds):
    """After the lines are written: wait until each is acked, the daemon closes stdin, time is up,
    or acks stop for `quiet_seconds`; note the write and ack times from "up" in `report`."""
    report['written_seconds'] = time.monotonic() - answers.up_at
    written_at = time.monotonic()
    while answers.done + answers.error < report['sent'] and not answers.closed.is_set() and time.monotonic() < end:
        if time.monotonic() - max(written_at, answers.last_ack_at or written_at) > quiet_seconds:
            report.setdefault('problem', 'acks stopped arriving %.0f s before all lines were answered' % quiet_seconds)
            break
        time.sleep(0.01)
    if answers.last_ack_at is not None:
        report['acked_seconds'] = answers.last_ack_at - answers.up_at


def finish(answers, report, path, end):
    """Writes the report with the answer counts and CPU time, then stays until the daemon closes
    stdin (ExaBGP and rxbgp both treat a helper's exit as an event). Returns the exit status."""
    report.update(done=answers.done, error=answers.error, events=answers.events, other=answers.other)
    report['cpu_seconds'] = time.process_time()
    write_report(path, report)
    answers.closed.wait(max(0.0, end - time.monotonic()))
    return 0 if report.get('problem') is None else 1


def write_report(path, report):
    partial = path + '.partial'
    with open(partial, 'w') as f:
        json.dump(report, f)
    os.replace(partial, path)  # the bench never reads a half-written report


def dotted_quad(text):
    """argparse type: a /24 network address as a number."""
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


def add_run_arguments(p):
    """--first and --count: the run of consecutive IPv4 /24s a helper sends or counts."""
    p.add_argument('--first', type=dotted_quad, required=True, help='first /24 network address, e.g. 10.0.0.0')
    p.add_argument('--count', type=positive, required=True)


def check_run(p, a):
    """Refuses a run that leaves the IPv4 space (argparse error, exit 2)."""
    if (a.first >> 8) + a.count > 1 << 24:
        p.error('the run leaves the IPv4 space')
