/** `consentry records --help`: serve and prune, then the webhook commands' own usage. */
import { WEBHOOK_USAGE } from './webhooks.js'

export const RECORDS_USAGE = `Usage: consentry records serve [--port 8787] [--host 127.0.0.1] [--trust-proxy 0] [--data <dir> | --database <url>]
                              [--retention-months 24] [--webhook-retry-hours 72] [--webhook-timeout-ms 10000]
                              [--webhook-allow-local <hosts>]
       consentry records prune [--data <dir> | --database <url>] [--retention-months 24]
       consentry records webhook add|list|remove|rotate|dead|replay … (see below)

serve  runs the proof-of-consent records service: POST /v1/consent takes the
       records serverSync sends; GET /v1/consent/:consentId, DELETE
       /v1/consent/:consentId, /v1/export, /v1/stats and /dashboard are for the
       admin (Authorization: Bearer <CONSENTRY_ADMIN_TOKEN>); GET /v1/region and
       GET /healthz are open. Records older than --retention-months are pruned
       daily, except each visitor's decision in force. Stops on Ctrl-C or SIGTERM.
       Webhook subscriptions get every change of a visitor's decision in force,
       signed (Consentry-Signature), retried with backoff, then dead-lettered.
prune  prunes once, as serve does daily, and exits (for cron).

Options:
  --port <n>               serve: the port (default 8787; 0 picks a free one)
  --host <address>         serve: the address to listen on (default 127.0.0.1;
                           0.0.0.0 to be reachable from other machines)
  --trust-proxy <n>        serve: how many proxies in front append to
                           X-Forwarded-For (default 0): behind a reverse proxy,
                           1, or every visitor shares the proxy's rate limit
  --data <dir>             the embedded database (PGlite) directory
                           (default ./consentry-data)
  --database <url>         a PostgreSQL URL instead (default: env DATABASE_URL)
  --retention-months <n>   keep records this many months (default 24)
  --webhook-retry-hours <n>  serve: retry a webhook delivery this long after its
                           first attempt, then it is dead (default 72)
  --webhook-timeout-ms <n> serve: per delivery attempt (default 10000)
  --webhook-allow-local <hosts>  serve: subscription hosts that may be
                           loopback or link-local addresses, comma-separated
                           (localhost,127.0.0.1), or * for any; by default
                           webhooks go to public and private networks only
  -h, --help               this text

Environment:
  DATABASE_URL               PostgreSQL URL, as --database
  CONSENTRY_ADMIN_TOKEN      the admin endpoints' token; without it they refuse
                             every request
  CONSENTRY_ALLOWED_ORIGINS  comma-separated origins whose pages may post
                             records, e.g. https://example.com,https://www.example.com
  CONSENTRY_SECRET_KEY       seals webhook signing secrets in the database
                             (AES-256-GCM): 32 random bytes, base64 or hex
                             (openssl rand -base64 32); while replacing a key,
                             new,old (the first seals, each opens); without it
                             the secrets are kept in plain text

PGlite needs \`npm install @electric-sql/pglite\`, PostgreSQL \`npm install pg\`.
Exit codes: 0 done (serve: stopped cleanly), 2 usage error, 1 could not open
the database or listen. Guide: docs/records.md in the consentry package repository.

${WEBHOOK_USAGE}`
