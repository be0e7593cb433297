/** winston logger writing to stderr (stdout is for JSON events). */
import winston from 'winston';
import type { LogLevel } from '../config/types';

export function createLogger(level: LogLevel): winston.Logger {
  return winston.createLogger({
    level,
    format: winston.format.combine(
      winston.format.timestamp(),
      winston.format.printf((info) => `${String(info.timestamp)} ${info.level} ${String(info.message)}`),
    ),
    transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] })],
  });
}
