/**
 * The control socket's client: sends one command line and collects the answer up to the
 * final `done` or `error`.
 */
import * as net from 'net';
import type { CommandAnswer } from './executor';
import { LineSplitter } from '../line-splitter';
import { DONE, isAnswerEnd } from './protocol';

/** An answer line longer than this is a broken server, not output to keep buffering. */
const MAX_ANSWER_LINE_BYTES = 16 << 20;

/**
 * No answer could be had: nobody listens on the path (code ENOENT / ECONNREFUSED / EACCES …),
 * the daemon stayed silent for the timeout (ETIMEDOUT), or it closed mid-answer (ECLOSED).
 */
export class ControlSocketError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ControlSocketError';
  }
}

/**
 * Sends `line` to the daemon on `path` and resolves with its answer (`ok` is true for `done`).
 * `timeoutMs` bounds silence, not the whole answer: a long `show adj-rib out` keeps going as
 * long as lines keep coming. Rejects with ControlSocketError when no answer can be had.
 */
export function sendCommand(path: string, line: string, timeoutMs = 10000): Promise<CommandAnswer> {
  if (/[\r\n]/.test(line)) return Promise.reject(new Error('a command is a single line'));
  if (line.trim() === '') return Promise.reject(new Error('empty command'));
  return new Promise((resolve, reject) => {
    const socket = net.connect(path);
    let overlongAt: number | undefined;
    const splitter = new LineSplitter({ maxLineLength: MAX_ANSWER_LINE_BYTES, trim: 'cr', onOverlong: (before) => (overlongAt ??= before) });
    const lines: string[] = [];
    let settled = false;
    const settle = (outcome: CommandAnswer | ControlSocketError) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (outcome instanceof ControlSocketError) reject(outcome);
      else resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => settle(new ControlSocketError(path, 'ETIMEDOUT', `no answer within ${timeoutMs} ms`)));
    socket.once('connect', () => socket.write(line + '\n'));
    socket.on('data', (chunk: Buffer) => {
      const got = splitter.push(chunk);
      if (overlongAt !== undefined) got.length = overlongAt;
      for (const l of got) {
        if (isAnswerEnd(l)) return settle({ ok: l === DONE, lines });
        lines.push(l);
      }
      if (overlongAt !== undefined) settle(new ControlSocketError(path, 'EPROTO', `answer line longer than ${MAX_ANSWER_LINE_BYTES} bytes`));
    });
    socket.on('error', (e: NodeJS.ErrnoException) => settle(new ControlSocketError(path, e.code ?? 'EIO', e.message)));
    socket.on('close', () => settle(new ControlSocketError(path, 'ECLOSED', 'the daemon closed the connection before the answer ended')));
  });
}
