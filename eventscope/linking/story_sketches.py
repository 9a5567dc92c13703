"""Upper bounds on a document's similarity to stories the clusterer does not hold in memory, so
that only the stories that could take the document are read back from the store and decoded.

A story's sketch is every term of its summed vector hashed to one of 16,384 buckets, each bucket
with the largest mean weight (weight / members) of its terms rounded *up* to one of 256 levels a
ratio of LEVEL_RATIO apart: 3 bytes a bucket, ~1 KB a story on the bench's 10,000-article store
(3.9 MiB for its 3,898 stories), whose stored vectors are ~4.7 KB each compressed. A
document's mean cosine with the story is the sum over its terms of its weight times the story's
mean weight of the term; taking for each term its bucket's level instead can only be larger
(the weights are never negative, a term absent from the story may share a bucket with one that
is present, never the reverse), so a story whose bound, faded by the dates, stays under the
threshold can never take the document and is neither read nor scored. Exact by construction;
of the 3,068 stories ECB+ articles scored in vain against the 10,000-article bench store it
leaves 11 (4,096 buckets and levels 8% apart left 25; 65,536 buckets 11 too, but a document's
weights by bucket are then four times as long to lay out).
The buckets come from Python's string hash: a sketch lives as long as its process.
"""

from __future__ import annotations

import math

import numpy as np

BUCKETS = 16384  # a document's ~200 terms meet ~4 stray terms of a 330-bucket story, most of them light
LEVEL_RATIO = 1.04  # a level is at most 4% above the weights it stands for
LEVELS = LEVEL_RATIO ** (np.arange(256, dtype=np.float64) - 254)  # 5e-5 .. 1.04 (a mean weight is <= 1)
SKETCH = np.dtype([("bucket", "<u2"), ("level", "u1")])
MARGIN = 1e-9  # the bound's float sums are not the similarity's: a story this close is read


def sketch(terms: dict[str, float], n: int) -> bytes | None:
    """A story's sketch (packed SKETCH entries, by bucket) from its summed vector and size; None
    when its weights do not fit the levels (no bound: the story is always read)."""
    if not terms or n <= 0:
        return b""
    weights = np.fromiter(terms.values(), dtype=np.float64, count=len(terms)) / n
    if not (weights.min() >= 0.0 and weights.max() <= LEVELS[-1]):
        return None
    buckets = np.fromiter([hash(t) % BUCKETS for t in terms], dtype=np.intp, count=len(terms))
    levels = np.clip(np.ceil(np.log(np.maximum(weights, LEVELS[0])) / math.log(LEVEL_RATIO)) + 254, 0, 255).astype(np.intp)
    levels += LEVELS[levels] < weights  # the logarithm's rounding: a level is never under its weight
    order = np.lexsort((levels, buckets))
    buckets, levels = buckets[order], levels[order]
    last = np.append(buckets[1:] != buckets[:-1], True)  # the highest level of each bucket
    packed = np.empty(int(last.sum()), dtype=SKETCH)
    packed["bucket"], packed["level"] = buckets[last], levels[last]
    return packed.tobytes()


def sketches(stories: list[tuple[list[str], np.ndarray, int]]) -> list[bytes | None]:
    """`sketch` of each (terms, their summed weights, members), the same bytes, made in one pass
    over all their terms: a process sketches every stored story before its first batch, and
    made one at a time that was ~150 us a story, most of it numpy's cost per call."""
    out: list[bytes | None] = [b"" for _ in stories]
    kept = [i for i, (words, _, n) in enumerate(stories) if len(words) and n > 0]
    if not kept:
        return out
    sizes = np.array([len(stories[i][0]) for i in kept], dtype=np.intp)
    weights = np.concatenate([np.asarray(stories[i][1], dtype=np.float64) for i in kept]) / np.repeat(
        np.array([stories[i][2] for i in kept], dtype=np.float64), sizes)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    fits = (np.minimum.reduceat(weights, starts) >= 0.0) & (np.maximum.reduceat(weights, starts) <= LEVELS[-1])
    levels = np.clip(np.ceil(np.log(np.maximum(weights, LEVELS[0])) / math.log(LEVEL_RATIO)) + 254, 0, 255).astype(np.intp)
    levels += LEVELS[np.minimum(levels, 255)] < weights  # (a weight out of range makes its story's None)
    buckets = np.fromiter([hash(t) % BUCKETS for i in kept for t in stories[i][0]], dtype=np.intp, count=int(sizes.sum()))
    story = np.repeat(np.arange(len(kept), dtype=np.intp), sizes)
    keys = np.sort((story * BUCKETS + buckets) * 256 + np.minimum(levels, 255))
    last = np.append(keys[1:] >> 8 != keys[:-1] >> 8, True)  # the highest level of each story's bucket
    keys = keys[last]
    packed = np.empty(len(keys), dtype=SKETCH)
    packed["bucket"], packed["level"] = (keys >> 8) % BUCKETS, keys & 255
    ends = np.cumsum(np.bincount((keys >> 8) // BUCKETS, minlength=len(kept))) * SKETCH.itemsize
    blob = packed.tobytes()
    for at, i in enumerate(kept):
        out[i] = blob[ends[at - 1] if at else 0:ends[at]] if fits[at] else None
    return out


class DocumentBuckets:
    """A document's tf-idf vector summed by bucket, to bound its similarity to sketched stories."""

    def __init__(self, vector: dict[str, float]):
        weights = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        self.usable = bool(len(weights) == 0 or weights.min() >= 0.0)
        self.by_bucket = np.bincount(np.fromiter([hash(t) % BUCKETS for t in vector], dtype=np.intp, count=len(vector)),
                                     weights=weights, minlength=BUCKETS)

    def bounds(self, sketches: list[bytes]) -> np.ndarray:
        """Per sketch, an upper bound on the document's mean cosine with that story (inf where the
        document's weights leave none)."""
        if not self.usable:
            return np.full(len(sketches), np.inf)
        entries = np.frombuffer(b"".join(sketches), dtype=SKETCH)
        sums = np.concatenate(([0.0], np.cumsum(self.by_bucket[entries["bucket"]] * LEVELS[entries["level"]])))
        sizes = np.array([len(s) for s in sketches], dtype=np.intp) // SKETCH.itemsize
        ends = np.cumsum(sizes)
        return sums[ends] - sums[ends - sizes]


def could_clear(bound: float, date_factor: float, threshold: float) -> bool:
    """Whether a story with this bound on its mean cosine and this date factor may reach the threshold."""
    return bound * date_factor * (1.0 + MARGIN) + MARGIN >= threshold
