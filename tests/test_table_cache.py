"""knowledge.table_cache: a table built once is read back while its files are unchanged, and
never when they changed, when its file is damaged, or when the cache is switched off."""

from __future__ import annotations

import pytest

from eventscope.knowledge import table_cache
from eventscope.knowledge.table_cache import CACHE_DIR, CACHE_SWITCH, cached_table

HEADERS = {"countries.tsv": "iso3\tname\taliases\tdemonyms\tcapital\tseats",
           "places.tsv": "name\tcountry\tkind\taliases",
           "organizations.tsv": "name\taliases\tcountry\tsector\tsector2",
           "people.tsv": "name\taliases\tcountry\tsector\tsector2\trole\tstart\tend",
           "sectors.tsv": "phrase\tsector\tsector2\tpriority\tleads"}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR, str(folder))
    monkeypatch.delenv(CACHE_SWITCH, raising=False)
    return folder


def counted(source):
    """A build that reads `source` and counts its calls."""
    calls = []

    def build():
        calls.append(1)
        return {"words": source.read_text().split()}
    return build, calls


def test_a_table_is_built_once_and_read_back(cache, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("minister summit")
    build, calls = counted(source)
    first = cached_table("words", [source], build)
    again = cached_table("words", [source], build)
    assert first == again == {"words": ["minister", "summit"]}
    assert len(calls) == 1
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["words"]  # no temporary file left


def test_a_changed_data_file_is_rebuilt_not_read(cache, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("minister summit")
    build, calls = counted(source)
    cached_table("words", [source], build)
    source.write_text("minister ceasefire")  # same size, other content
    assert cached_table("words", [source], build) == {"words": ["minister", "ceasefire"]}
    assert len(calls) == 2


def test_a_changed_switch_or_source_file_makes_another_key(cache, tmp_path, monkeypatch):
    source = tmp_path / "words.tsv"
    source.write_text("minister")
    assert table_cache.table_key("words", [source], "derived=True") != table_cache.table_key(
        "words", [source], "derived=False")
    package = tmp_path / "package"
    package.mkdir()
    (package / "module.py").write_text("WORDS = 1\n")
    monkeypatch.setattr(table_cache, "PACKAGE", package)
    table_cache.source_digest.cache_clear()
    try:
        before = table_cache.table_key("words", [source])
        (package / "module.py").write_text("WORDS = 2\n")
        table_cache.source_digest.cache_clear()
        assert table_cache.table_key("words", [source]) != before
    finally:
        table_cache.source_digest.cache_clear()


@pytest.mark.parametrize("damage", ["flip a payload byte", "truncate", "other format", "empty"])
def test_a_damaged_cache_file_is_rebuilt_not_read(cache, tmp_path, damage):
    source = tmp_path / "words.tsv"
    source.write_text("minister summit")
    build, calls = counted(source)
    cached_table("words", [source], build)
    (path,) = cache.iterdir()
    blob = path.read_bytes()
    if damage == "flip a payload byte":
        blob = blob[:-5] + bytes([blob[-5] ^ 1]) + blob[-4:]
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "empty":
        blob = b""
    else:
        blob = b"something else\n" + blob
    path.write_bytes(blob)
    assert cached_table("words", [source], build) == {"words": ["minister", "summit"]}
    assert len(calls) == 2
    assert cached_table("words", [source], build) == {"words": ["minister", "summit"]}
    assert len(calls) == 2  # written again, intact


def test_switched_off_nothing_is_read_or_written(cache, tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_SWITCH, "0")
    source = tmp_path / "words.tsv"
    source.write_text("minister")
    build, calls = counted(source)
    cached_table("words", [source], build)
    cached_table("words", [source], build)
    assert len(calls) == 2
    assert not cache.exists()


def test_a_folder_that_cannot_be_written_only_means_building(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(CACHE_DIR, str(blocker / "cache"))  # under a file: mkdir fails
    source = tmp_path / "words.tsv"
    source.write_text("minister")
    build, calls = counted(source)
    assert cached_table("words", [source], build) == {"words": ["minister"]}
    assert cached_table("words", [source], build) == {"words": ["minister"]}
    assert len(calls) == 2


def test_old_keys_of_a_table_are_pruned(cache, tmp_path):
    source = tmp_path / "words.tsv"
    for n in range(table_cache.KEEP + 2):
        source.write_text(f"minister {n}")
        cached_table("words", [source], counted(source)[0])
        cached_table("words_other", [source], counted(source)[0]) if n == 0 else None
    names = sorted(p.name for p in cache.iterdir())
    assert sum(name.startswith("words-") for name in names) == table_cache.KEEP
    assert sum(name.startswith("words_other-") for name in names) == 1  # another table's file stays


def write_actor_data(folder, person: str) -> None:
    folder.mkdir(exist_ok=True)
    for name, header in HEADERS.items():
        rows = {"countries.tsv": "XKA\tKandaria\t\tKandarian\tKandar\t",
                "people.tsv": f"{person}\t\tXKA\tGOV\t\tMinister of Fisheries\t\t"}.get(name, "")
        (folder / name).write_text(header + "\n" + rows + "\n", encoding="utf-8")


def test_the_actor_lexicon_is_read_anew_when_its_data_changed(cache, tmp_path):
    from eventscope.knowledge.actor_files import _load_lexicon
    from eventscope.knowledge.actor_lexicon import tokenize

    load = _load_lexicon.__wrapped__  # as a new process would, past the per-process cache
    data = tmp_path / "actors"
    write_actor_data(data, "Anna Voss")
    assert load(str(data), False).lookup(tokenize("Anna Voss"))
    assert load(str(data), False).lookup(tokenize("Anna Voss"))  # read back
    write_actor_data(data, "Berta Holm")
    lexicon = load(str(data), False)
    assert lexicon.lookup(tokenize("Berta Holm"))
    assert not lexicon.lookup(tokenize("Anna Voss"))  # the stale table was not used


def test_the_built_in_lexicon_read_back_equals_the_built_one(cache):
    from eventscope.knowledge.actor_files import _build_lexicon, _load_lexicon
    from eventscope.knowledge.tsv import ACTOR_DATA

    _load_lexicon.__wrapped__(None, True)  # built and written
    assert len(list(cache.glob("actor_lexicon-*"))) == 1
    kept = _load_lexicon.__wrapped__(None, True)  # read back
    built = _build_lexicon(ACTOR_DATA, True)
    for attribute in ("table", "pending", "prefixes", "countries", "maxlen"):
        assert getattr(kept, attribute) == getattr(built, attribute), attribute
    assert kept.make_deferred is built.make_deferred
