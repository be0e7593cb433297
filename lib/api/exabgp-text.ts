/**
 * ExaBGP 4.x text events (helpers configured with "encoder": "text"), byte for byte as ExaBGP 4.2's
 * reactor/api/response/text.py writes them. One function per event type; each returns the text
 * without its final newline (an UPDATE is several lines joined with '\n'). ExaBGP prints nothing
 * for fsm, negotiated and signal events: fsmText, negotiatedText and signalText return undefined.
 * The neighbor and direction types are the JSON encoder's.
 */
export type { JsonDirection, JsonNeighbor } from './exabgp-json/envelope';
export { updateText } from './exabgp-text/update';
export { attributesText } from './exabgp-text/attributes';
export { openText, capabilitiesText } from './exabgp-text/open';
export { keepaliveText } from './exabgp-text/keepalive';
export { notificationTextLine } from './exabgp-text/notification';
export { refreshText } from './exabgp-text/refresh';
export { stateText, shutdownText, fsmText, signalText, negotiatedText } from './exabgp-text/state';
export { messageText } from './exabgp-text/message';
export { packetsText, headerBodyText } from './exabgp-text/packets';
