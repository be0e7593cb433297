/**
 * The process API keys: top-level "processes" and "control", and each neighbor's "api"
 * (ExaBGP's process { } and api { } blocks as JSON), valid and invalid.
 */
import { isLeft } from 'fp-ts/Either';
import { decodeConfig, defaultControlSocketPath, formatErrors, summarizeConfig, type Config } from '../../lib/config';

type Json = any;

function errorLines(json: unknown, baseDir?: string): string[] {
  const r = decodeConfig(json, baseDir);
  return isLeft(r) ? formatErrors(r.left, 'c.json').split('\n') : [];
}

function decoded(json: unknown, baseDir?: string): Config {
  const r = decodeConfig(json, baseDir);
  if (isLeft(r)) throw new Error(formatErrors(r.left));
  return r.right;
}

/** Two helpers and one neighbor that uses one of them. */
function base(): Json {
  return {
    localAs: 65001,
    routerId: '192.0.2.1',
    processes: {
      announce: { run: ['./helpers/announce.py'] },
      watch: { run: ['python3', '-u', 'watch.py'], encoder: 'text', respawn: false },
    },
    neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, api: { processes: ['announce'] } }],
  };
}

function edited(change: (c: Json) => void): Json {
  const c = base();
  change(c);
  return c;
}

describe('processes', () => {
  it('applies ExaBGP defaults (json encoder, respawn) and keeps the order of the keys', () => {
    expect(decoded(base()).processes).toEqual([
      { name: 'announce', run: ['./helpers/announce.py'], encoder: 'json', respawn: true },
      { name: 'watch', run: ['python3', '-u', 'watch.py'], encoder: 'text', respawn: false },
    ]);
  });

  it('defaults to no processes', () => {
    expect(decoded({ neighbors: [] }).processes).toEqual([]);
  });

  it('accepts names of letters, digits, "_", "." and "-"', () => {
    const c = decoded({ neighbors: [], processes: { 'a-b_c.9': { run: ['x'] } } });
    expect(c.processes.map((p) => p.name)).toEqual(['a-b_c.9']);
  });

  it('keeps relative paths as written when there is no config file to resolve them against', () => {
    const c = decoded(edited((c) => (c.processes.announce.cwd = 'work')));
    expect(c.processes[0]).toMatchObject({ run: ['./helpers/announce.py'], cwd: 'work' });
  });

  it('resolves a relative program with a "/" and cwd against baseDir, and leaves PATH lookups and absolute paths alone', () => {
    // Without its own cwd a helper runs in baseDir, the config file's directory.
    const c = decoded(
      {
        neighbors: [],
        processes: {
          local: { run: ['./helpers/announce.py', './not-a-program-path'], cwd: 'work' },
          nested: { run: ['bin/helper'] },
          path: { run: ['python3', 'helper.py'] },
          absolute: { run: ['/usr/bin/env', 'python3'], cwd: '/srv' },
        },
      },
      '/etc/rxbgp',
    );
    expect(c.processes.map((p) => [p.run, p.cwd])).toEqual([
      [['/etc/rxbgp/helpers/announce.py', './not-a-program-path'], '/etc/rxbgp/work'],
      [['/etc/rxbgp/bin/helper'], '/etc/rxbgp'],
      [['python3', 'helper.py'], '/etc/rxbgp'],
      [['/usr/bin/env', 'python3'], '/srv'],
    ]);
  });

  it('is mentioned by summarizeConfig', () => {
    expect(summarizeConfig(decoded(base()))).toBe('1 neighbor, 0 listeners, 0 routes, 2 processes (announce watch), families ipv4 unicast');
    const one = decoded({ neighbors: [], processes: { announce: { run: ['x'] } } });
    expect(summarizeConfig(one)).toBe('0 neighbors, 0 listeners, 0 routes, 1 process (announce)');
  });
});

describe('api', () => {
  it('keeps every setting given', () => {
    const c = decoded(
      edited((c) => {
        c.neighbors[0].api = {
          processes: ['watch', 'announce'],
          neighborChanges: true,
          receive: ['update', 'open', 'notification', 'keepalive', 'refresh', 'operational', 'state', 'fsm', 'negotiated', 'signal'],
          send: ['update', 'open', 'notification', 'keepalive', 'refresh', 'operational'],
          packets: true,
          parsed: false,
          consolidate: true,
        };
      }),
    );
    expect(c.neighbors[0].api).toEqual({
      processes: ['watch', 'announce'],
      neighborChanges: true,
      receive: ['update', 'open', 'notification', 'keepalive', 'refresh', 'operational', 'state', 'fsm', 'negotiated', 'signal'],
      send: ['update', 'open', 'notification', 'keepalive', 'refresh', 'operational'],
      packets: true,
      parsed: false,
      consolidate: true,
    });
  });

  it('applies defaults to an api with only processes, and to a neighbor without api', () => {
    const c = decoded(edited((c) => c.neighbors.push({ peerAddress: '127.0.0.3', peerAs: 65003 })));
    const defaults = { neighborChanges: false, receive: [], send: [], packets: false, parsed: true, consolidate: false };
    expect(c.neighbors.map((n) => n.api)).toEqual([
      { processes: ['announce'], ...defaults },
      { processes: [], ...defaults },
    ]);
  });

  it('treats neighborChanges and receive "state" as one switch, as ExaBGP\'s neighbor-changes', () => {
    const api = (a: Json) => decoded(edited((c) => (c.neighbors[0].api = { processes: ['announce'], ...a }))).neighbors[0].api;
    expect(api({ neighborChanges: true, receive: ['update'] })).toMatchObject({ neighborChanges: true, receive: ['update', 'state'] });
    expect(api({ receive: ['state'] })).toMatchObject({ neighborChanges: true, receive: ['state'] });
    expect(api({ neighborChanges: false, receive: ['state', 'fsm'] })).toMatchObject({ neighborChanges: true, receive: ['state', 'fsm'] });
  });
});

