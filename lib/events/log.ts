/** Where the bus's consumers write log lines (winston's Logger fits; lib/session/log.ts has the same shape). */
export interface Log {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}
