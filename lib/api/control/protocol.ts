/**
 * The control socket's line protocol, shared by server and client (ExaBGP's CLI style): the
 * client writes one command per line; for each, the server writes the answer lines and then a
 * final line `done` (success) or `error` (failure).
 */

export const DONE = 'done';
export const ERROR = 'error';

/** A command line longer than this closes the client: nothing legitimate is that long. */
export const MAX_LINE_BYTES = 1 << 20;

/** The final line that ends an answer. */
export function answerEnd(ok: boolean): string {
  return ok ? DONE : ERROR;
}

/** True for the line that ends an answer. */
export function isAnswerEnd(line: string): boolean {
  return line === DONE || line === ERROR;
}
