"""Store side of linking (eventscope/linking): the tables of schema_links.sql.

Mixed into `Store`, so the store stays the one writer: linking computes rows from what
these methods read, and hands them back to `write_duplicates` / `write_links`, each one
transaction. Reads used per batch are keyed lookups (band keys, terms, actor codes), so
their cost follows the batch, not the size of the store.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import datetime, timezone
from importlib import resources

from eventscope.models import DocumentCopy, LinkBatch, LinkedEvent, Story, StoryGrowth, StoryState
from eventscope.store.bulk import insert_columns, rows_to_columns
from eventscope.store.link_caches import LinkCaches
from eventscope.store.story_vectors import pack_vector, unpack_vector

LINK_TABLES = ("document_sources", "event_links", "linked_events", "stories", "story_documents",
               "story_brief")
# LinkedEvent's fields that are columns of linked_events (trigger and story_id are read from
# events and story_documents; mentions go to event_links).
LINKED_EVENT_COLUMNS = tuple(f.name for f in fields(LinkedEvent)
                             if f.name not in ("trigger", "story_id", "mentions", "stored"))
LINKED_EVENT_READ = tuple(f.name for f in fields(LinkedEvent) if f.name not in ("mentions", "stored"))


def actor_pair(source_code: str | None, target_code: str | None) -> str:
    """linked_events.actor_pair: the key candidate linked events are looked up by."""
    return f"{source_code or ''}|{target_code or ''}"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class LinkTables(LinkCaches):
    con = None  # the Store's DuckDB connection

    def create_link_tables(self) -> None:
        self.con.execute(resources.files("eventscope.store").joinpath("schema_links.sql").read_text("utf-8"))

    def _has_link_tables(self) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'story_documents'").fetchall()[0][0])

    def _rows(self, sql: str, params=None) -> list[dict]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _append(self, table: str, rows: list[dict], conflict: str = "") -> None:
        insert_columns(self.con, table, rows_to_columns(rows), conflict)

    # -- near-duplicates ------------------------------------------------------------
    def lsh_signatures(self, band_keys: list[int]) -> list[tuple[str, bytes]]:
        """(doc_id, signature) of stored documents sharing any of `band_keys`."""
        band_keys = self._maybe_stored(band_keys) if band_keys else []
        if not band_keys:
            return []
        # two steps: as one nested query DuckDB scanned every signature to find the few wanted
        doc_ids = [r[0] for r in self.con.execute(
            "SELECT DISTINCT doc_id FROM doc_lsh WHERE band_key IN (SELECT unnest(?::BIGINT[]))",
            [band_keys]).fetchall()]
        if not doc_ids:
            return []
        return self.con.execute(
            "SELECT doc_id, signature FROM doc_minhash WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY rowid",
            [sorted(doc_ids)]).fetchall()

    def write_duplicates(self, copies: list[DocumentCopy], signatures: list[tuple[str, bytes, list[int]]],
                         stored: set[str] | None = None) -> None:
        """Record copies (document_sources rows) and the signatures of new originals; `stored`:
        those of them whose signature the store already has, when the caller knows (a stored
        signature is found by `lsh_signatures` with the document's own band keys), else looked up."""
        rows = [{"doc_id": c.doc_id, "source": c.copy.source, "url": c.copy.url, "title": c.copy.title,
                 "date": c.copy.date, "origin": c.copy.origin, "similarity": round(c.similarity, 4),
                 "copy_id": c.copy.id} for c in copies]
        with self.transaction():
            self._append("document_sources", rows, "ON CONFLICT DO NOTHING")
            if stored is None:
                stored = {r[0] for r in self.con.execute(  # (an empty list would scan the table)
                    "SELECT doc_id FROM doc_minhash WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                    [[s[0] for s in signatures]]).fetchall()} if signatures else set()
            fresh = [s for s in signatures if s[0] not in stored]
            self._append("doc_minhash", [{"doc_id": d, "signature": blob} for d, blob, _ in fresh])
            bands = [{"band_key": k, "doc_id": d} for d, _, keys in fresh for k in keys]
            self._append("doc_lsh", bands)
            self._remember_bands([b["band_key"] for b in bands])

    def known_copy_ids(self, ids: list[str]) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT copy_id FROM document_sources WHERE copy_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(set(ids))]).fetchall()}

    # -- story clustering state -----------------------------------------------------
    def story_keys(self) -> list[StoryState]:
        """Every story with only its key terms (and size, last change), oldest change first:
        what the clusterer's postings are built from when a process first links."""
        stories: dict[str, StoryState] = {}
        for story_id, n, seq, term, weight in self.con.execute(
                """SELECT s.story_id, s.n, s.seq, t.term, t.weight FROM story_state s
                   JOIN story_terms t ON t.story_id = s.story_id AND t.is_key
                   ORDER BY s.seq NULLS FIRST, s.story_id""").fetchall():
            story = stories.get(story_id)
            if story is None:
                story = stories[story_id] = StoryState(story_id, n, None, None, "", seq or 0, {})
            story.terms[term] = weight
            story.key_terms.append(term)
        return list(stories.values())

    def story_vectors_by_id(self, ids: list[str]) -> list[StoryState]:
        """Full state of the given stories (key_terms left empty)."""
        states = self._rows("SELECT * FROM story_state WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        terms, names = {}, {}
        for s in states:
            packed, vector = s.pop("packed", None), s.pop("vector", None)
            if packed is not None:
                terms[s["story_id"]], names[s["story_id"]] = unpack_vector(packed)
            elif vector:
                terms[s["story_id"]] = json.loads(vector)
        old = [s["story_id"] for s in states if s["story_id"] not in terms]
        if old:  # a store written before story_state.vector: all terms are in story_terms
            for story_id in old:
                terms[story_id] = {}
            for story_id, term, weight in self.con.execute(
                    "SELECT story_id, term, weight FROM story_terms WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                    [old]).fetchall():
                terms[story_id][term] = weight
        return [StoryState(s["story_id"], s["n"], s["first_date"], s["last_date"], s.get("countries") or "",
                           s.get("seq") or 0, terms[s["story_id"]], names=names.get(s["story_id"])) for s in states]

    # -- event linking --------------------------------------------------------------
    def linked_event_candidates_many(self, pairs: list[tuple[str | None, str | None]],
                                     keep=None) -> dict[tuple, list[LinkedEvent]]:
        """Linked events with any of these (source, target) actor codes, in one query (one
        query per pair cost ~3 ms each, hundreds per batch): {pair: linked events in table
        order}. `keep(pair, date, cameo_root, plover)`, when given, says which of them the
        caller can use: only those are read whole."""
        found: dict[tuple, list[LinkedEvent]] = {pair: [] for pair in pairs}
        if not pairs:
            return found
        # keyed reads (the fields `keep` looks at by actor pair, then the kept linked events by
        # id, their triggers by event id, their stories by document): as one query with
        # correlated subqueries, or with the test in SQL, DuckDB scanned the table. Only what
        # `keep` keeps is read whole: every linked event of a batch's actor pairs (thousands
        # in a store of 4,000 documents, more than an index answers) made a scan of the
        # table, the largest read of a batch, and the peak of a run's memory grew with it
        by_key = {actor_pair(*p): p for p in pairs}
        ids = [i for i, key, date, root, plover in self.con.execute(
            "SELECT id, actor_pair, date, cameo_root, plover FROM linked_events "
            "WHERE actor_pair IN (SELECT unnest(?::VARCHAR[]))", [sorted(by_key)]).fetchall()
            if keep is None or keep(by_key[key], date, root, plover)]
        if not ids:
            return found
        rows = self._rows("SELECT rowid AS _row, * FROM linked_events WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                          "ORDER BY rowid", [ids])
        triggers = dict(self.con.execute(
            "SELECT id, any_value(trigger) FROM events WHERE id IN (SELECT unnest(?::VARCHAR[])) GROUP BY id",
            [[row["id"] for row in rows]]).fetchall()) if rows else {}
        stories = dict(self.con.execute(
            """SELECT doc_id, any_value(story_id) FROM story_documents
               WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY doc_id""",
            [sorted({row["first_doc_id"] for row in rows})]).fetchall()) if rows else {}
        for row in rows:
            row["trigger"], row["story_id"] = triggers.get(row["id"]), stories.get(row["first_doc_id"])
        for row in rows:
            wanted = found.get((row["source_code"], row["target_code"]))  # '' and NULL share a key
            if wanted is not None:
                wanted.append(LinkedEvent(**{k: row[k] for k in LINKED_EVENT_READ}, stored=True))
        return found

    def unlinked_documents(self, limit: int = 1000) -> tuple[list[dict], list[dict]]:
        """Stored documents in no story (a run killed between writing a batch and linking
        it), with their events as linking rows: (documents, events)."""
        docs = self._rows("""SELECT id, text, title, date FROM documents
                             WHERE id NOT IN (SELECT doc_id FROM story_documents) ORDER BY date NULLS LAST, id
                             LIMIT ?""", [limit])
        if not docs:
            return [], []
        events = self._rows(
            """SELECT e.id, e.doc_id, e.sentence, d.date AS doc_date, e.date, e.cameo, e.cameo_root,
                      e.quad_class, e.goldstein, e.plover, e.trigger, e.sentence_text, e.source_code, e.target_code,
                      e.source_name, e.target_name, e.location_country, e.location_geonames_id, e.location_precision
               FROM events e JOIN documents d ON d.id = e.doc_id
               WHERE e.doc_id IN (SELECT unnest(?::VARCHAR[]))
                 AND e.id NOT IN (SELECT event_id FROM event_links)
               ORDER BY d.date NULLS LAST, e.doc_id, e.sentence, e.span_start, e.id""", [[d["id"] for d in docs]])
        return docs, events

    # -- brief inputs ---------------------------------------------------------------
    def story_material(self, story_ids: list[str], max_documents: int = 200) -> dict[str, dict]:
        """Per story: its documents (the first `max_documents` by date), candidate brief
        sentences (leads and event sentences), their events, and document / event counts.

        Every read is keyed through an index (story_documents by story, documents by id,
        sentences and events by document), so it reads the stories' own rows: a join or an
        IN-subquery on a column without an index is a scan of the whole table, whose blocks
        then fill DuckDB's cache, and the cost of a batch grew with the store."""
        ids = sorted(set(story_ids))
        material = {i: {"documents": [], "sentences": [], "events": [], "n_documents": 0, "n_events": 0}
                    for i in ids}
        if not ids:
            return material
        members = self.con.execute(
            "SELECT story_id, doc_id FROM story_documents WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall()
        documents = self._documents_by_id([d for _, d in members])
        events = self.con.execute(  # every member's events: counted, and those of the chosen kept
            """SELECT doc_id, sentence, date, date_precision FROM events
               WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY rowid""",
            [sorted({d for _, d in members})]).fetchall() if members else []
        events_of: dict[str, int] = {}
        for row in events:
            events_of[row[0]] = events_of.get(row[0], 0) + 1
        chosen: dict[str, str] = {}  # doc_id -> story_id, the documents a brief is built from
        for story_id in ids:
            docs = sorted((documents[d] for s, d in members if s == story_id and d in documents),
                          key=lambda d: (d["date"] is None, d["date"] or "", d["id"]))
            material[story_id].update(n_documents=len(docs), n_events=sum(events_of.get(d["id"], 0) for d in docs))
            for doc in docs[:max_documents]:
                chosen[doc["id"]] = story_id
                material[story_id]["documents"].append(doc)
        wanted = sorted(chosen)
        event_sentences = set()
        for doc_id, sentence, date, precision in events:
            if doc_id not in chosen:
                continue
            event_sentences.add((doc_id, sentence))
            material[chosen[doc_id]]["events"].append(
                {"doc_id": doc_id, "sentence": sentence, "date": date, "date_precision": precision})
        for doc_id, idx, text in self.con.execute(
                """SELECT doc_id, idx, text FROM sentences
                   WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY rowid""", [wanted]).fetchall() if wanted else []:
            if idx == 0 or (doc_id, idx) in event_sentences:
                material[chosen[doc_id]]["sentences"].append({"doc_id": doc_id, "idx": idx, "text": text})
        return material

    def _documents_by_id(self, ids: list[str]) -> dict[str, dict]:
        """{id: {id, title, date}} of the stored documents among `ids` (a primary-key lookup)."""
        return {row["id"]: row for row in self._rows(
            "SELECT id, title, date FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(set(ids))])}

    # -- writing --------------------------------------------------------------------
    def write_links(self, batch: LinkBatch) -> None:
        """One batch of linking results in one transaction: linked events and their
        mention links, then the story clusterer's new state and memberships."""
        linked = [{**{k: getattr(le, k) for k in LINKED_EVENT_COLUMNS},
                   "actor_pair": actor_pair(le.source_code, le.target_code)} for le in batch.linked]
        mentions = [{"event_id": m.event_id, "linked_event_id": le.id, "reason": m.reason_text}
                    for le in batch.linked for m in le.mentions]
        # the vector goes in compressed (pack_vector): a story's JSON runs to 10 kB, and DuckDB
        # reads long strings back slowly (a keyed read of 40 stories took 1.4 s in a 2,000-story
        # store, 3 ms compressed), so uncompressed vectors made linking slower as the store grew
        story_state = [{"story_id": s.id, "n": s.n, "first_date": s.first_date, "last_date": s.last_date,
                        "countries": s.countries, "seq": s.seq, "vector": None,
                        "packed": pack_vector(s.terms, s.names)} for s in batch.stories]
        story_terms = [{"story_id": s.id, "term": t, "weight": s.terms[t], "is_key": True}
                       for s in batch.stories for t in s.key_terms]
        story_documents = [{"story_id": s, "doc_id": d} for d, s in batch.memberships.items()]
        df_delta, n_docs = batch.df_delta, batch.n_docs
        with self.transaction():
            # new linked events are inserted; a stored one that gained mentions changes only its
            # counts and first report, set by the recount's UPDATE (an ON CONFLICT upsert cost
            # twice a plain INSERT)
            self._append("linked_events", [r for r, le in zip(linked, batch.linked) if not le.stored])
            self._append("event_links", mentions, "ON CONFLICT DO NOTHING")
            self.refresh_linked_counts([r["id"] for r in linked], {
                le.id: (le.first_reported, le.first_doc_id) for le in batch.linked if le.stored})
            self._merge_stories(batch.merged)
            changed = [r["story_id"] for r in story_state]
            if changed:
                self.con.execute("DELETE FROM story_terms WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [changed]).fetchall()
            self._append("story_terms", story_terms)
            self._append("story_state", story_state, "ON CONFLICT (story_id) DO UPDATE SET n = excluded.n, "
                         "first_date = excluded.first_date, last_date = excluded.last_date, "
                         "countries = excluded.countries, seq = excluded.seq, vector = excluded.vector, "
                         "packed = excluded.packed")
            self._append("story_documents", story_documents, "ON CONFLICT DO NOTHING")
            self._append("term_df", [{"term": t, "df": k} for t, k in df_delta.items()],
                         "ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df")
            if n_docs:
                self.con.execute("""INSERT INTO link_counts VALUES ('story_docs', ?)
                                    ON CONFLICT (name) DO UPDATE SET value = link_counts.value + excluded.value""",
                                 [n_docs]).fetchall()
            self._counted(df_delta, n_docs)

    def _merge_stories(self, merged: dict[str, str]) -> None:
        """Stories the clusterer merged (story id -> the story that took in its documents):
        their documents move, their own rows go (the surviving story's brief is rebuilt)."""
        if not merged:
            return
        gone = sorted(merged)
        self.con.execute("""UPDATE story_documents SET story_id = m.keep
                            FROM (SELECT unnest(?::VARCHAR[]) AS gone, unnest(?::VARCHAR[]) AS keep) m
                            WHERE story_documents.story_id = m.gone""", [gone, [merged[g] for g in gone]]).fetchall()
        for table, column in (("story_state", "story_id"), ("story_terms", "story_id"), ("stories", "id"),
                              ("story_brief", "story_id")):
            self.con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [gone]).fetchall()

    def refresh_linked_counts(self, linked_ids: list[str] | None = None,
                              firsts: dict[str, tuple[str | None, str]] | None = None) -> None:
        """Recount mentions, documents and sources (documents + their copies) of the linked
        events `linked_ids` (all when None), and set `firsts` ({id: (first_reported,
        first_doc_id)}) in the same UPDATE. Keyed reads, one per table: their mentions by linked
        event, the mentions' documents by event id, those documents' copies by document (as one
        query, counting copies took a subquery over all of document_sources for every linked event)."""
        firsts = firsts or {}
        if linked_ids is None:
            linked_ids = [r[0] for r in self.con.execute("SELECT id FROM linked_events").fetchall()]
        ids = sorted(set(linked_ids))
        if not ids:
            return
        mentions = self.con.execute(
            "SELECT linked_event_id, event_id FROM event_links WHERE linked_event_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall()
        doc_of = dict(self.con.execute("SELECT id, doc_id FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                       [sorted({e for _, e in mentions})]).fetchall()) if mentions else {}
        copies = dict(self.con.execute(
            "SELECT doc_id, count(*) FROM document_sources WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY doc_id",
            [sorted(set(doc_of.values()))]).fetchall()) if doc_of else {}
        counts: dict[str, list] = {}  # linked event -> [mentions, its documents]
        for linked_id, event_id in mentions:
            if event_id in doc_of:  # a mention of an event no longer stored counts for nothing
                count = counts.setdefault(linked_id, [0, set()])
                count[0] += 1
                count[1].add(doc_of[event_id])
        if not counts and not firsts:
            return
        keys = sorted({*counts, *firsts})
        documents = [len(counts[k][1]) if k in counts else None for k in keys]
        self.con.execute("""UPDATE linked_events SET n_mentions = coalesce(c.n_mentions, linked_events.n_mentions),
                                   n_documents = coalesce(c.n_documents, linked_events.n_documents),
                                   n_sources = coalesce(c.n_sources, linked_events.n_sources),
                                   first_reported = CASE WHEN c.given THEN c.first_reported ELSE linked_events.first_reported END,
                                   first_doc_id = CASE WHEN c.given THEN c.first_doc_id ELSE linked_events.first_doc_id END
                            FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::INTEGER[]) AS n_mentions,
                                         unnest(?::INTEGER[]) AS n_documents, unnest(?::INTEGER[]) AS n_sources,
                                         unnest(?::BOOLEAN[]) AS given, unnest(?::VARCHAR[]) AS first_reported,
                                         unnest(?::VARCHAR[]) AS first_doc_id) c
                            WHERE linked_events.id = c.id""",
                         [keys, [counts[k][0] if k in counts else None for k in keys], documents,
                          [n + sum(copies.get(d, 0) for d in counts[k][1]) if k in counts else None
                           for k, n in zip(keys, documents)],
                          [k in firsts for k in keys], [firsts.get(k, (None, None))[0] for k in keys],
                          [firsts.get(k, (None, None))[1] for k in keys]]).fetchall()

    def linked_ids_of_documents(self, doc_ids: list[str]) -> list[str]:
        """The linked events that mention events of `doc_ids` (keyed: events by document, links by event)."""
        events = [r[0] for r in self.con.execute("SELECT id FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                                                 [sorted(set(doc_ids))]).fetchall()]
        if not events:
            return []
        return [r[0] for r in self.con.execute(
            "SELECT DISTINCT linked_event_id FROM event_links WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(events)]).fetchall()]

    def stale_stories(self) -> list[str]:
        """Stories whose brief was built when they had fewer documents than now."""
        return [r[0] for r in self.con.execute(
            """SELECT s.story_id FROM story_state s LEFT JOIN stories t ON t.id = s.story_id
               WHERE t.brief_n IS DISTINCT FROM s.n ORDER BY s.story_id""").fetchall()]

    def update_story_counts(self, grown: list[StoryGrowth]) -> None:
        """Counts and dates of stories whose brief is not rebuilt this batch."""
        if not grown:
            return
        c = rows_to_columns([asdict(g) for g in grown])
        self.con.execute("""UPDATE stories SET n_documents = c.n_documents, n_events = stories.n_events + c.new_events,
                                   first_date = coalesce(c.first_date, stories.first_date),
                                   last_date = coalesce(c.last_date, stories.last_date), updated_at = ?
                            FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::BIGINT[]) AS n_documents,
                                         unnest(?::BIGINT[]) AS new_events, unnest(?::VARCHAR[]) AS first_date,
                                         unnest(?::VARCHAR[]) AS last_date) c WHERE stories.id = c.id""",
                         [_now(), c["id"], c["n_documents"], c["new_events"], c["first_date"], c["last_date"]]).fetchall()

    def write_story_summaries(self, stories: list[Story]) -> None:
        """Replace the stories rows and briefs of the given stories."""
        now = _now()
        rows = [{"id": s.id, "title": s.title, "first_date": s.first_date, "last_date": s.last_date,
                 "n_documents": s.n_documents, "n_events": s.n_events, "brief_n": s.brief_n, "updated_at": now}
                for s in stories]
        brief = [dict(asdict(b), story_id=s.id) for s in stories for b in s.brief]
        with self.transaction():
            self._append("stories", rows,
                         "ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date, "
                         "last_date = excluded.last_date, n_documents = excluded.n_documents, "
                         "n_events = excluded.n_events, updated_at = excluded.updated_at, brief_n = excluded.brief_n")
            if stories:
                self.con.execute("DELETE FROM story_brief WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [sorted(s.id for s in stories)]).fetchall()
            self._append("story_brief", brief)

    # -- reading for people ---------------------------------------------------------
    def list_stories(self, limit: int = 50) -> list[dict]:
        if not self._has_link_tables():
            return []
        return self._rows("SELECT id, title, first_date, last_date, n_documents, n_events, updated_at FROM stories ORDER BY last_date DESC NULLS LAST, n_documents DESC, id LIMIT ?",
                          [limit])

    def story(self, story_id: str) -> dict | None:
        """A story with its documents (and their copies), brief and timeline, or None."""
        if not self._has_link_tables():
            return None
        found = self._rows("SELECT id, title, first_date, last_date, n_documents, n_events, updated_at FROM stories WHERE id = ?", [story_id])
        if not found:
            return None
        story = found[0]
        story["documents"] = self._rows(
            """SELECT d.id, d.title, d.date, d.source, d.origin,
                      1 + (SELECT count(*) FROM document_sources ds WHERE ds.doc_id = d.id) AS n_sources
               FROM story_documents sd JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id = ?
               ORDER BY d.date NULLS LAST, d.id""", [story_id])
        story["brief"] = self._rows("SELECT idx, text, doc_id, sentence, date FROM story_brief WHERE story_id = ? "
                                    "ORDER BY idx", [story_id])
        story["timeline"] = self._rows(
            """SELECT coalesce(le.date, e.date, d.date) AS date, le.id AS linked_event_id, any_value(e.cameo) AS cameo,
                      any_value(e.plover) AS plover, any_value(e.source_name) AS source, any_value(e.target_name) AS target,
                      any_value(le.n_sources) AS n_sources, min(e.sentence_text) AS text, min(e.doc_id) AS doc_id
               FROM story_documents sd JOIN events e ON e.doc_id = sd.doc_id JOIN documents d ON d.id = e.doc_id
               LEFT JOIN event_links l ON l.event_id = e.id LEFT JOIN linked_events le ON le.id = l.linked_event_id
               WHERE sd.story_id = ?
               GROUP BY coalesce(le.id, e.id), coalesce(le.date, e.date, d.date), le.id
               ORDER BY date NULLS LAST, linked_event_id""", [story_id])
        return story
