/**
 * What the control socket needs from the daemon: something that carries out one text command
 * (ExaBGP's API grammar) and says how it went. The daemon's command executor implements it;
 * the socket server only frames lines and answers.
 */

/** The outcome of one command: its output lines (possibly none) and whether it succeeded. */
export interface CommandAnswer {
  readonly ok: boolean;
  /** Output lines without newlines; the wire protocol appends the final `done` or `error`. */
  readonly lines: string[];
}

export interface CommandExecutor {
  /** `source` names who sent the line (for logs), e.g. "control#3". */
  execute(line: string, source: string): Promise<CommandAnswer>;
}
