/**
 * What `rxbgp cli --help` adds after the options: how the daemon is found, the exit statuses,
 * and the commands the daemon takes (the list its own `help` answers, not a copy of it).
 */
import { controlSocketDir } from '../../config/control-socket-path';
import { HELP_TEXT } from '../../api-runtime/command-executor';

export function cliHelpText(): string {
  return [
    '',
    'Which daemon:',
    '  Each daemon listens on the control socket its config sets in "control.socket", else on a',
    '  default socket of its own, named after its config file (<name>-<hash>.sock), in the',
    `  per-user directory $XDG_RUNTIME_DIR/rxbgp, else /tmp/rxbgp-<uid> (here: ${controlSocketDir()}).`,
    '  With neither --socket nor --config, rxbgp cli talks to the one daemon that answers in that',
    '  directory (sockets left by daemons that died are removed); when several answer, it lists each',
    '  socket with the config file it serves and exits 2: choose with --config FILE or --socket PATH.',
    '',
    'Exit status: 0 done, 1 error (the answer says why), 2 no daemon answers (or several, none chosen).',
    '',
    'Commands (the daemon\'s own `help` answers this list):',
    ...HELP_TEXT.map((l) => `  ${l}`),
    '',
    'Examples:',
    '  rxbgp cli show neighbor summary',
    '  rxbgp cli --config /etc/rxbgp/edge.json announce route 10.0.0.0/24 next-hop self',
    '  rxbgp cli reload',
    '',
  ].join('\n');
}
