#!/bin/sh
# FastNetMon Community's notify script (notify_script_path in fastnetmon.conf), passing the alert on
# to ddos-webhook.js. FastNetMon calls it with:
#   $1 the IP address (attacked host, or source of an outgoing attack)  $2 incoming | outgoing
#   $3 packets per second  $4 ban | unban
# and, on ban only, writes the attack details to stdin, which must be read (FastNetMon waits for it).
# (src/notify_about_attack.sh in github.com/pavel-odintsov/fastnetmon documents these.)
# WEBHOOK_URL overrides where the webhook listens. Exits non-zero when the webhook refused (curl >= 7.76).
url="${WEBHOOK_URL:-http://127.0.0.1:8787/alert}"
if [ "$4" = ban ]; then cat > /dev/null; fi
case "$2" in incoming|outgoing) ;; *) echo "direction must be incoming or outgoing, not: $2" >&2; exit 2 ;; esac
exec curl -sS --fail-with-body --max-time 15 -X POST "$url" -H 'content-type: application/json' \
  -d "{\"action\":\"$4\",\"ip\":\"$1\",\"direction\":\"$2\"}"
