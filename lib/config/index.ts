/** The JSON config: decode, load, explain errors, summarize. docs/configuration.md documents every key. */
export type {
  ApiConfig,
  ApiMessageKind,
  Config,
  ControlConfig,
  ListenConfig,
  LogLevel,
  NeighborConfig,
  ProcessConfig,
  RouteConfig,
  RouteSetConfig,
} from './types';
export { formatErrors, type ConfigError } from './config-error';
export { decodeConfig } from './decode-config';
export { loadConfig } from './load-config';
export { summarizeConfig } from './summarize-config';
export { neighborSettingsKey } from './settings-key';
export { MAX_ROUTE_SET_COUNT } from './file-codec';
export { DEFAULTS as CONFIG_DEFAULTS } from './resolve-config';
export { API_DEFAULTS } from './resolve-api';
export { controlSocketDir, controlSocketOfConfig, defaultControlSocketPath, MAX_CONTROL_SOCKET_PATH_BYTES } from './control-socket-path';
export { API_RECEIVE_KINDS, API_SEND_KINDS } from './api-message-kind';
export { parseCommunity, formatCommunity, WELL_KNOWN_COMMUNITY_NAMES } from '../wire/community-text';
export { parseLargeCommunity, formatLargeCommunity } from '../wire/large-community-text';
export { parseExtendedCommunity, formatExtendedCommunity } from '../wire/extended-community-text';
export { parseFamily, formatFamily, CONFIG_FAMILIES } from '../families/family-text';
