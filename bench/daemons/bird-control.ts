/**
 * BIRD's control socket spoken directly (what birdc does), so polling a receiver every few tens of
 * milliseconds costs one small read in BIRD and no process spawn on this 2-core machine.
 *
 * Protocol (BIRD's doc/prog "Remote control"): the server greets with `0001 BIRD x.y.z ready.`;
 * each command is one line; each reply line is `NNNN-text` (more lines follow), ` text` (more of
 * the same code), or `NNNN text` (the last line). Codes 8xxx and 9xxx are errors.
 */
import net from 'net';

export interface BirdReply {
  readonly code: number;
  /** The reply's text lines without their codes. */
  readonly text: string;
}

/** Splits the socket's bytes into replies; one instance per connection. */
export class BirdReplyReader {
  private partial = '';
  private lines: string[] = [];
  private lastCode = 0;

  /** Feeds a chunk; returns the replies it completed, in order. */
  push(chunk: string): BirdReply[] {
    const done: BirdReply[] = [];
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      const coded = /^(\d{4})([ -])(.*)$/.exec(line);
      if (coded) {
        this.lastCode = Number(coded[1]);
        this.lines.push(coded[3]!);
        if (coded[2] === ' ') {
          done.push({ code: this.lastCode, text: this.lines.join('\n') });
          this.lines = [];
        }
      } else if (line.startsWith(' ')) {
        this.lines.push(line.slice(1));
      } else if (line !== '') {
        throw new Error(`BIRD control socket: unexpected line ${JSON.stringify(line)}`);
      }
    }
    return done;
  }
}

export function isBirdError(reply: BirdReply): boolean {
  return reply.code >= 8000;
}

export class BirdControl {
  private readonly reader = new BirdReplyReader();
  private readonly waiting: Array<{ resolve: (r: BirdReply) => void; reject: (e: Error) => void }> = [];
  private closedBy: Error | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      let replies: BirdReply[];
      try {
        replies = this.reader.push(chunk);
      } catch (err) {
        this.fail(err as Error);
        return;
      }
      for (const reply of replies) this.waiting.shift()?.resolve(reply);
    });
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('BIRD control socket closed')));
  }

  /** Connects and reads the greeting; rejects if BIRD is not listening yet. */
  static connect(socketPath: string, timeoutMs: number): Promise<BirdControl> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(socketPath);
      const control = new BirdControl(socket);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`BIRD control socket ${socketPath}: no greeting within ${timeoutMs} ms`));
      }, timeoutMs);
      control
        .expectReply()
        .then((greeting) => {
          clearTimeout(timer);
          if (greeting.code !== 1) throw new Error(`BIRD control socket ${socketPath}: unexpected greeting ${greeting.code} ${greeting.text}`);
          resolve(control);
        })
        .catch((err: Error) => {
          clearTimeout(timer);
          socket.destroy();
          reject(err);
        });
    });
  }

  /** Runs one command; a BIRD error reply rejects. Commands queue in order on the one connection. */
  async command(line: string, timeoutMs = 10000): Promise<string> {
    if (this.closedBy) throw this.closedBy;
    const reply = this.expectReply(timeoutMs);
    this.socket.write(line + '\n');
    const r = await reply;
    if (isBirdError(r)) throw new Error(`birdc ${line}: ${r.code} ${r.text}`);
    return r.text;
  }

  close(): void {
    this.socket.destroy();
  }

  private expectReply(timeoutMs = 10000): Promise<BirdReply> {
    if (this.closedBy) return Promise.reject(this.closedBy);
    return new Promise((resolve, reject) => {
      const entry = {
        resolve: (r: BirdReply) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        // A lost reply would shift every later one onto the wrong command: the connection is unusable.
        this.fail(new Error(`BIRD control socket: no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.push(entry);
    });
  }

  private fail(err: Error): void {
    if (!this.closedBy) this.closedBy = err;
    for (const w of this.waiting.splice(0)) w.reject(err);
    this.socket.destroy();
  }
}

/** `Routes: 1000 imported, 0 exported, 1000 preferred` from `show protocols all <name>` (one channel). */
export function parseImportedRoutes(showProtocolsAll: string): number | undefined {
  const m = /Routes:\s+(\d+) imported/.exec(showProtocolsAll);
  return m ? Number(m[1]) : undefined;
}

/** `1000 of 1000 routes for 1000 networks in table master4` from `show route count ...`: the first number. */
export function parseRouteCount(showRouteCount: string): number | undefined {
  const m = /(\d+) of \d+ routes for \d+ networks/.exec(showRouteCount);
  return m ? Number(m[1]) : undefined;
}
