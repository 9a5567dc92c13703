"""Reading the stories linking built (mixed into `Store` through `LinkTables`): the story
clusterer's saved state, what a story's brief is built from, and the stories as people read
them (CLI, web app)."""

from __future__ import annotations

import json
from functools import partial
from typing import Callable, Sequence

from eventscope.models import StoryState
from eventscope.store.story_vectors import unpack_terms, unpack_vector


def _story_state(row: dict, terms: dict[str, float] | None) -> StoryState:
    """A story_state row as the clusterer's saved state (`terms` given for an older store)."""
    names = None
    if terms is None:
        terms, names = unpack_vector(row["packed"])
    return StoryState(row["story_id"], row["n"], row["first_date"], row["last_date"], row.get("countries") or "",
                      row.get("seq") or 0, terms, names=names)



class StoryReads:
    con = None  # the Store's DuckDB connection

    def _has_link_tables(self) -> bool:
        return bool(self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'story_documents'").fetchall()[0][0])

    def _rows(self, sql: str, params=None) -> list[dict]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    # -- story clustering state -----------------------------------------------------
    def story_keys(self) -> list[StoryState]:
        """Every story with only its key terms (and size, dates, last change), oldest change first:
        what the clusterer's postings are built from when a process first links."""
        stories: dict[str, StoryState] = {}
        for story_id, n, seq, first, last, term, weight in self.con.execute(
                """SELECT s.story_id, s.n, s.seq, s.first_date, s.last_date, t.term, t.weight FROM story_state s
                   JOIN story_terms t ON t.story_id = s.story_id AND t.is_key
                   ORDER BY s.seq NULLS FIRST, s.story_id""").fetchall():
            story = stories.get(story_id)
            if story is None:
                story = stories[story_id] = StoryState(story_id, n, first, last, "", seq or 0, {})
            story.terms[term] = weight
            story.key_terms.append(term)
        return list(stories.values())

    def story_weights(self, ids: list[str]) -> dict[str, tuple[list[str], Sequence[float], int]]:
        """{story id: (its terms, their summed weights, members)} of those of the given stories
        stored packed (not an older store's JSON), names left out and no dict built: what the
        clusterer's sketch of a story is made from (linking/story_sketches)."""
        out = {}
        for story_id, n, packed in self.con.execute(
                "SELECT story_id, n, packed FROM story_state WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids]).fetchall():
            unpacked = unpack_terms(packed) if packed is not None else None
            if unpacked is not None:
                out[story_id] = (*unpacked, n)
        return out

    def story_vectors_by_id(self, ids: list[str]) -> list[StoryState]:
        """Full state of the given stories (key_terms left empty)."""
        return [decode() for decode in self.stories_by_id(ids).values()]

    def stories_by_id(self, ids: list[str]) -> dict[str, Callable[[], StoryState]]:
        """{story id: a call that decodes its full state} of the given stories, read in one
        query. Decoding a packed vector is ~4/5 of the cost of reading it back, and the
        clusterer reads a batch's likely candidates at once but then scores about half of
        them, so it decodes only those."""
        if len(ids) == 1:  # (most reads now: the stories a document could join, ~0.8 ms against 1.4 as a list)
            states = self._rows("SELECT * FROM story_state WHERE story_id = ?", [ids[0]])
        else:
            states = self._rows("SELECT * FROM story_state WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        terms = {}
        for s in states:
            vector = s.pop("vector", None)
            if s.get("packed") is None and vector:
                terms[s["story_id"]] = json.loads(vector)
        old = [s["story_id"] for s in states if s.get("packed") is None and s["story_id"] not in terms]
        if old:  # a store written before story_state.vector: all terms are in story_terms
            for story_id in old:
                terms[story_id] = {}
            for story_id, term, weight in self.con.execute(
                    "SELECT story_id, term, weight FROM story_terms WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
                    [old]).fetchall():
                terms[story_id][term] = weight
        return {s["story_id"]: partial(_story_state, s, terms.get(s["story_id"])) for s in states}

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
        members_of: dict[str, list[str]] = {}  # (grouped once: a pass over all members per story
        for story_id, doc_id in members:  # was quadratic, 68 stories x 755 members a batch)
            members_of.setdefault(story_id, []).append(doc_id)
        chosen: dict[str, str] = {}  # doc_id -> story_id, the documents a brief is built from
        for story_id in ids:
            docs = sorted((documents[d] for d in members_of.get(story_id, ()) if d in documents),
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