describe('control', () => {
  const ENV = process.env.XDG_RUNTIME_DIR;
  afterEach(() => {
    if (ENV === undefined) delete process.env.XDG_RUNTIME_DIR;
    else process.env.XDG_RUNTIME_DIR = ENV;
  });

  it('defaults to a socket of its own per config file, in the directory rxbgp cli looks in, enabled', () => {
    process.env.XDG_RUNTIME_DIR = '/run/user/1000';
    const withFile = (file: string) => {
      const r = decodeConfig({ neighbors: [] }, '/etc/rxbgp', file);
      if (isLeft(r)) throw new Error(formatErrors(r.left));
      return r.right.control;
    };
    expect(withFile('/etc/rxbgp/edge.json')).toEqual({ socket: defaultControlSocketPath('/etc/rxbgp/edge.json'), enabled: true });
    expect(withFile('/etc/rxbgp/edge.json').socket).toMatch(/^\/run\/user\/1000\/rxbgp\/edge-[0-9a-f]{8}\.sock$/);
    expect(withFile('/etc/rxbgp/core.json').socket).not.toBe(withFile('/etc/rxbgp/edge.json').socket);
    // A config given as an object (the library) has no file to name it after.
    expect(decoded({ neighbors: [] }).control).toEqual({ socket: '/run/user/1000/rxbgp/rxbgp.sock', enabled: true });
    delete process.env.XDG_RUNTIME_DIR;
    expect(decoded({ neighbors: [] }).control).toEqual({ socket: defaultControlSocketPath(), enabled: true });
    expect(decoded({ neighbors: [] }).control.socket).toMatch(/^\/tmp\/rxbgp-\d+\/rxbgp\.sock$/);
  });

  it('keeps a configured socket, resolving a relative one against baseDir', () => {
    const json = { neighbors: [], control: { socket: 'run/rxbgp.sock', enabled: false } };
    expect(decoded(json).control).toEqual({ socket: 'run/rxbgp.sock', enabled: false });
    expect(decoded(json, '/etc/rxbgp').control).toEqual({ socket: '/etc/rxbgp/run/rxbgp.sock', enabled: false });
    expect(decoded({ neighbors: [], control: { socket: '/srv/x.sock' } }, '/etc/rxbgp').control.socket).toBe('/srv/x.sock');
  });

  it('refuses a socket path longer than a Unix socket address holds, unless the socket is disabled', () => {
    const long = '/tmp/' + 'd'.repeat(98) + '.sock'; // 108 bytes
    expect(errorLines({ neighbors: [], control: { socket: long } })).toEqual([
      'c.json: control.socket: this path is 108 bytes long, and a Unix socket path holds at most 107: choose a shorter one',
    ]);
    expect(errorLines({ neighbors: [], control: { socket: long.slice(1) } })).toEqual([]);
    expect(errorLines({ neighbors: [], control: { socket: long, enabled: false } })).toEqual([]);
  });

  it('says when the default path is too long, so the user knows to set one', () => {
    process.env.XDG_RUNTIME_DIR = '/run/' + 'u'.repeat(100);
    expect(errorLines({ neighbors: [] })).toEqual([
      `c.json: control.socket: the default path /run/${'u'.repeat(100)}/rxbgp/rxbgp.sock is 122 bytes long, and a Unix socket path holds at most 107: choose a shorter one`,
    ]);
  });
});

