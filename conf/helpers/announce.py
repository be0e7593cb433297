#!/usr/bin/env python3
"""An ExaBGP-style helper for conf/api-helper.json.

It prints a few commands on stdout, which rxbgp (like ExaBGP) reads line by line and applies
to the neighbors whose "api.processes" name this helper, then reads its stdin until rxbgp
closes it: the answers ("done" / "error") and the JSON events the neighbor's "api" asks for.
A helper must keep reading its stdin; it exits when stdin ends, i.e. when rxbgp stops.
"""
import sys

COMMANDS = [
    'announce route 10.30.0.0/24 next-hop self community [65003:1]',
    'announce route 10.30.1.0/24 next-hop self as-path [65003 64512] med 10',
    'announce attributes next-hop self community [65003:2] nlri 10.31.0.0/24 10.31.1.0/24 10.31.2.0/24',
    'announce route 2001:db8:30::/48 next-hop 2001:db8::3',
]

for command in COMMANDS:
    sys.stdout.write(command + '\n')
    # A pipe is block-buffered: without a flush rxbgp would not see the command until exit.
    sys.stdout.flush()

for line in sys.stdin:
    # Answers and events arrive here; a real helper would act on them (json.loads for events).
    pass
