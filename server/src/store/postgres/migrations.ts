// Schema history, the PostgreSQL translation of ../sqlite/migrations.ts: entry i is version i + 1
// in both, recorded in schema_migrations. Epoch milliseconds are BIGINT, coordinates DOUBLE
// PRECISION, flags BOOLEAN, the case document and event snapshots JSONB.
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    patrol_id TEXT,
    created_at BIGINT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT false
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username),
    kind TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT
  );
  CREATE TABLE patrols (
    id TEXT PRIMARY KEY,
    idx INTEGER NOT NULL UNIQUE,
    device_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    home_street TEXT,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE positions (
    patrol_idx INTEGER NOT NULL,
    t BIGINT NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    speed DOUBLE PRECISION NOT NULL,
    heading DOUBLE PRECISION NOT NULL
  );
  CREATE INDEX positions_patrol_t ON positions(patrol_idx, t);
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    category TEXT NOT NULL,
    item TEXT NOT NULL,
    unit TEXT NOT NULL,
    priority TEXT NOT NULL,
    source TEXT NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    cell TEXT,
    community TEXT,
    street TEXT,
    district TEXT,
    description TEXT NOT NULL,
    address TEXT NOT NULL,
    reporter TEXT NOT NULL,
    patrol_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deadline_at BIGINT NOT NULL,
    closed_at BIGINT,
    overdue BOOLEAN NOT NULL DEFAULT false,
    escalation INTEGER NOT NULL DEFAULT 0,
    is_open BOOLEAN NOT NULL,
    doc JSONB NOT NULL,
    version INTEGER NOT NULL,
    client_ref TEXT UNIQUE
  );
  CREATE INDEX cases_open_deadline ON cases(is_open, deadline_at);
  CREATE INDEX cases_created ON cases(created_at);
  CREATE INDEX cases_closed ON cases(closed_at);
  CREATE INDEX cases_street ON cases(street, is_open);
  -- seq has no DEFAULT: it comes from event_counter, see below.
  CREATE TABLE case_events (
    seq BIGINT PRIMARY KEY,
    case_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT,
    from_state TEXT,
    to_state TEXT,
    note TEXT,
    snapshot JSONB NOT NULL
  );
  CREATE INDEX case_events_case ON case_events(case_id, seq);
  CREATE TABLE case_codes (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
  -- The last case event seq handed out: at most one row, upserted by the transaction that writes
  -- the event (SQLite's AUTOINCREMENT does this implicitly; a SEQUENCE would leave gaps on
  -- rollback). No seed row, so a store whose tables are all empty is a fresh store.
  CREATE TABLE event_counter (one BOOLEAN PRIMARY KEY DEFAULT true CHECK (one), seq BIGINT NOT NULL);
  `,
  `
  ALTER TABLE case_events ADD COLUMN command_id TEXT;
  CREATE UNIQUE INDEX case_events_command ON case_events(command_id) WHERE command_id IS NOT NULL;
  CREATE TABLE settings (key TEXT PRIMARY KEY, value JSONB NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL);
  `,
  `
  CREATE INDEX case_events_reopened ON case_events(case_id) WHERE action = 'verify_fail';
  `,
  `
  CREATE INDEX cases_state ON cases(state);
  `,
  `
  -- Photos and Open311 keys live in the shared store so every node of a deployment serves every
  -- photo and accepts every key (SQLite mode keeps them in their own files under DATA_DIR).
  CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    mime TEXT NOT NULL,
    path TEXT NOT NULL,
    thumb_path TEXT NOT NULL,
    thumb_mime TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    simulated BOOLEAN NOT NULL,
    attached BOOLEAN NOT NULL
  );
  CREATE INDEX photos_case ON photos(case_id);
  CREATE INDEX photos_unattached ON photos(created_at) WHERE NOT attached;
  CREATE TABLE photo_blobs (key TEXT PRIMARY KEY, bytes BYTEA NOT NULL);
  CREATE TABLE open311_keys (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL UNIQUE,
    key_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  `,
  `
  -- Imported map layers (districts, streets, communities, unit grid, …): every version kept, at most
  -- one active per layer; none active = the committed data/<layer>.geojson.
  CREATE TABLE layer_versions (
    layer TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    source_name TEXT NOT NULL,
    feature_count INTEGER NOT NULL,
    report JSONB NOT NULL,
    geojson_gz BYTEA NOT NULL,
    active BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (layer, version)
  );
  CREATE UNIQUE INDEX layer_versions_active ON layer_versions(layer) WHERE active;
  `,
];
