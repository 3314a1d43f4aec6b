import type { Sql } from 'postgres'

interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * The schema, one versioned step at a time. Never edit a released step: add one.
 * UNIQUE identity columns make the database refuse a second contact for one userId,
 * email or anonymousId even when several collectors race; the foreign keys make a
 * transaction that wrote to a contact merged away meanwhile fail (and retry) instead of
 * leaving orphans. `json`, not `jsonb`: kept byte for byte, and `\u0000` is accepted.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events, contacts, identities, summaries, merges',
    sql: `
      CREATE TABLE contacts (
        id text PRIMARY KEY,
        user_id text UNIQUE,
        email text UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE anonymous_ids (
        anonymous_id text PRIMARY KEY,
        contact_id text NOT NULL REFERENCES contacts (id),
        linked_at timestamptz NOT NULL
      );
      CREATE INDEX anonymous_ids_by_contact ON anonymous_ids (contact_id);
      CREATE TABLE events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source text NOT NULL,
        message_id text NOT NULL,
        contact_id text NOT NULL REFERENCES contacts (id),
        type text NOT NULL,
        name text NOT NULL,
        anonymous_id text,
        user_id text,
        email text,
        properties json NOT NULL,
        context json NOT NULL,
        timestamp timestamptz NOT NULL,
        original_timestamp timestamptz NOT NULL,
        sent_at timestamptz,
        received_at timestamptz NOT NULL,
        identity text NOT NULL,
        UNIQUE (source, message_id)
      );
      CREATE INDEX events_by_time ON events (timestamp DESC, seq DESC);
      CREATE INDEX events_by_contact ON events (contact_id, timestamp DESC, seq DESC);
      CREATE INDEX events_by_name ON events (name, timestamp DESC, seq DESC);
      -- Keys of erased events: a late retry of an erased contact's event must not recreate it.
      CREATE TABLE erased_messages (
        source text NOT NULL,
        message_id text NOT NULL,
        PRIMARY KEY (source, message_id)
      );
      CREATE TABLE event_summaries (
        contact_id text NOT NULL REFERENCES contacts (id),
        name text NOT NULL,
        count integer NOT NULL,
        first timestamptz NOT NULL,
        last timestamptz NOT NULL,
        PRIMARY KEY (contact_id, name)
      );
      CREATE TABLE contact_attributes (
        contact_id text NOT NULL REFERENCES contacts (id),
        key text NOT NULL,
        value json NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (contact_id, key)
      );
      -- merged_id → surviving contact; chains are collapsed on each merge, so one hop resolves.
      CREATE TABLE contact_merges (
        merged_id text PRIMARY KEY,
        into_id text NOT NULL REFERENCES contacts (id),
        merged_at timestamptz NOT NULL
      );
      CREATE INDEX contact_merges_by_survivor ON contact_merges (into_id);
    `,
  },
  {
    version: 2,
    name: 'change feed, consumer cursors',
    sql: `
      -- xid: the writing transaction's id; readers order by (xid, seq) and read only below the
      -- oldest transaction still running (see operations/read-changes.ts).
      CREATE TABLE changes (
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        at timestamptz NOT NULL,
        contact_id text,
        data json,
        PRIMARY KEY (xid, seq)
      );
      CREATE INDEX changes_by_contact ON changes (contact_id);
      CREATE TABLE consumer_cursors (
        name text PRIMARY KEY,
        cursor text NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'cookieless daily salts, retention',
    sql: `
      -- One random salt per UTC day, shared by every collector of the schema; earlier days' are deleted.
      CREATE TABLE daily_salts (
        day date PRIMARY KEY,
        salt text NOT NULL
      );
      -- Feed entries still carrying an event, by arrival: retention drops their data past the window.
      CREATE INDEX changes_with_event_data ON changes (at) WHERE type = 'event.stored' AND data IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'automation records: definitions, runs, timers, webhook deliveries',
    sql: `
      CREATE TABLE automation_records (
        kind text NOT NULL,
        id text NOT NULL,
        automation_id text,
        endpoint_id text,
        contact_id text,
        status text,
        unique_key text,
        due_at text COLLATE "C",
        created_at text NOT NULL,
        body json NOT NULL,
        PRIMARY KEY (kind, id)
      );
      CREATE UNIQUE INDEX automation_records_by_key ON automation_records (kind, unique_key);
      -- The schedulers take the earliest due record of a kind through this index, never a scan.
      CREATE INDEX automation_records_by_due ON automation_records (kind, due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX automation_records_by_contact ON automation_records (kind, contact_id, created_at);
      CREATE INDEX automation_records_by_automation ON automation_records (kind, automation_id, created_at);
    `,
  },
  {
    version: 5,
    name: 'segments, memberships, due re-checks',
    sql: `
      -- compute_after: the last contact id the background computation has done (resume point).
      CREATE TABLE segments (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        match json NOT NULL,
        status text NOT NULL,
        progress double precision NOT NULL,
        compute_after text,
        computed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE segment_members (
        segment_id text NOT NULL,
        contact_id text NOT NULL,
        entered_at timestamptz NOT NULL,
        PRIMARY KEY (segment_id, contact_id)
      );
      CREATE INDEX segment_members_by_contact ON segment_members (contact_id);
      -- When a (segment, contact) can next change with time alone; the scheduler reads the earliest.
      CREATE TABLE segment_checks (
        segment_id text NOT NULL,
        contact_id text NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (segment_id, contact_id)
      );
      CREATE INDEX segment_checks_by_due ON segment_checks (due_at);
      -- Conditions count one contact's events of one name in a time window; without it the
      -- planner may walk every event of that name for each contact.
      CREATE INDEX events_by_contact_name ON events (contact_id, name, timestamp);
    `,
  },
  {
    version: 6,
    name: 'contacts list by activity',
    sql: `
      -- The contact's newest event timestamp (the max of its summaries' last), kept by the
      -- ingest write path, so the contacts list reads pages off an index instead of
      -- aggregating every summary. A contact's activity is its last event, else its creation.
      ALTER TABLE contacts ADD COLUMN last_seen timestamptz;
      UPDATE contacts c SET last_seen = s.last
        FROM (SELECT contact_id, max(last) AS last FROM event_summaries GROUP BY contact_id) s
        WHERE s.contact_id = c.id;
      CREATE INDEX contacts_by_activity ON contacts ((coalesce(last_seen, created_at)), id);
    `,
  },
  {
    version: 7,
    name: 'contacts and segment members in byte order',
    sql: `
      -- Pages of a segment's members and the background computation's pages of contacts go
      -- in byte order (COLLATE "C", the order SQLite keeps). The primary keys follow the
      -- database's collation, so each page sorted every member of the segment, or every
      -- contact after the resume point, to return 50 or 500 of them.
      CREATE INDEX segment_members_in_id_order ON segment_members (segment_id, contact_id COLLATE "C");
      CREATE INDEX contacts_in_id_order ON contacts (id COLLATE "C");
    `,
  },
]

/**
 * Creates the schema (when the URL names one) and applies pending steps, all in one
 * transaction under a transaction-level advisory lock: when several collectors start at
 * once, one migrates and the others wait, then find nothing left to do.
 *
 * @example
 * await migratePostgres(sql, 'sillage')
 */
export async function migratePostgres(sql: Sql, schema: string | null): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext(${`sillage migrations ${schema ?? ''}`}))`
    if (schema !== null) await tx`CREATE SCHEMA IF NOT EXISTS ${tx(schema)}`
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`
    const [{ version } = { version: 0 }] = await tx<
      { version: number }[]
    >`SELECT coalesce(max(version), 0) AS version FROM schema_migrations`
    const known = postgresMigrations.at(-1)!.version
    if (version > known) {
      throw new Error(
        `schema version ${version} is from a newer Sillage (this one knows up to ${known}); upgrade the collector or use another schema`,
      )
    }
    for (const migration of postgresMigrations.filter((step) => step.version > version)) {
      await tx.unsafe(migration.sql)
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`
    }
  })
}
