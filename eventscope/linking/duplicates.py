"""Near-duplicate documents: MinHash over word 3-shingles, LSH bands kept in the store.

A syndicated copy or a lightly edited rewrite of a stored (or same-batch) document is not
coded again: it becomes an extra source of the first copy (table document_sources). The
LSH state is a table of band keys (one 64-bit key per document and band), so finding
candidates for a batch is one indexed lookup however many documents the store holds;
candidates are confirmed with the Jaccard similarity estimated from stored signatures.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from eventscope.models import DocumentCopy

NUM_PERM = 128
SEED = 1
# The "affine32" MinHash of datasketch 2.x, written out with numpy: importing datasketch pulls
# in scipy (~1 s of every run's start-up). Stored signatures and band keys are bit-identical
# to datasketch's MinHash(num_perm=128, seed=1, scheme="affine32") (tests/test_minhash.py).
FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
BANDS, ROWS = 32, 4  # candidate pairs from Jaccard ~0.4; (1/32)**(1/4) = 0.42
SHINGLE = 3
DUPLICATE_JACCARD = 0.7  # estimated shingle Jaccard to call two documents copies (light edits: ~0.9;
# two articles sharing three of four sentences: ~0.6, still two articles)
MIN_SHINGLES = 8  # shorter texts share too little to tell a copy from a coincidence
WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the affine permutations h -> a * h + b mod 2**32 (a odd: a bijection)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def minhash(grams) -> np.ndarray:
    """uint32[NUM_PERM]: per permutation, the least permuted (MurmurHash3-finalised) hash."""
    a, b = _permutations()
    # each gram's hash: the first 4 bytes of its SHA-1, little-endian (datasketch's sha1_hash32),
    # read by numpy from the joined digests (a third less time than one int per gram)
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(g).digest()[:4] for g in grams]), dtype="<u4").astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    return (hv * a + b).min(axis=0)


_BAND_PREFIXES = [bytes([band]) for band in range(BANDS)]


@dataclass
class Signature:
    doc_id: str
    values: np.ndarray  # uint32[NUM_PERM]
    _keys: list[int] = field(default_factory=list, repr=False)
    # of a stored signature, the band keys it was found by (the store knows them): find_copies
    # files it under these, not computing its 32 (two thirds of the band keys hashed on ECB+)
    found_by: list[int] | None = field(default=None, repr=False)

    def band_keys(self) -> list[int]:
        """Per band, the first 8 bytes of the BLAKE2b of the band's number and its rows' bytes."""
        if not self._keys:  # (the bytes taken once and sliced: a quarter less time than a slice a band)
            raw, width, blake2b = self.values.tobytes(), ROWS * self.values.itemsize, hashlib.blake2b
            self._keys = [int.from_bytes(blake2b(prefix + raw[band * width:(band + 1) * width], digest_size=8).digest(),
                                         "big", signed=True) for band, prefix in enumerate(_BAND_PREFIXES)]
        return self._keys

    def jaccard(self, other: Signature) -> float:
        return float(np.mean(self.values == other.values))


def shingles(text: str, title: str | None = None) -> set[bytes]:
    words = WORD.findall(((title or "") + " " + text).lower())
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}


def signature(doc_id: str, text: str, title: str | None = None) -> Signature | None:
    """The document's MinHash, or None when it is too short to compare safely."""
    grams = shingles(text, title)
    if len(grams) < MIN_SHINGLES:
        return None
    return Signature(doc_id, minhash(grams))


def from_bytes(doc_id: str, blob: bytes, found_by: list[int] | None = None) -> Signature:
    return Signature(doc_id, np.frombuffer(blob, dtype=np.uint32), found_by=found_by)


def find_copies(documents: list, lookup) -> tuple[list, list[DocumentCopy], list[Signature]]:
    """Split `documents` into (originals to code, copies, signatures of the originals).

    `lookup(band_keys) -> list[Signature]` returns stored documents sharing a band key (each
    with `found_by`, the asked keys it has, or else filed under all its band keys).
    Earlier documents of the same batch count as stored. A document never copies itself
    (a batch re-run after a crash finds its own signature)."""
    originals, copies, kept = [], [], []
    batch_bands: dict[int, list[Signature]] = {}
    signatures = {d.id: signature(d.id, d.text, d.title) for d in documents}
    keys = {k for s in signatures.values() if s for k in s.band_keys()}
    stored: dict[int, list[Signature]] = {}
    for candidate in lookup(sorted(keys)) if keys else []:  # (only the keys asked for are looked up below)
        for key in candidate.band_keys() if candidate.found_by is None else candidate.found_by:
            stored.setdefault(key, []).append(candidate)
    for document in documents:
        sig = signatures[document.id]
        if sig is None:
            originals.append(document)
            continue
        best, best_score = None, DUPLICATE_JACCARD
        seen = set()
        for key in sig.band_keys():
            for other in stored.get(key, []) + batch_bands.get(key, []):
                if other.doc_id == document.id or other.doc_id in seen:
                    continue
                seen.add(other.doc_id)
                score = sig.jaccard(other)
                if score >= best_score:
                    best, best_score = other, score
        if best is not None:
            copies.append(DocumentCopy(best.doc_id, document, best_score))
            continue
        originals.append(document)
        kept.append(sig)
        for key in sig.band_keys():
            batch_bands.setdefault(key, []).append(sig)
    return originals, copies, kept
