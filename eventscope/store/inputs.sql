-- Input files already ingested, so a run over a growing folder reads only what is new.
-- Idempotent: run on every open by eventscope.store.inputs.InputLog. Documented in SCHEMA.md.
CREATE TABLE IF NOT EXISTS input_files (
    path     VARCHAR PRIMARY KEY,  -- absolute path
    size     BIGINT NOT NULL,
    mtime_ns BIGINT NOT NULL,
    sha1     VARCHAR NOT NULL,     -- content hash: a touched but unchanged file is not re-ingested
    run_id   VARCHAR,              -- the run that last ingested it
    seen_at  TIMESTAMP NOT NULL
);
-- A file that gave rejections is read again when the reading options change (--all-languages).
ALTER TABLE input_files ADD COLUMN IF NOT EXISTS rejected INTEGER DEFAULT 0;
ALTER TABLE input_files ADD COLUMN IF NOT EXISTS options VARCHAR;
