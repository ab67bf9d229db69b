// Schema history. Each entry runs once, in order, tracked by PRAGMA user_version.
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    patrol_id TEXT,
    created_at INTEGER NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username),
    kind TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER
  );
  CREATE TABLE patrols (
    id TEXT PRIMARY KEY,
    idx INTEGER NOT NULL UNIQUE,
    device_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    home_street TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE positions (
    patrol_idx INTEGER NOT NULL,
    t INTEGER NOT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    speed REAL NOT NULL,
    heading REAL NOT NULL
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
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    cell TEXT,
    community TEXT,
    street TEXT,
    district TEXT,
    description TEXT NOT NULL,
    address TEXT NOT NULL,
    reporter TEXT NOT NULL,
    patrol_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deadline_at INTEGER NOT NULL,
    closed_at INTEGER,
    overdue INTEGER NOT NULL DEFAULT 0,
    escalation INTEGER NOT NULL DEFAULT 0,
    is_open INTEGER NOT NULL,
    doc TEXT NOT NULL,
    version INTEGER NOT NULL,
    client_ref TEXT UNIQUE
  );
  CREATE INDEX cases_open_deadline ON cases(is_open, deadline_at);
  CREATE INDEX cases_created ON cases(created_at);
  CREATE INDEX cases_closed ON cases(closed_at);
  CREATE INDEX cases_street ON cases(street, is_open);
  CREATE TABLE case_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT,
    from_state TEXT,
    to_state TEXT,
    note TEXT,
    snapshot TEXT NOT NULL
  );
  CREATE INDEX case_events_case ON case_events(case_id, seq);
  CREATE TABLE case_codes (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
  `,
  `
  ALTER TABLE case_events ADD COLUMN command_id TEXT;
  CREATE UNIQUE INDEX case_events_command ON case_events(command_id) WHERE command_id IS NOT NULL;
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL);
  `,
  `
  CREATE INDEX case_events_reopened ON case_events(case_id) WHERE action = 'verify_fail';
  `,
  `
  CREATE INDEX cases_state ON cases(state);
  `,
  `
  -- Version 5 is PostgreSQL's photos / photo_blobs / open311_keys tables. On one machine they stay
  -- in their own files under DATA_DIR (photos/photos.db with the photo files, open311/open311.db),
  -- so this version changes nothing here; it keeps the two histories numbered alike.
  SELECT 1;
  `,
  `
  -- Imported map layers (districts, streets, communities, unit grid, …): every version kept, at most
  -- one active per layer; none active = the committed data/<layer>.geojson.
  CREATE TABLE layer_versions (
    layer TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    source_name TEXT NOT NULL,
    feature_count INTEGER NOT NULL,
    report TEXT NOT NULL,
    geojson_gz BLOB NOT NULL,
    active INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (layer, version)
  );
  CREATE UNIQUE INDEX layer_versions_active ON layer_versions(layer) WHERE active = 1;
  `,
];
