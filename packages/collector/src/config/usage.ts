/** The text of `sillage-collector --help`. */
export const usage = `Usage: sillage-collector [flags]     (every flag has an env twin)

  --port <n>                 SILLAGE_PORT             default 8787 (0 = any free port)
  --host <addr>              SILLAGE_HOST             default 127.0.0.1 (0.0.0.0 to listen on all interfaces)
  --store <url>              SILLAGE_STORE            default sqlite:./data/sillage.db; also memory:, postgres://user@host/db
  --write-keys <k1,k2>       SILLAGE_WRITE_KEYS       public keys for ingestion; if none, a dev key is generated and kept in the data dir
  --secret-key <key>         SILLAGE_SECRET_KEY       key of the read/admin API (Bearer) and Brevo api-key; generated and kept if unset
  --allowed-origins <o1,o2>  SILLAGE_ALLOWED_ORIGINS  browser origins allowed to send events; default *
  --identity-secret <s>      SILLAGE_IDENTITY_SECRET  turns on identity verification (user hash); default off
  --trust-proxy              SILLAGE_TRUST_PROXY      take the client address from X-Forwarded-For (only behind your own proxy)
  --rate-limit <n>           SILLAGE_RATE_LIMIT       browser requests/s per write key and address (bursts of 10x);
                                                      default 50, 0 = off; server requests (no Origin) take turns
  --ip-storage <mode>        SILLAGE_IP_STORAGE       truncated (default: IPv4 /24, IPv6 /48), full or none: what context.ip keeps
  --retention-days <n>       SILLAGE_RETENTION_DAYS   delete events older than n days, at start and hourly; default 0 = keep
                                                      forever (contacts, attributes and summaries are kept)
  --webhook-allow-private    SILLAGE_WEBHOOK_ALLOW_PRIVATE  webhooks may go to private, loopback and link-local
                                                      addresses (a receiver on your own network); default off
  -h, --help                 this text

The data dir is the folder of the SQLite file (./data for memory: and postgres:).`
