"""ExaBGP API process for the interop suite.

ExaBGP writes its JSON events and command acks ("done"/"error") to our stdin: append each line to
EVENTS_FILE. The test appends ExaBGP API commands ("announce route ...") to COMMANDS_FILE: pass each
complete line to ExaBGP on stdout. Exits when ExaBGP closes our stdin, and after MAX_LIFETIME
seconds in any case.

usage: exabgp-api-helper.py EVENTS_FILE COMMANDS_FILE
"""
import os
import sys
import threading
import time

MAX_LIFETIME = 3600
POLL_SECONDS = 0.05

events_file, commands_file = sys.argv[1], sys.argv[2]


def copy_events():
    with open(events_file, 'a', buffering=1) as out:
        for line in sys.stdin:
            out.write(line)
    os._exit(0)


# The events file appearing tells the test that ExaBGP has loaded its config and started us.
open(events_file, 'a').close()
threading.Thread(target=copy_events, daemon=True).start()

offset = 0
deadline = time.monotonic() + MAX_LIFETIME
while time.monotonic() < deadline:
    try:
        with open(commands_file, 'rb') as f:
            f.seek(offset)
            pending = f.read()
    except FileNotFoundError:
        pending = b''
    complete = pending[: pending.rfind(b'\n') + 1]
    if complete:
        sys.stdout.write(complete.decode())
        sys.stdout.flush()
        offset += len(complete)
    time.sleep(POLL_SECONDS)
os._exit(0)