describe('errors name the path and say what was expected and found', () => {
  const RECEIVE =
    'one of "update", "open", "notification", "keepalive", "refresh", "operational", "state", "fsm", "negotiated", "signal"';
  const SEND = 'one of "update", "open", "notification", "keepalive", "refresh", "operational"';
  const cases: Array<[string, Json, string[]]> = [
    [
      'processes as an array',
      edited((c) => (c.processes = [{ run: ['x'] }])),
      [
        'c.json: processes: expected processes by name like { "announce": { "run": ["./helpers/announce.py"] } } (a JSON object), got an array',
      ],
    ],
    [
      'a process name with a space',
      edited((c) => (c.processes['my helper'] = { run: ['x'] })),
      ['c.json: processes["my helper"]: expected a process name of letters, digits, "_", "." and "-", got the name "my helper"'],
    ],
    [
      'a process without run',
      edited((c) => (c.processes.announce = { encoder: 'json' })),
      ['c.json: processes.announce.run: missing required key, expected a command line: the program, then its arguments'],
    ],
    [
      'run as one string, as ExaBGP writes it',
      edited((c) => (c.processes.announce.run = './helpers/announce.py --fast')),
      [
        'c.json: processes.announce.run: expected a command line: the program, then its arguments (a JSON array), got "./helpers/announce.py --fast"',
      ],
    ],
    [
      'an empty run',
      edited((c) => (c.processes.announce.run = [])),
      ['c.json: processes.announce.run: expected a command line: the program, then its arguments with at least 1, got an empty array'],
    ],
    [
      'an empty argument and a NUL in another',
      edited((c) => (c.processes.watch.run = ['python3', '', 'a\0b'])),
      [
        'c.json: processes.watch.run[1]: expected a non-empty string without NUL characters, got ""',
        'c.json: processes.watch.run[2]: expected a non-empty string without NUL characters, got "a\\u0000b"',
      ],
    ],
    [
      'an unknown encoder',
      edited((c) => (c.processes.announce.encoder = 'yaml')),
      ['c.json: processes.announce.encoder: expected one of "json", "text", got "yaml"'],
    ],
    [
      'respawn as text',
      edited((c) => (c.processes.announce.respawn = 'yes')),
      ['c.json: processes.announce.respawn: expected true or false, got "yes"'],
    ],
    [
      'a process key typo',
      edited((c) => (c.processes.announce.respwan = false)),
      ['c.json: processes.announce.respwan: unknown key "respwan" (did you mean "respawn"?); allowed keys here: run, encoder, respawn, cwd'],
    ],
    [
      'a misspelt process in api',
      edited((c) => (c.neighbors[0].api.processes = ['announce', 'wacth'])),
      ['c.json: neighbors[0].api.processes[1]: unknown process "wacth" (did you mean "watch"?); known processes: announce, watch'],
    ],
    [
      'an api process when none are defined',
      edited((c) => delete c.processes),
      ['c.json: neighbors[0].api.processes[0]: unknown process "announce"; no processes are defined: add it to the top-level "processes"'],
    ],
    [
      'a process listed twice',
      edited((c) => (c.neighbors[0].api.processes = ['announce', 'watch', 'announce'])),
      ['c.json: neighbors[0].api.processes[2]: duplicate process "announce" (also at [0])'],
    ],
    [
      'an api without processes',
      edited((c) => (c.neighbors[0].api = { receive: ['update'] })),
      ['c.json: neighbors[0].api.processes: missing required key, expected a list of process names'],
    ],
    [
      'an api key spelt as in ExaBGP',
      edited((c) => (c.neighbors[0].api['neighbor-changes'] = true)),
      [
        'c.json: neighbors[0].api["neighbor-changes"]: unknown key "neighbor-changes" (did you mean "neighborChanges"?); ' +
          'allowed keys here: processes, neighborChanges, receive, send, packets, parsed, consolidate',
      ],
    ],
    [
      'a misspelt receive kind',
      edited((c) => (c.neighbors[0].api.receive = ['updates'])),
      [`c.json: neighbors[0].api.receive[0]: expected ${RECEIVE}, got "updates" (did you mean "update"?)`],
    ],
    [
      'an ExaBGP flag written in the receive list',
      edited((c) => (c.neighbors[0].api.receive = ['update', 'parsed'])),
      [`c.json: neighbors[0].api.receive[1]: expected ${RECEIVE}, got "parsed": "parsed" is not a message kind; set "parsed": true on the api object`],
    ],
    [
      'a session event in the send list',
      edited((c) => (c.neighbors[0].api.send = ['update', 'state'])),
      [
        `c.json: neighbors[0].api.send[1]: expected ${SEND}, got "state": "state" events are about the session, not messages rxbgp sends; list it under "receive"`,
      ],
    ],
    [
      'a receive kind listed twice',
      edited((c) => (c.neighbors[0].api.receive = ['update', 'open', 'update'])),
      ['c.json: neighbors[0].api.receive[2]: duplicate kind "update" (also at [0])'],
    ],
    ['packets as a number', edited((c) => (c.neighbors[0].api.packets = 1)), ['c.json: neighbors[0].api.packets: expected true or false, got 1']],
    [
      'a control key typo',
      edited((c) => (c.control = { sockett: '/tmp/x.sock' })),
      ['c.json: control.sockett: unknown key "sockett" (did you mean "socket"?); allowed keys here: socket, enabled'],
    ],
    ['an empty control socket', edited((c) => (c.control = { socket: '' })), ['c.json: control.socket: expected a non-empty string without NUL characters, got ""']],
  ];

  it.each(cases)('%s', (_name, json, lines) => {
    expect(errorLines(json)).toEqual(lines);
  });

  it('the valid base config really is valid', () => {
    expect(errorLines(base())).toEqual([]);
  });
});
