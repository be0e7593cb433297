/** The logging the control socket needs; winston's Logger and the daemon's Log both fit. */
export interface ControlLog {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}
