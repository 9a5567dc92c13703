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
