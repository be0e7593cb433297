/** ExaBGP's text command grammar: one line in, one typed Command out. */
export type { Command, NeighborSelector, ParseResult, RouteSpec } from './types';
export { parseCommand } from './parse-command';
export { MAX_SPLIT_ROUTES } from './split-prefix';
