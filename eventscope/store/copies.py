"""Near-copies in the store (mixed into `Store` through `LinkTables`): the MinHash signatures
and LSH band keys of stored documents, and the copies recorded as extra sources."""

from __future__ import annotations

from eventscope.models import DocumentCopy
from eventscope.store.bulk import insert_columns, rows_to_columns
from eventscope.store.link_caches import LinkCaches


class CopyTables(LinkCaches):
    con = None  # the Store's DuckDB connection

    def _append(self, table: str, rows: list[dict], conflict: str = "") -> None:
        insert_columns(self.con, table, rows_to_columns(rows), conflict)

    # -- near-duplicates ------------------------------------------------------------
    def lsh_signatures(self, band_keys: list[int]) -> list[tuple[str, bytes]]:
        """(doc_id, signature) of stored documents sharing any of `band_keys`."""
        return [(doc_id, blob) for doc_id, blob, _ in self.lsh_candidates(band_keys)]

    def lsh_candidates(self, band_keys: list[int]) -> list[tuple[str, bytes, list[int]]]:
        """(doc_id, signature, those of `band_keys` it has) of stored documents sharing any of them."""
        shared = self.stored_bands().shared(band_keys) if band_keys else {}
        if not shared:
            return []
        return [(doc_id, blob, shared[doc_id]) for doc_id, blob in self.con.execute(
            "SELECT doc_id, signature FROM doc_minhash WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY rowid",
            [sorted(shared)]).fetchall()]

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
            # 32 band keys a document: given as columns, not as a dict a row (8,192 a batch of 256)
            bands = {"band_key": [k for _, _, keys in fresh for k in keys],
                     "doc_id": [d for d, _, keys in fresh for _ in keys]}
            insert_columns(self.con, "doc_lsh", bands)
            if self._bands is not None:
                for doc_id, _, keys in fresh:
                    self._bands.add(doc_id, keys)

    def known_copy_ids(self, ids: list[str]) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT copy_id FROM document_sources WHERE copy_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(set(ids))]).fetchall()}

