"""What the store's one writer keeps in memory of the link tables, so that a batch's reads
follow the batch and not the store: which band keys are stored (near-copies) and the
document frequencies of recent terms (story clustering). Mixed into `LinkTables`; only the
writer's own writes change these tables, so what it keeps stays exact, and a transaction
that rolls back drops it (`forget_counts`, called by `Store.transaction`)."""

from __future__ import annotations

from collections import OrderedDict
from contextlib import nullcontext

import numpy as np

from eventscope.store.bulk import insert_columns, scanning

# Document frequencies kept by the writer (term_frequencies): ~150 bytes a term with its string.
# 10,000 is about ten batches' terms and 1.5 MB; at 50,000 the cache was never full on the bench
# corpus and grew with the store (14,000 terms at 400 documents, 36,000 at 4,000: +3.5 MB).
DF_CACHE_TERMS = 10_000
# term_df is scanned for a list of terms when it holds at most this many rows per term asked for,
# else looked up in its index: at 40,000 rows (10,000 bench articles) a lookup cost 1.5 ms + ~13 us
# a term and a scan ~90-170 ns a row, so they break even at ~130-250 terms. Bounded by the
# index's cost, a batch's term counts stay flat however large term_df grows.
TERM_SCAN_ROWS_PER_KEY = 100
BAND_MERGE_KEYS = 8192  # band keys written since the last merge into the sorted arrays (~256 documents)


class StoredBands:
    """Every stored band key (doc_lsh) with its document, held by the writer: 64-bit keys in a
    sorted array, each with a 4-byte document number, and the documents' ids; ~12 bytes a key
    (at 4,000 documents 128,000 keys, 1.5 MiB and 0.3 MiB of ids). DuckDB's index on
    doc_lsh.band_key took 1.0 MiB at 400 documents and 4.75 at 4,000, resident once touched,
    and every batch touched it (its rows are appended); with it went a 1 MiB Bloom filter of
    the keys that spared the index the lookups of absent keys. Exact: a key not here is not
    stored. Keys written since the last merge wait in a dict (merged every BAND_MERGE_KEYS)."""

    def __init__(self, keys: np.ndarray, docs: np.ndarray, ids: list[str]):
        """`keys` sorted, `docs[i]` the number of the document of `keys[i]`, `ids[n]` its id."""
        self.keys = np.asarray(keys, dtype=np.int64)
        self.docs = np.asarray(docs, dtype=np.int32)
        self.ids = list(ids)  # document number -> id
        self.recent: dict[int, list[int]] = {}  # key -> document numbers, written since the last merge

    def add(self, doc_id: str, keys) -> None:
        number = len(self.ids)
        self.ids.append(doc_id)
        for key in keys:
            self.recent.setdefault(int(key), []).append(number)
        if len(self.recent) >= BAND_MERGE_KEYS:
            self._merge()

    def _merge(self) -> None:
        """The recent keys into the sorted arrays: only they are sorted, then inserted after the
        stored keys they equal (the arrays a stable sort of old + new would give). Re-sorting
        everything cost a batch 3.4 ms at 1,000 stored documents and 13.4 at 30,000."""
        pairs = [(k, n) for k, numbers in self.recent.items() for n in numbers]
        keys = np.fromiter((k for k, _ in pairs), dtype=np.int64, count=len(pairs))
        docs = np.fromiter((n for _, n in pairs), dtype=np.int32, count=len(pairs))
        order = np.argsort(keys, kind="stable")
        keys, docs = keys[order], docs[order]
        at = np.searchsorted(self.keys, keys, side="right")
        self.keys, self.docs, self.recent = np.insert(self.keys, at, keys), np.insert(self.docs, at, docs), {}

    def documents(self, band_keys: list[int]) -> list[str]:
        """Ids of the stored documents having any of `band_keys`, sorted."""
        return sorted(self.shared(band_keys))

    def shared(self, band_keys: list[int]) -> dict[str, list[int]]:
        """{id: those of `band_keys` it has} of the stored documents having any of them."""
        wanted = np.asarray(band_keys, dtype=np.int64)
        low = np.searchsorted(self.keys, wanted, side="left")
        high = np.searchsorted(self.keys, wanted, side="right")
        found: dict[str, list[int]] = {}
        ids, recent = self.ids, self.recent
        for key, a, b in zip(band_keys, low.tolist(), high.tolist()):
            for n in (self.docs[a:b].tolist() if b > a else ()):
                found.setdefault(ids[n], []).append(key)
            for n in recent.get(key, ()):
                found.setdefault(ids[n], []).append(key)
        return found


