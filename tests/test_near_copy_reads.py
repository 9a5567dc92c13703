"""A batch's near-copy check files the stored signatures it reads under the band keys the writer
already knows them by (StoredBands.shared), instead of hashing each one's 32 band keys again."""

from __future__ import annotations

import numpy as np

from eventscope import linking
from eventscope.linking import duplicates
from eventscope.store import Store
from eventscope.store.link_caches import StoredBands
from test_linking import SEED, doc, light_edits


def test_stored_bands_say_which_asked_keys_each_document_has():
    bands = StoredBands(np.array([-5, 3, 3, 9], dtype=np.int64), np.array([0, 0, 1, 1], dtype=np.int32), ["a", "b"])
    bands.add("c", [3, 11])  # written later: waits in `recent`
    assert bands.shared([3, 9, 11, 40]) == {"a": [3], "b": [3, 9], "c": [3, 11]}
    assert bands.shared([40]) == {} and bands.documents([9, 11]) == ["b", "c"]


def test_a_copy_of_a_stored_document_is_found_without_hashing_the_stored_band_keys(tmp_path, monkeypatch):
    original, copy = doc(SEED), doc(light_edits(SEED)[0])
    with Store(tmp_path / "es.duckdb") as store:
        with store.transaction():
            assert linking.divert_duplicates([original], store) == [original]
        hashed = []
        band_keys = duplicates.Signature.band_keys
        monkeypatch.setattr(duplicates.Signature, "band_keys", lambda self: hashed.append(self.doc_id) or band_keys(self))
        with store.transaction():
            assert linking.divert_duplicates([copy], store) == []  # a copy: an extra source
        assert store.con.execute("SELECT doc_id, copy_id FROM document_sources").fetchall() == [(original.id, copy.id)]
        assert set(hashed) == {copy.id}  # the stored original's keys came from the writer's memory
