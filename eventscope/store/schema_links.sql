-- Linking tables (eventscope/linking, written by eventscope/store/links.py). Idempotent.
-- Documented in SCHEMA.md ("Linking"). Readers must cope with them being empty.

CREATE TABLE IF NOT EXISTS document_sources (
    doc_id     VARCHAR NOT NULL,   -- the canonical document (documents.id)
    source     VARCHAR,
    url        VARCHAR,
    title      VARCHAR,
    date       VARCHAR,
    origin     VARCHAR,
    similarity DOUBLE,             -- estimated Jaccard of word 3-shingles
    copy_id    VARCHAR PRIMARY KEY -- the copy's own content hash
);

CREATE TABLE IF NOT EXISTS doc_minhash (doc_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS doc_lsh (band_key BIGINT NOT NULL, doc_id VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS event_links (event_id VARCHAR PRIMARY KEY, linked_event_id VARCHAR NOT NULL);

CREATE TABLE IF NOT EXISTS linked_events (
    id             VARCHAR PRIMARY KEY,
    cameo          VARCHAR,
    cameo_root     VARCHAR,
    quad_class     TINYINT,
    goldstein      DOUBLE,
    plover         VARCHAR,
    source_code    VARCHAR,
    target_code    VARCHAR,
    date           VARCHAR,
    first_reported VARCHAR,
    first_doc_id   VARCHAR,
    n_mentions     INTEGER,
    n_sources      INTEGER,
    n_documents    INTEGER,
    text           VARCHAR
);

CREATE TABLE IF NOT EXISTS stories (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR,
    first_date  VARCHAR,
    last_date   VARCHAR,
    n_documents INTEGER,
    n_events    INTEGER,
    updated_at  TIMESTAMP
);
CREATE TABLE IF NOT EXISTS story_documents (story_id VARCHAR NOT NULL, doc_id VARCHAR PRIMARY KEY);
CREATE TABLE IF NOT EXISTS story_brief (
    story_id VARCHAR NOT NULL,
    idx      INTEGER NOT NULL,
    text     VARCHAR NOT NULL,
    doc_id   VARCHAR NOT NULL,
    sentence INTEGER,
    date     VARCHAR
);
-- Streaming state of the story clusterer: summed member vectors and term document counts.
CREATE TABLE IF NOT EXISTS story_terms (story_id VARCHAR NOT NULL, term VARCHAR NOT NULL,
                                        weight DOUBLE NOT NULL, is_key BOOLEAN NOT NULL);
CREATE TABLE IF NOT EXISTS story_state (story_id VARCHAR PRIMARY KEY, n INTEGER NOT NULL,
                                        first_date VARCHAR, last_date VARCHAR);
-- Columns added later: a store made before them gains them on open.
ALTER TABLE event_links ADD COLUMN IF NOT EXISTS reason VARCHAR;  -- which fields agreed, or "first report"
ALTER TABLE linked_events ADD COLUMN IF NOT EXISTS source_name VARCHAR;
ALTER TABLE linked_events ADD COLUMN IF NOT EXISTS target_name VARCHAR;
ALTER TABLE linked_events ADD COLUMN IF NOT EXISTS location_country VARCHAR;
ALTER TABLE linked_events ADD COLUMN IF NOT EXISTS location_geonames_id BIGINT;
ALTER TABLE linked_events ADD COLUMN IF NOT EXISTS location_precision VARCHAR;
ALTER TABLE story_state ADD COLUMN IF NOT EXISTS countries VARCHAR;  -- "FRA:2,DEU:1": members naming each country
ALTER TABLE story_state ADD COLUMN IF NOT EXISTS seq BIGINT;  -- stream position of the story's last change
ALTER TABLE stories ADD COLUMN IF NOT EXISTS brief_n INTEGER;  -- documents the story had when its brief was built
ALTER TABLE story_state ADD COLUMN IF NOT EXISTS vector VARCHAR;  -- JSON {term: weight}: the summed member vector (older stores)
ALTER TABLE story_state ADD COLUMN IF NOT EXISTS packed BLOB;  -- the same JSON, zlib-compressed (what is written now)
ALTER TABLE linked_events ADD COLUMN IF NOT EXISTS actor_pair VARCHAR;  -- 'source_code|target_code', the lookup key
UPDATE linked_events SET actor_pair = coalesce(source_code, '') || '|' || coalesce(target_code, '')
WHERE actor_pair IS NULL;  -- rows of a store written before it
CREATE TABLE IF NOT EXISTS term_df (term VARCHAR PRIMARY KEY, df BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS link_counts (name VARCHAR PRIMARY KEY, value BIGINT NOT NULL);
-- Reads and deletes of a batch are keyed (DuckDB answers `col IN (list)` with an index, and
-- scans the whole table without one): a story's documents, key terms and brief by story, a
-- linked event's mentions by linked event.
CREATE INDEX IF NOT EXISTS story_documents_story_id ON story_documents (story_id);
CREATE INDEX IF NOT EXISTS story_terms_story_id ON story_terms (story_id);
CREATE INDEX IF NOT EXISTS story_brief_story_id ON story_brief (story_id);
CREATE INDEX IF NOT EXISTS event_links_linked_event_id ON event_links (linked_event_id);
-- A linked event's sources count its documents' copies, looked up by document.
CREATE INDEX IF NOT EXISTS document_sources_doc_id ON document_sources (doc_id);
-- Linked events a batch's mentions may join are looked up by actor codes. Near-copies are found
-- in the writer's memory (store/link_caches.StoredBands), not by an index on doc_lsh.band_key,
-- which stores made before keep until they are opened for writing: 4.75 MiB resident at 4,000
-- documents, and every batch touched it.
DROP INDEX IF EXISTS doc_lsh_band_key;
CREATE INDEX IF NOT EXISTS linked_events_actor_pair ON linked_events (actor_pair);
