export type { SessionEvent } from '../events/events';
