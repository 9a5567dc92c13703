"""The numpy MinHash of linking/duplicates equals datasketch's affine32 MinHash bit for bit,
so signatures and band keys stored by earlier runs stay comparable."""

import random

import numpy as np
import pytest

from eventscope.linking import duplicates


def _grams(n: int, seed: int) -> set[bytes]:
    rng = random.Random(seed)
    return {" ".join(rng.choice(["a", "b", "c", "d", "e", "f", "g"]) + str(rng.randrange(999))
                     for _ in range(3)).encode() for _ in range(n)}


@pytest.mark.parametrize("n", [8, 40, 2000])
def test_minhash_equals_datasketch_affine32(n):
    datasketch = pytest.importorskip("datasketch", reason="datasketch not installed: no reference")
    grams = _grams(n, n)
    reference = datasketch.MinHash(num_perm=duplicates.NUM_PERM, seed=1, scheme="affine32")
    reference.update_batch(list(grams))
    ours = duplicates.minhash(grams)
    assert ours.dtype == np.uint32
    assert np.array_equal(ours, reference.hashvalues.astype(np.uint32))


def test_pinned_band_key():
    """A fixed text's signature and first band key (catches any change of the scheme)."""
    text = " ".join(f"word{i}" for i in range(30))
    sig = duplicates.signature("d", text)
    assert sig.values[:4].tolist() == PINNED_VALUES
    assert sig.band_keys()[0] == PINNED_KEY


def test_similar_texts_estimate_high_jaccard():
    words = [f"w{i}" for i in range(200)]
    a = duplicates.signature("a", " ".join(words))
    b = duplicates.signature("b", " ".join(words[:190] + ["x"] * 10))
    c = duplicates.signature("c", " ".join(reversed(words)))
    assert a.jaccard(b) > 0.8
    assert a.jaccard(c) < 0.2


PINNED_VALUES = [18775341, 43104574, 72205201, 20870574]
PINNED_KEY = 8874061264658812799
