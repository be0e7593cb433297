/**
 * The control socket server and client over real Unix sockets in a temporary directory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { ControlServer } from '../../../lib/api/control/control-server';
import { ControlSocketError, sendCommand } from '../../../lib/api/control/send-command';
import { MAX_LINE_BYTES } from '../../../lib/api/control/protocol';
import { FakeExecutor } from './fake-executor';

const silent = { error() {}, warn() {}, info() {}, debug() {} };

let dir: string;
const started: ControlServer[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-ctl-'));
});

afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startServer(socketPath = path.join(dir, 'rxbgp.sock'), executor = new FakeExecutor()) {
  const server = new ControlServer(socketPath, executor, silent);
  await server.start();
  started.push(server);
  return { server, executor, socketPath };
}

/** Writes raw bytes on a fresh connection and collects everything until the server closes. */
function rawExchange(socketPath: string, send: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
    socket.on('connect', () => send(socket));
  });
}

/** Leaves a socket file nobody listens on, the way a killed daemon does. */
function staleSocket(socketPath: string): void {
  const script = `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`;
  spawnSync(process.execPath, ['-e', script], { timeout: 10000 });
  expect(fs.lstatSync(socketPath).isSocket()).toBe(true);
}

describe('ControlServer with sendCommand', () => {
  it('answers multi-line output with done, failures with error', async () => {
    const { socketPath, executor } = await startServer();
    expect(await sendCommand(socketPath, 'lines 3')).toEqual({ ok: true, lines: [0, 1, 2].map((i) => `line ${i} ${'x'.repeat(80)}`) });
    expect(await sendCommand(socketPath, 'echo')).toEqual({ ok: true, lines: [''] });
    expect(await sendCommand(socketPath, 'fail')).toEqual({ ok: false, lines: ['no such neighbor'] });
    expect(executor.calls.map((c) => c.line)).toEqual(['lines 3', 'echo', 'fail']);
    expect(executor.calls[0].source).toMatch(/^control#\d+$/);
  });

  it('turns an executor that throws into error and keeps serving', async () => {
    const { socketPath } = await startServer();
    const answer = await sendCommand(socketPath, 'throw');
    expect(answer.ok).toBe(false);
    expect(answer.lines.join('\n')).toContain('executor exploded');
    expect(await sendCommand(socketPath, 'version')).toEqual({ ok: true, lines: ['rxbgp 0.1.0'] });
  });

  it('serves concurrent clients, a slow command not holding up the others', async () => {
    const { socketPath, executor } = await startServer();
    const slow = sendCommand(socketPath, 'hold');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => sendCommand(socketPath, `echo client ${i}`)));
    expect(answers.map((a) => a.lines[0])).toEqual(Array.from({ length: 20 }, (_, i) => `client ${i}`));
    expect(executor.holding).toBe(1);
    executor.release();
    expect(await slow).toEqual({ ok: true, lines: ['released'] });
    expect(new Set(executor.calls.map((c) => c.source)).size).toBe(21);
  });

  it('answers several commands on one connection in order, ignores blank lines, ends after a half-close', async () => {
    const { socketPath } = await startServer();
    const text = await rawExchange(socketPath, (s) => s.end('echo a\n\n  \necho b\r\nfail\nlines 1\n'));
    expect(text).toBe(`a\ndone\nb\ndone\nno such neighbor\nerror\nline 0 ${'x'.repeat(80)}\ndone\n`);
  });

  it('creates the socket 0600 in a parent directory it creates 0700', async () => {
    const socketPath = path.join(dir, 'run', 'sub', 'rxbgp.sock');
    await startServer(socketPath);
    expect(fs.statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(socketPath)).mode & 0o777).toBe(0o700);
    expect((await sendCommand(socketPath, 'version')).ok).toBe(true);
  });

  it('removes its socket file on stop; the client then reports ENOENT', async () => {
    const { server, socketPath } = await startServer();
    await server.stop();
    expect(fs.existsSync(socketPath)).toBe(false);
    await expect(sendCommand(socketPath, 'version')).rejects.toMatchObject({ name: 'ControlSocketError', code: 'ENOENT', path: socketPath });
  });

  it('replaces a stale socket file left by a dead daemon', async () => {
    const socketPath = path.join(dir, 'rxbgp.sock');
    staleSocket(socketPath);
    await expect(sendCommand(socketPath, 'version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await startServer(socketPath);
    expect(await sendCommand(socketPath, 'version')).toEqual({ ok: true, lines: ['rxbgp 0.1.0'] });
  });

  it('refuses to start where another daemon answers, leaving that one working', async () => {
    const { socketPath } = await startServer();
    const second = new ControlServer(socketPath, new FakeExecutor(), silent);
    await expect(second.start()).rejects.toThrow(/another daemon is already answering/);
    expect(fs.existsSync(socketPath)).toBe(true);
    expect(await sendCommand(socketPath, 'version')).toEqual({ ok: true, lines: ['rxbgp 0.1.0'] });
  });

  it('refuses a path that is an ordinary file and leaves the file alone', async () => {
    const file = path.join(dir, 'not-a-socket');
    fs.writeFileSync(file, 'keep me');
    await expect(new ControlServer(file, new FakeExecutor(), silent).start()).rejects.toThrow(/not a socket/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('closes a client whose line exceeds 1 MB with an error, after answering what came before', async () => {
    const { socketPath, executor } = await startServer();
    const text = await rawExchange(socketPath, (s) => s.write('echo first\n' + 'x'.repeat(MAX_LINE_BYTES + 1)));
    expect(text).toBe(`first\ndone\nline longer than ${MAX_LINE_BYTES} bytes\nerror\n`);
    expect(executor.calls.map((c) => c.line)).toEqual(['echo first']);
    expect(await sendCommand(socketPath, 'version')).toEqual({ ok: true, lines: ['rxbgp 0.1.0'] });
  });

  it('survives a client that disconnects in the middle of a large answer', async () => {
    const { socketPath } = await startServer();
    await new Promise<void>((resolve) => {
      const socket = net.connect(socketPath, () => socket.write('lines 200000\n'));
      socket.once('data', () => {
        socket.destroy();
        resolve();
      });
    });
    const answer = await sendCommand(socketPath, 'lines 50000');
    expect(answer.ok).toBe(true);
    expect(answer.lines).toHaveLength(50000);
  });
});

describe('sendCommand failures', () => {
  it('times out on a listener that never answers, and reports a connection closed mid-answer', async () => {
    // Reads (so it sees the client leave) but never answers.
    const mute = net.createServer((s) => s.resume());
    const mutePath = path.join(dir, 'mute.sock');
    await new Promise<void>((resolve) => mute.listen(mutePath, resolve));
    const rude = net.createServer((s) => s.resume().end('partial line\n'));
    const rudePath = path.join(dir, 'rude.sock');
    await new Promise<void>((resolve) => rude.listen(rudePath, resolve));
    try {
      await expect(sendCommand(mutePath, 'version', 100)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      await expect(sendCommand(rudePath, 'version')).rejects.toMatchObject({ code: 'ECLOSED' });
    } finally {
      for (const s of [mute, rude]) await new Promise((resolve) => s.close(resolve));
    }
  });

  it('rejects a command that is empty or spans lines before connecting', async () => {
    await expect(sendCommand(path.join(dir, 'none.sock'), 'version\nshutdown')).rejects.toThrow(/single line/);
    await expect(sendCommand(path.join(dir, 'none.sock'), '  ')).rejects.toThrow(/empty/);
    await expect(sendCommand(path.join(dir, 'none.sock'), 'version')).rejects.toBeInstanceOf(ControlSocketError);
  });
});
