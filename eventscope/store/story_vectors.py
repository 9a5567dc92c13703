"""How story_state.packed holds a story's summed vector and name counts (written by store/links.py,
read by store/story_reads.py)."""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array

VECTOR_MAGIC = b"ESV1"  # story_state.packed in the binary layout (older stores: zlib-compressed JSON)


def pack_vector(terms: dict[str, float], names: dict[str, int] | None) -> bytes:
    """A story's summed vector and name counts as story_state.packed: "ESV1", the two counts
    (uint32 LE), then zlib of float64 weights, int64 counts and the words, one a line, all in
    dict order. Reading it back costs a third of parsing the JSON it replaced (a batch reads
    hundreds of candidate stories) and the floats come back bit for bit."""
    names = names or {}
    words = [*terms, *names]
    text = "\n".join(words)
    if text.count("\n") != max(0, len(words) - 1):
        raise ValueError("a story term or name holds a line break")
    weights, counts = array("d", terms.values()), array("q", names.values())
    if sys.byteorder != "little":
        weights.byteswap()
        counts.byteswap()
    body = weights.tobytes() + counts.tobytes() + text.encode("utf-8")
    return struct.pack("<4sII", VECTOR_MAGIC, len(terms), len(names)) + zlib.compress(body, 6)


def unpack_vector(blob: bytes) -> tuple[dict[str, float], dict[str, int] | None]:
    """(terms, names) of story_state.packed; names None when the vector holds none apart (an
    older store's JSON, where names are terms under `=`; the clusterer splits them)."""
    if blob[:4] != VECTOR_MAGIC:
        return json.loads(zlib.decompress(blob)), None
    _, n_terms, n_names = struct.unpack_from("<4sII", blob)
    body = zlib.decompress(memoryview(blob)[12:])
    weights, counts = array("d"), array("q")
    weights.frombytes(body[:8 * n_terms])
    counts.frombytes(body[8 * n_terms:8 * (n_terms + n_names)])
    if sys.byteorder != "little":
        weights.byteswap()
        counts.byteswap()
    words = body[8 * (n_terms + n_names):].decode("utf-8").split("\n") if n_terms + n_names else []
    return dict(zip(words[:n_terms], weights)), (dict(zip(words[n_terms:], counts)) if n_names else None)


def unpack_terms(blob: bytes) -> tuple[list[str], array] | None:
    """(terms, their weights) of story_state.packed, names left out and no dict built (what a
    story's sketch is made from); None for an older store's JSON."""
    if blob[:4] != VECTOR_MAGIC:
        return None
    _, n_terms, n_names = struct.unpack_from("<4sII", blob)
    body = zlib.decompress(memoryview(blob)[12:])
    weights = array("d")
    weights.frombytes(body[:8 * n_terms])
    if sys.byteorder != "little":
        weights.byteswap()
    words = body[8 * (n_terms + n_names):].decode("utf-8").split("\n", n_terms)[:n_terms] if n_terms else []
    return words, weights
