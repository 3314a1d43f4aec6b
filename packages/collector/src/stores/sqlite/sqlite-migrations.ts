import type { Database } from 'better-sqlite3'

interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * The schema, one versioned step at a time. Never edit a released step: add one.
 * Identity columns are UNIQUE so that the database itself refuses a second contact for
 * the same userId, email or anonymousId, whatever the code above it does.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events, contacts, identities, summaries, merges',
    sql: `
      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        user_id TEXT UNIQUE,
        email TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE anonymous_ids (
        anonymous_id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL,
        linked_at TEXT NOT NULL
      );
      CREATE INDEX anonymous_ids_by_contact ON anonymous_ids (contact_id);
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        message_id TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        anonymous_id TEXT,
        user_id TEXT,
        email TEXT,
        properties TEXT NOT NULL,
        context TEXT NOT NULL,
        timestamp TEXT NOT NULL,
        original_timestamp TEXT NOT NULL,
        sent_at TEXT,
        received_at TEXT NOT NULL,
        identity TEXT NOT NULL,
        UNIQUE (source, message_id)
      );
      CREATE INDEX events_by_time ON events (timestamp);
      CREATE INDEX events_by_contact ON events (contact_id, timestamp);
      CREATE INDEX events_by_name ON events (name, timestamp);
      -- Keys of erased events: a late retry of an erased contact's event must not recreate it.
      CREATE TABLE erased_messages (
        source TEXT NOT NULL,
        message_id TEXT NOT NULL,
        PRIMARY KEY (source, message_id)
      ) WITHOUT ROWID;
      CREATE TABLE event_summaries (
        contact_id TEXT NOT NULL,
        name TEXT NOT NULL,
        count INTEGER NOT NULL,
        first TEXT NOT NULL,
        last TEXT NOT NULL,
        PRIMARY KEY (contact_id, name)
      ) WITHOUT ROWID;
      CREATE TABLE contact_attributes (
        contact_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (contact_id, key)
      ) WITHOUT ROWID;
      -- merged_id → surviving contact; chains are collapsed on each merge, so one hop resolves.
      CREATE TABLE contact_merges (
        merged_id TEXT PRIMARY KEY,
        into_id TEXT NOT NULL,
        merged_at TEXT NOT NULL
      );
      CREATE INDEX contact_merges_by_survivor ON contact_merges (into_id);
    `,
  },
  {
    version: 2,
    name: 'change feed, consumer cursors',
    sql: `
      -- AUTOINCREMENT: a seq is never handed out twice, even after the newest entries are deleted.
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        contact_id TEXT,
        data TEXT
      );
      CREATE INDEX changes_by_contact ON changes (contact_id);
      CREATE TABLE consumer_cursors (
        name TEXT PRIMARY KEY,
        cursor TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'cookieless daily salts, retention',
    sql: `
      -- One random salt per UTC day, shared by every collector of the store; earlier days' are deleted.
      CREATE TABLE daily_salts (
        day TEXT PRIMARY KEY,
        salt TEXT NOT NULL
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
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        automation_id TEXT,
        endpoint_id TEXT,
        contact_id TEXT,
        status TEXT,
        unique_key TEXT,
        due_at TEXT,
        created_at TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
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
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        match TEXT NOT NULL,
        status TEXT NOT NULL,
        progress REAL NOT NULL,
        compute_after TEXT,
        computed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE segment_members (
        segment_id TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, contact_id)
      ) WITHOUT ROWID;
      CREATE INDEX segment_members_by_contact ON segment_members (contact_id);
      -- When a (segment, contact) can next change with time alone; the scheduler reads the earliest.
      CREATE TABLE segment_checks (
        segment_id TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        due_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, contact_id)
      ) WITHOUT ROWID;
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
      ALTER TABLE contacts ADD COLUMN last_seen TEXT;
      UPDATE contacts SET last_seen = (SELECT max(last) FROM event_summaries s WHERE s.contact_id = contacts.id);
      CREATE INDEX contacts_by_activity ON contacts (coalesce(last_seen, created_at), id);
    `,
  },
]

/**
 * Brings the file's schema up to date. Each step runs in its own IMMEDIATE transaction
 * and re-reads the version inside it, so two collectors starting on one file at once
 * apply each step exactly once (the second waits on busy_timeout, then finds it done).
 *
 * @example
 * migrateSqlite(db) // on open, before anything else
 */
export function migrateSqlite(db: Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  )
  const appliedVersion = db.prepare<[], { version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  )
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  const known = sqliteMigrations.at(-1)!.version
  const found = appliedVersion.get()?.version ?? 0
  if (found > known) {
    throw new Error(
      `schema version ${found} is from a newer Sillage (this one knows up to ${known}); upgrade the collector or use another file`,
    )
  }
  for (const migration of sqliteMigrations) {
    db.transaction(() => {
      if ((appliedVersion.get()?.version ?? 0) >= migration.version) return
      db.exec(migration.sql)
      record.run(migration.version, migration.name, new Date().toISOString())
    }).immediate()
  }
}
