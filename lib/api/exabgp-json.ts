/**
 * ExaBGP 4.x JSON events (format "exabgp": "4.0.1"), byte for byte as ExaBGP 4.2 writes them, so
 * helper scripts written for ExaBGP read rxbgp unchanged. One function per event type; each
 * returns one line without its newline.
 */
export {
  defaultEnvelopeSource,
  type JsonDirection,
  type JsonEnvelopeSource,
  type JsonNeighbor,
} from './exabgp-json/envelope';
export { updateJson } from './exabgp-json/update';
export { openJson } from './exabgp-json/open';
export { keepaliveJson } from './exabgp-json/keepalive';
export { notificationJson } from './exabgp-json/notification';
export { refreshJson } from './exabgp-json/refresh';
export { stateJson, fsmJson, signalJson, shutdownJson } from './exabgp-json/state';
export { negotiatedJson } from './exabgp-json/negotiated';
export { messageJson, DECODE_NEIGHBOR } from './exabgp-json/message';
export { packetsJson, consolidatedJson } from './exabgp-json/packets';
