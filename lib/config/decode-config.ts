/**
 * decodeConfig: parsed JSON in, Config or every error out. Shape errors (file-codec.ts) come
 * first; the cross-key rules (resolve-config.ts) run only on a well-shaped file, since they
 * need its values.
 */
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { fromValidationErrors, type ConfigError } from './config-error';
import { configFileCodec } from './file-codec';
import { resolveConfig } from './resolve-config';
import type { Config } from './types';

/**
 * `baseDir` is the directory relative helper programs ("./helpers/x.py"), helper working
 * directories and the control socket path are resolved against; loadConfig passes the config
 * file's directory. Without it those paths are kept as written. `configFile` (loadConfig passes
 * it) gives the default control socket its name, so each config file has its own.
 */
export function decodeConfig(json: unknown, baseDir?: string, configFile?: string): Either<ConfigError[], Config> {
  const shaped = configFileCodec.decode(json);
  if (isLeft(shaped)) return left(fromValidationErrors(shaped.left));
  const { config, errors } = resolveConfig(shaped.right, baseDir, configFile);
  return errors.length > 0 ? left(errors) : right(config);
}
