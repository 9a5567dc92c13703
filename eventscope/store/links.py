"""Store side of linking (eventscope/linking): the tables of schema_links.sql.

Mixed into `Store`, so the store stays the one writer: linking computes rows from what
these methods read, and hands them back to `write_duplicates` / `write_links`, each one
transaction. Reads used per batch are keyed lookups (band keys, terms, actor codes), so
their cost follows the batch, not the size of the store.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime, timezone
from importlib import resources

from eventscope.models import LinkBatch, LinkedEvent, Story, StoryGrowth
from eventscope.store.bulk import rows_to_columns
from eventscope.store.copies import CopyTables
from eventscope.store.story_reads import StoryReads
from eventscope.store.story_vectors import pack_vector

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


class LinkTables(CopyTables, StoryReads):
    con = None  # the Store's DuckDB connection

    def create_link_tables(self) -> None:
        self.con.execute(resources.files("eventscope.store").joinpath("schema_links.sql").read_text("utf-8"))

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

    def unlinked_documents(self, limit: int = 1000, exclude=frozenset()) -> tuple[list[dict], list[dict]]:
        """Stored documents in no story (a run killed between writing a batch and linking
        it), with their events as linking rows: (documents, events); of the first `limit` of them
        those in `exclude` (the batch about to be linked, written a moment before) are not read."""
        # which ones first, from the ids and dates alone: with the texts in it, the scan of every
        # stored document cost a process's first batch 28 ms at 10,000 documents
        ids = [r[0] for r in self.con.execute("""SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM story_documents)
                                                 ORDER BY date NULLS LAST, id LIMIT ?""", [limit]).fetchall()
               if r[0] not in exclude]  # (a batch's texts read by id cost its first batch 43 ms at 10,000 stored)
        if not ids:
            return [], []
        docs = self._rows("""SELECT id, text, title, date FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))
                             ORDER BY date NULLS LAST, id""", [ids])
        events = self._rows(
            """SELECT e.id, e.doc_id, e.sentence, d.date AS doc_date, e.date, e.cameo, e.cameo_root,
                      e.quad_class, e.goldstein, e.plover, e.trigger, e.sentence_text, e.source_code, e.target_code,
                      e.source_name, e.target_name, e.location_country, e.location_geonames_id, e.location_precision
               FROM events e JOIN documents d ON d.id = e.doc_id
               WHERE e.doc_id IN (SELECT unnest(?::VARCHAR[]))
                 AND e.id NOT IN (SELECT event_id FROM event_links)
               ORDER BY d.date NULLS LAST, e.doc_id, e.sentence, e.span_start, e.id""", [[d["id"] for d in docs]])
        return docs, events

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
            self._write_term_counts(df_delta)
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
        c = rows_to_columns([vars(g) for g in grown])  # (flat records: asdict's deep copy is wasted)
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
        brief = [dict(vars(b), story_id=s.id) for s in stories for b in s.brief]  # (flat: no deep copy)
        with self.transaction():
            self._append("stories", rows,
                         "ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_date = excluded.first_date, "
                         "last_date = excluded.last_date, n_documents = excluded.n_documents, "
                         "n_events = excluded.n_events, updated_at = excluded.updated_at, brief_n = excluded.brief_n")
            if stories:
                self.con.execute("DELETE FROM story_brief WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [sorted(s.id for s in stories)]).fetchall()
            self._append("story_brief", brief)
