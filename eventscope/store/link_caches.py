"""What the store's one writer keeps in memory of the link tables, so that a batch's reads
follow the batch and not the store: which band keys are stored (near-copies) and the
document frequencies of recent terms (story clustering). Mixed into `LinkTables`; only the
writer's own writes change these tables, so what it keeps stays exact, and a transaction
that rolls back drops it (`forget_counts`, called by `Store.transaction`)."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

# Document frequencies kept by the writer (term_frequencies): ~150 bytes a term with its string.
# 10,000 is about ten batches' terms and 1.5 MB; at 50,000 the cache was never full on the bench
# corpus and grew with the store (14,000 terms at 400 documents, 36,000 at 4,000: +3.5 MB).
DF_CACHE_TERMS = 10_000
BAND_FILTER_BITS = 1 << 23  # 1 MiB; at 10,000 stored documents (320,000 band keys) 4% of absent keys pass


class LinkCaches:
    con = None  # the Store's DuckDB connection
    _band_bits: np.ndarray | None = None  # band_filter(), built on first use
    _story_docs: int | None = None  # link_counts 'story_docs', once read (term_frequencies)
    _df: OrderedDict | None = None  # term -> term_df.df of recent batches' terms (term_frequencies)

    def band_filter(self) -> np.ndarray:
        """A bit per hashed band key that some stored document has (a Bloom filter with one hash,
        BAND_FILTER_BITS bits, read from doc_lsh once per process): a batch looks up only the
        band keys whose bit is set. An index lookup costs DuckDB ~10 us per key and a batch
        has 64 x 32 keys, nearly all absent in distinct news; the filter never drops a stored
        key (it can only let an absent one through), so what is found does not change."""
        if self._band_bits is None:
            self._band_bits = np.zeros(BAND_FILTER_BITS // 8, dtype=np.uint8)
            keys = self.con.execute("SELECT band_key FROM doc_lsh").fetchnumpy()["band_key"]
            self._remember_bands(keys)
        return self._band_bits

    def _remember_bands(self, keys) -> None:
        """Set the bits of band keys just written (or read at first use)."""
        if self._band_bits is not None and len(keys):
            slots = np.asarray(keys, dtype=np.int64) & (BAND_FILTER_BITS - 1)
            np.bitwise_or.at(self._band_bits, slots >> 3, (1 << (slots & 7)).astype(np.uint8))

    def _maybe_stored(self, band_keys: list[int]) -> list[int]:
        keys = np.asarray(band_keys, dtype=np.int64)
        slots = keys & (BAND_FILTER_BITS - 1)
        present = (self.band_filter()[slots >> 3] >> (slots & 7)) & 1
        return keys[present.astype(bool)].tolist()

    def term_frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]:
        """({term: documents using it} for those of `terms` stored, documents counted). Kept
        for the terms of recent batches (DF_CACHE_TERMS, least recently used out; a term
        never stored as 0) and updated by `write_links`, so a batch looks up only the terms
        the process has not met lately: a keyed lookup cost DuckDB ~10 us a term and a
        batch has ~1,000, more per lookup as term_df grows. The one writer keeps them exact;
        a rolled-back transaction drops them (`forget_counts`)."""
        if self._df is None:
            self._df = OrderedDict()
        cache = self._df
        missing = sorted(t for t in terms if t not in cache)
        found = dict(self.con.execute("SELECT term, df FROM term_df WHERE term IN (SELECT unnest(?::VARCHAR[]))",
                                      [missing]).fetchall()) if missing else {}
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
