/**
 * One client of the control socket: reads command lines, runs them one at a time in order,
 * and writes each answer followed by `done` or `error`.
 *
 * Memory stays bounded whatever the client does: reading pauses while too many commands wait
 * or while the socket's send buffer is full (the client is not reading its answers), answers
 * are written in batches that wait for 'drain', and a line over MAX_LINE_BYTES closes the client.
 */
import type * as net from 'net';
import type { CommandAnswer, CommandExecutor } from './executor';
import type { ControlLog } from './control-log';
import { LineSplitter } from '../line-splitter';
import { ERROR, MAX_LINE_BYTES, answerEnd } from './protocol';

/** Commands read ahead of the one running; past this, reading pauses. */
const MAX_QUEUED_COMMANDS = 64;
/** Answer text handed to the socket per write; the next waits for 'drain' when the buffer is full. */
const WRITE_BATCH_CHARS = 64 * 1024;

export class ControlConnection {
  /** Lines as sent (only a CR before the LF removed); a line over the limit is noted in overlongAt. */
  private readonly splitter = new LineSplitter({ maxLineLength: MAX_LINE_BYTES, trim: 'cr', onOverlong: (before) => (this.overlongAt ??= before) });
  /** How many lines of the last chunk came before a line over the limit. */
  private overlongAt: number | undefined;
  private readonly queue: string[] = [];
  private running = false;
  private closed = false;
  /** The client sent a line over the limit: answer what came before it, then close. */
  private overflow = false;
  /** The client half-closed: answer what is queued, then end. */
  private ended = false;
  private wakeWriter: (() => void) | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly executor: CommandExecutor,
    private readonly source: string,
    private readonly log: ControlLog,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => {
      this.ended = true;
      this.pump();
    });
    socket.on('drain', () => this.wake());
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    // EPIPE / ECONNRESET from a client that left mid-answer: nothing to do but stop.
    socket.on('error', (e) => this.log.debug(`${this.source}: ${e.message}`));
  }

  private onData(chunk: Buffer): void {
    if (this.overflow) return;
    const lines = this.splitter.push(chunk);
    if (this.overlongAt !== undefined) {
      lines.length = this.overlongAt;
      this.overflow = true;
      this.socket.pause();
      this.log.warn(`${this.source}: command line longer than ${MAX_LINE_BYTES} bytes, closing the client`);
    }
    // ExaBGP ignores blank lines from its API clients; so do we (they get no answer).
    for (const line of lines) if (line.trim() !== '') this.queue.push(line);
    if (this.queue.length >= MAX_QUEUED_COMMANDS) this.socket.pause();
    this.pump();
  }

  /** Starts the answering loop unless it runs already. */
  private pump(): void {
    if (this.running || this.closed) return;
    this.running = true;
    this.answerQueued()
      .catch((e: unknown) => {
        this.log.error(`${this.source}: ${e instanceof Error ? e.message : String(e)}`);
        this.socket.destroy();
      })
      .finally(() => {
        this.running = false;
        // Lines may have arrived while the last write was finishing.
        if (this.queue.length > 0 && !this.closed) this.pump();
      });
  }

  private async answerQueued(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      const line = this.queue.shift() as string;
      if (!this.overflow && this.queue.length < MAX_QUEUED_COMMANDS / 2) this.socket.resume();
      const answer = await this.run(line);
      await this.writeAnswer(answer);
    }
    if (this.closed) return;
    if (this.overflow) {
      // Reading is paused, so the client's own close would never be seen: close once flushed.
      this.socket.end(`line longer than ${MAX_LINE_BYTES} bytes\n${ERROR}\n`, () => this.socket.destroy());
    } else if (this.ended) {
      this.socket.end();
    } else {
      this.socket.resume();
    }
  }

  /** The executor's answer; a throw becomes `error` with its message, never a crash. */
  private async run(line: string): Promise<CommandAnswer> {
    try {
      this.log.debug(`${this.source}: ${line}`);
      return await this.executor.execute(line, this.source);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.log.error(`${this.source}: command "${line}" failed: ${message}`);
      return { ok: false, lines: [`internal error: ${message}`] };
    }
  }

  private async writeAnswer(answer: CommandAnswer): Promise<void> {
    let batch = '';
    for (const line of answer.lines) {
      batch += line + '\n';
      if (batch.length >= WRITE_BATCH_CHARS) {
        await this.write(batch);
        batch = '';
        if (this.closed) return;
      }
    }
    await this.write(batch + answerEnd(answer.ok) + '\n');
  }

  /** Writes, then waits for 'drain' (or close) when the socket's buffer is full. */
  private async write(text: string): Promise<void> {
    if (this.closed) return;
    if (this.socket.write(text)) return;
    await new Promise<void>((resolve) => {
      this.wakeWriter = resolve;
      if (this.closed) this.wake();
    });
  }

  private wake(): void {
    const wake = this.wakeWriter;
    this.wakeWriter = undefined;
    wake?.();
  }
}
