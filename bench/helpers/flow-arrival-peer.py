#!/usr/bin/env python3
"""The flow-latency cases' BGP peer socket, in its own small process (bench/micro/flow-arrival-peer.ts runs it).

It listens on --address/--port, takes one connection from --peer, sends --open (the OPEN the bench
built, hex) and answers the sender's OPEN with a KEEPALIVE (RFC 4271 section 8), then KEEPALIVEs
every --keepalive seconds. Every message it frames is printed on stdout, one line each, for the
bench to decode:

  L                          listening
  O <hex>                    the sender's OPEN
  E                          the sender's KEEPALIVE in OpenConfirm: Established
  U <kernel> <read> <hex>    an UPDATE; <kernel>: CLOCK_MONOTONIC ns at which the kernel queued
                             the segment that completed it on our socket (SO_TIMESTAMPNS, taken as
                             the sender's write hands it to loopback, so before our wake-up);
                             <read>: CLOCK_MONOTONIC ns when recvmsg returned it to us
  N <hex>                    a NOTIFICATION
  W <reason>                 a connection ended before Established: the next one is taken
  X <reason>                 the Established session ended (then it exits)

SO_TIMESTAMPNS stamps with CLOCK_REALTIME: each stamp is moved to CLOCK_MONOTONIC (the helper's
time.monotonic_ns) by the two clocks' offset read right after recvmsg returns (both reads are
~100 ns apart, and the offset does not move within a run beyond NTP's slew of microseconds).
Nothing else is done per message: the decoding, the checks and the signal to the helper happen in
the bench, after both times are taken.
"""
import argparse
import socket
import struct
import sys
import threading
import time

# Linux: SO_TIMESTAMPNS (SO_TIMESTAMPNS_OLD, a 64-bit timespec on 64-bit hosts); SCM_TIMESTAMPNS has the same value.
SO_TIMESTAMPNS = getattr(socket, 'SO_TIMESTAMPNS', 35)
KEEPALIVE = b'\xff' * 16 + struct.pack('!HB', 19, 4)
HEADER = 19


def out(line):
    sys.stdout.write(line + '\n')
    sys.stdout.flush()


def kernel_stamp(ancillary, offset):
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(data) >= 16:
            sec, nsec = struct.unpack('qq', data[:16])
            return sec * 1_000_000_000 + nsec - offset
    return -1


class Session:
    def __init__(self):
        self.state = 'open-sent'


def run_session(conn, open_bytes, keepalive_seconds, s):
    """Returns why the connection ended; s.state says how far it got."""
    lock = threading.Lock()

    def send(data):
        with lock:
            conn.sendall(data)

    def keepalives():
        while True:
            time.sleep(keepalive_seconds)
            try:
                send(KEEPALIVE)
            except OSError:
                return

    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    send(open_bytes)
    buf = b''
    while True:
        data, ancillary, _flags, _addr = conn.recvmsg(1 << 16, 256)
        read = time.monotonic_ns()
        offset = time.time_ns() - read
        if not data:
            return 'the sender closed the connection'
        kernel = kernel_stamp(ancillary, offset)
        buf += data
        while len(buf) >= HEADER:
            if buf[:16] != b'\xff' * 16:
                return 'bad marker'
            length = struct.unpack('!H', buf[16:18])[0]
            if length < HEADER:
                return 'bad length %d' % length
            if len(buf) < length:
                break
            message, buf = buf[:length], buf[length:]
            kind = message[18]
            if kind == 3:
                out('N ' + message.hex())
            elif s.state == 'open-sent':
                if kind != 1:
                    return 'expected OPEN, got message type %d' % kind
                out('O ' + message.hex())
                send(KEEPALIVE)
                s.state = 'open-confirm'
                threading.Thread(target=keepalives, daemon=True).start()
            elif s.state == 'open-confirm':
                if kind != 4:
                    return 'expected KEEPALIVE in OpenConfirm, got message type %d' % kind
                s.state = 'established'
                out('E')
            elif kind == 2:
                out('U %d %d %s' % (kernel, read, message.hex()))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--address', required=True)
    p.add_argument('--port', type=int, required=True)
    p.add_argument('--peer', required=True, help='the only address a connection is taken from')
    p.add_argument('--open', required=True, help='our OPEN message, hex')
    p.add_argument('--keepalive', type=float, default=30.0)
    a = p.parse_args(argv)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((a.address, a.port))
    server.listen(4)
    out('L')
    while True:
        conn, (address, _port) = server.accept()
        if address != a.peer:
            conn.close()
            continue
        s = Session()
        try:
            reason = run_session(conn, bytes.fromhex(a.open), a.keepalive, s)
        except OSError as e:
            reason = str(e)
        conn.close()
        if s.state != 'established':
            out('W ' + reason)
            continue
        out('X ' + reason)
        return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