class LinkCaches:
    con = None  # the Store's DuckDB connection
    _bands: StoredBands | None = None  # stored_bands(), built on first use
    _story_docs: int | None = None  # link_counts 'story_docs', once read (term_frequencies)
    _df: OrderedDict | None = None  # term -> term_df.df of recent batches' terms (term_frequencies)
    _term_rows: int | None = None  # rows of term_df, about (counted once, then what was written added)

    def stored_bands(self) -> StoredBands:
        """The stored band keys and their documents (read from doc_lsh once per process, then
        kept up to date by `write_duplicates`): what finds a batch's near-copies, with no
        index and no lookup in the store. The one writer keeps it exact; a document whose
        write rolled back may stay listed, and is then not found in doc_minhash."""
        if self._bands is None:  # numbered and sorted by DuckDB: 4,000 documents' keys in ~0.1 s
            ids = [r[0] for r in self.con.execute("SELECT DISTINCT doc_id FROM doc_lsh ORDER BY doc_id").fetchall()]
            rows = self.con.execute("SELECT band_key, (dense_rank() OVER (ORDER BY doc_id) - 1)::INTEGER AS n "
                                    "FROM doc_lsh ORDER BY band_key, n").fetchnumpy()
            self._bands = StoredBands(rows["band_key"], rows["n"], ids)
        return self._bands

    def term_frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]:
        """({term: documents using it} for those of `terms` stored, documents counted). Kept
        for the terms of recent batches (DF_CACHE_TERMS, least recently used out; a term
        never stored as 0) and updated by `write_links`, so a batch looks up only the terms
        the process has not met lately (~1,900 a batch of 256 ECB+ articles), by a scan of term_df
        or its index, whichever costs less (`_scan_terms`). The one writer keeps them exact;
        a rolled-back transaction drops them (`forget_counts`)."""
        if self._df is None:
            self._df = OrderedDict()
        cache = self._df
        missing = sorted(t for t in terms if t not in cache)
        found = {}
        if missing:
            with scanning(self.con) if self._scan_terms(len(missing)) else nullcontext():
                found = dict(self.con.execute("SELECT term, df FROM term_df WHERE term IN (SELECT unnest(?::VARCHAR[]))",
                                              [missing]).fetchall())
        out = {}
        for term in terms:
            df = cache[term] if term in cache else found.get(term, 0)
            cache[term] = df
            cache.move_to_end(term)
            if df:
                out[term] = df
        while len(cache) > DF_CACHE_TERMS:
            cache.popitem(last=False)
        if self._story_docs is None:
            n = self.con.execute("SELECT value FROM link_counts WHERE name = 'story_docs'").fetchall()
            self._story_docs = int(n[0][0]) if n else 0
        return out, self._story_docs

    def _scan_terms(self, keys: int) -> bool:
        """Whether `keys` terms are found in term_df faster by a scan than by its index
        (TERM_SCAN_ROWS_PER_KEY)."""
        if self._term_rows is None:
            self._term_rows = self.con.execute("SELECT count(*) FROM term_df").fetchone()[0]
        return self._term_rows <= TERM_SCAN_ROWS_PER_KEY * keys

    def _write_term_counts(self, df_delta: dict[str, int]) -> None:
        """Add `df_delta` to term_df. While a scan is cheaper than the index, terms the writer knows
        are stored (term_frequencies looked the batch's terms up) are raised by one UPDATE joined
        to the list by a scan, the rest (new terms, or terms it does not know) by an upsert, which
        checks each in the primary-key index: at 2,000 stored articles one upsert of a batch's
        1,889 terms cost 30 ms, the UPDATE of its 1,373 stored ones and the upsert of the 516 new 12."""
        cache = self._df or {}
        stored = {t: k for t, k in df_delta.items() if cache.get(t)}
        if stored and not self._scan_terms(len(stored)):
            stored = {}
        rest = {t: k for t, k in df_delta.items() if t not in stored}
        if stored:
            with scanning(self.con):
                self.con.execute("""UPDATE term_df SET df = term_df.df + c.df
                                    FROM (SELECT unnest(?::VARCHAR[]) AS term, unnest(?::BIGINT[]) AS df) c
                                    WHERE term_df.term = c.term""", [list(stored), list(stored.values())]).fetchall()
        insert_columns(self.con, "term_df", {"term": list(rest), "df": list(rest.values())},
                       "ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df")
        if self._term_rows is not None:
            self._term_rows += len(rest)  # (at most: some of them were stored)

    def _counted(self, df_delta: dict[str, int], n_docs: int) -> None:
        """What write_links added to term_df and link_counts, added to what is kept."""
        cache = self._df or {}
        for term, k in df_delta.items():
            if term in cache:
                cache[term] += k
        if self._story_docs is not None:
            self._story_docs += n_docs

    def forget_counts(self) -> None:
        """Drop what `term_frequencies` keeps (the transaction that changed them rolled back)."""
        self._df = None
        self._story_docs = None
        self._term_rows = None
