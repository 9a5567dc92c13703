-- eventscope store schema (DuckDB). Idempotent: run on every open. Documented in SCHEMA.md.
-- No foreign keys on purpose: DuckDB checks them row by row and they block re-writes;
-- integrity comes from write_results() writing a document and its rows in one transaction.

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    inputs            JSON,
    documents_added   INTEGER,
    documents_skipped INTEGER,
    events_added      INTEGER,
    rejected          INTEGER,
    status            VARCHAR NOT NULL,
    config            JSON
);
ALTER TABLE runs ADD COLUMN IF NOT EXISTS config JSON;  -- stores made before runs kept their configuration

CREATE TABLE IF NOT EXISTS documents (
    id          VARCHAR PRIMARY KEY,
    external_id VARCHAR,
    title       VARCHAR,
    date        VARCHAR,
    source      VARCHAR,
    url         VARCHAR,
    origin      VARCHAR,
    lang        VARCHAR,
    text        VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    run_id      VARCHAR
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id  VARCHAR NOT NULL,
    idx     INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS actors (
    doc_id   VARCHAR NOT NULL,
    entity   VARCHAR,
    name     VARCHAR NOT NULL,
    country  VARCHAR,
    sector   VARCHAR,
    text     VARCHAR,
    "start"  INTEGER,
    "end"    INTEGER,
    evidence VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    id               VARCHAR PRIMARY KEY,
    doc_id           VARCHAR NOT NULL,
    sentence         INTEGER NOT NULL,
    span_start       INTEGER,
    span_end         INTEGER,
    source_name      VARCHAR,
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_sector    VARCHAR,
    source_actors    JSON,
    target_name      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_sector    VARCHAR,
    target_actors    JSON,
    cameo            VARCHAR NOT NULL,
    cameo_root       VARCHAR,
    goldstein        DOUBLE,
    quad_class       TINYINT,
    plover           VARCHAR,
    plover_mode      VARCHAR,
    plover_context   VARCHAR,
    date             VARCHAR,
    date_precision   VARCHAR,
    location         VARCHAR,
    location_country VARCHAR,
    location_admin1  VARCHAR,
    location_geonames_id BIGINT,
    location_lat     DOUBLE,
    location_lon     DOUBLE,
    location_precision VARCHAR,
    trigger          VARCHAR,
    confidence       DOUBLE,
    evidence         VARCHAR,
    sentence_text    VARCHAR
);

-- Columns added after the first release: a store made before them gains them on open.
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_admin1 VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_geonames_id BIGINT;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_lat DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_lon DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_precision VARCHAR;

CREATE TABLE IF NOT EXISTS rejections (
    run_id VARCHAR,
    origin VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    "at"   TIMESTAMP NOT NULL
);

-- Lookups by document (a story's sentences and events when its brief is built): without an
-- index on doc_id DuckDB scans the whole table for them, so each batch read more as the store grew.
CREATE INDEX IF NOT EXISTS sentences_doc_id ON sentences (doc_id);
CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);
