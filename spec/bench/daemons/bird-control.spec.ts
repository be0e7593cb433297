import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { BirdControl, BirdReplyReader, parseImportedRoutes, parseRouteCount } from '../../../bench/daemons/bird-control';

/** What BIRD 2.0.12 wrote on its control socket for a greeting and two commands (recorded here). */
const GREETING = '0001 BIRD 2.0.12 ready.\n';
const SHOW_PROTOCOLS_ALL =
  '2002-Name       Proto      Table      State  Since         Info\n' +
  '1002-recv       BGP        ---        up     09:46:04.246  Established   \n' +
  '1006-  BGP state:          Established\n' +
  '     Neighbor address: 127.0.0.101\n' +
  '   Channel ipv4\n' +
  '     Routes:         1000 imported, 0 exported, 1000 preferred\n' +
  ' \n' +
  '0000 \n';
const SHOW_ROUTE_COUNT = '1007-1000 of 1000 routes for 1000 networks in table master4\n0000 \n';
const SYNTAX_ERROR = '9001 syntax error, unexpected CF_SYM_UNDEFINED\n';

describe('BirdReplyReader', () => {
  it('returns each reply once its last line (code and a space) arrives, for the input split at every byte', () => {
    const stream = GREETING + SHOW_PROTOCOLS_ALL + SHOW_ROUTE_COUNT + SYNTAX_ERROR;
    for (let cut = 0; cut <= stream.length; cut++) {
      const reader = new BirdReplyReader();
      const replies = [...reader.push(stream.slice(0, cut)), ...reader.push(stream.slice(cut))];
      expect(replies.map((r) => r.code)).toEqual([1, 0, 0, 9001]);
      expect(replies[0]!.text).toBe('BIRD 2.0.12 ready.');
      expect(replies[1]!.text).toContain('Neighbor address: 127.0.0.101');
      expect(replies[2]!.text).toBe('1000 of 1000 routes for 1000 networks in table master4\n');
    }
  });

  it('refuses a line that is neither coded nor a continuation', () => {
    expect(() => new BirdReplyReader().push('hello\n')).toThrow(/unexpected line "hello"/);
  });
});

describe('BIRD reply parsers', () => {
  it('reads the imported counter of a channel', () => {
    const text = new BirdReplyReader().push(SHOW_PROTOCOLS_ALL)[0]!.text;
    expect(parseImportedRoutes(text)).toBe(1000);
    expect(parseImportedRoutes('BGP state: Active')).toBeUndefined();
  });

  it('reads the first number of a route count', () => {
    expect(parseRouteCount('999 of 1000 routes for 1000 networks in table master4')).toBe(999);
    expect(parseRouteCount('nothing here')).toBeUndefined();
  });
});

describe('BirdControl', () => {
  let dir: string;
  let server: net.Server;
  const received: string[] = [];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bird-control-spec-'));
    received.length = 0;
    // A stand-in for BIRD's socket: the greeting, then the recorded reply for each command, in two writes.
    server = net.createServer((socket) => {
      socket.write(GREETING);
      let partial = '';
      socket.on('data', (chunk) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          received.push(line);
          const reply = line.startsWith('show protocols') ? SHOW_PROTOCOLS_ALL : line.startsWith('show route count') ? SHOW_ROUTE_COUNT : SYNTAX_ERROR;
          socket.write(reply.slice(0, 7));
          socket.write(reply.slice(7));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'bird.ctl'), resolve));
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers queued commands in order on one connection', async () => {
    const control = await BirdControl.connect(path.join(dir, 'bird.ctl'), 2000);
    try {
      const [all, count] = await Promise.all([control.command('show protocols all bench'), control.command('show route count protocol bench')]);
      expect(parseImportedRoutes(all)).toBe(1000);
      expect(parseRouteCount(count)).toBe(1000);
      expect(received).toEqual(['show protocols all bench', 'show route count protocol bench']);
    } finally {
      control.close();
    }
  });

  it('rejects a command BIRD answers with an error code', async () => {
    const control = await BirdControl.connect(path.join(dir, 'bird.ctl'), 2000);
    try {
      await expect(control.command('nonsense')).rejects.toThrow(/birdc nonsense: 9001 syntax error/);
    } finally {
      control.close();
    }
  });

  it('fails to connect where nothing listens', async () => {
    await expect(BirdControl.connect(path.join(dir, 'missing.ctl'), 2000)).rejects.toThrow(/ENOENT/);
  });
});
