"""Stable hashes of what eventscope codes from fixed inputs: a refactor must keep them all.

    python tools/output_hash.py                 # every set whose inputs are present
    python tools/output_hash.py seeds petrarch  # only these sets
    python tools/output_hash.py run-tables --workers 2 --batch-size 16   # run's sets with 2 worker processes

Sets: ``seeds`` (../shared/seeds), ``petrarch`` / ``petrarch-dev`` (the PETRARCH unit tests
without / with ../shared/data/dev/petrarch_dictionaries), ``multicoped`` and ``synthetic``
(the first 300 records of the dev files), ``petrarch2`` (the unit tests with the standard
PETRARCH2 dictionaries, ../shared/reference/petrarch2), ``run`` (``eventscope run`` over
examples/ plus 40 bench-corpus articles, hashing the ``events`` and ``actors`` tables), and
``run-tables-examples`` / ``run-tables`` (every table ``run`` writes, linking's included, one
hash each, over examples/ alone and examples/ plus the bench articles; ``run-tables-ecb`` over
the first 200 ECB+ dev texts, real articles that form stories).

Every field of every event, actor mention and sentence goes into a hash, evidence in a
canonical form (its text rendering split into its ``; ``-separated parts), so a change in how
evidence is stored (string, JSON records) does not change the hash while a change in what it
says does. Run ids and timestamps are left out.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
SAMPLE = 300
BENCH_ARTICLES = 40
ECB_ARTICLES = 200
RUN_OPTIONS = {"workers": 1, "batch_size": None}  # how the run sets call `run` (--workers, --batch-size)


def canonical_evidence(value) -> list[str]:
    """Evidence as the list of its parts, whatever its stored form."""
    if value is None:
        return []
    if not isinstance(value, str):  # typed evidence records (models.Evidence)
        from eventscope.models import render_evidence

        value = render_evidence(value)
    elif value.startswith("["):  # stored as JSON records
        from eventscope.models import evidence_from_json, render_evidence

        value = render_evidence(evidence_from_json(value))
    return [part for part in value.split("; ") if part]


def _digest(rows) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()[:16]


def _actor_row(actor) -> dict:
    row = dict(vars(actor))
    row["evidence"] = canonical_evidence(actor.evidence)
    return row


def _result_rows(results):
    for result in results:
        yield {"doc": result.document.id}
        for s in result.sentences:
            yield vars(s)
        for a in result.actors:
            yield _actor_row(a)
        for e in result.events:
            row = {k: v for k, v in vars(e).items() if k not in ("source", "target", "evidence")}
            row["source"] = [_actor_row(a) for a in e.source]
            row["target"] = [_actor_row(a) for a in e.target]
            row["evidence"] = canonical_evidence(e.evidence)
            yield row


def _records(path: Path, n: int | None = None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
            if n is not None and len(out) >= n:
                break
    return out


def code_hash(records: list[dict], dictionaries: Path | None = None) -> tuple[str, int]:
    """Hash of the full results of coding `records` as `eventscope code` does."""
    from eventscope.ingest import document_from_record
    from eventscope.pipeline import Processor

    processor = Processor(dictionaries)
    docs = []
    for record in records:
        doc = document_from_record(record, origin=str(record.get("id", "")), english_only=False) \
            if record.get("text") else None
        if doc is not None and not isinstance(doc, list) and hasattr(doc, "text"):
            docs.append(doc)
    results = list(processor.process(docs))
    return _digest(_result_rows(results)), sum(len(r.events) for r in results)


# Tables `eventscope run` writes, each with an order that does not depend on insertion.
RUN_TABLES = {"documents": "id", "sentences": "doc_id, idx", "actors": "doc_id, start, \"end\", name, text",
              "events": "id", "stories": "id", "story_documents": "doc_id", "story_brief": "story_id, idx",
              "linked_events": "id", "event_links": "event_id", "document_sources": "copy_id"}
VOLATILE = ("run_id", "ingested_at", "updated_at",  # differ between two runs of the same input
            "actor_pair")  # linked_events' lookup key, derived from source_code and target_code


def table_hashes(store, scratch: str = "") -> dict[str, str]:
    """Per table of RUN_TABLES: a hash of its rows (evidence canonical, run ids and times left out,
    the `scratch` folder inputs were written to and the checkout read as "<scratch>" / "<root>" in origins)."""
    out = {}
    for table, key in RUN_TABLES.items():
        cur = store.con.execute(f"SELECT * FROM {table} ORDER BY {key}")
        names = [d[0] for d in cur.description]
        rows = []
        for values in cur.fetchall():
            row = {k: v for k, v in zip(names, values) if k not in VOLATILE}
            if "evidence" in row:
                row["evidence"] = canonical_evidence(row["evidence"])
            origin = row.get("origin")
            if isinstance(origin, str):  # the same whatever folder the checkout is in
                origin = origin.replace(scratch, "<scratch>") if scratch else origin
                row["origin"] = origin.replace(str(ROOT), "<root>")
            rows.append(row)
        out[table] = _digest(rows)
    return out


def run_tables(inputs: list[str]) -> tuple[dict[str, str], int]:
    """Table hashes after `eventscope run` over `inputs` ("examples" and/or "bench": 40 bench-corpus
    articles and a lightly edited copy of the first)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import write_corpus

    from eventscope.pipeline import run
    from eventscope.store.duckdb_store import Store

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        if "examples" in inputs:
            paths.append(ROOT / "examples")
        if "bench" in inputs:
            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, BENCH_ARTICLES)
            first = sorted(corpus.glob("*.txt"))[0]  # and a lightly edited copy (document_sources)
            (corpus / "zz_copy.txt").write_text(first.read_text("utf-8").replace(".", "!", 1), "utf-8")
            paths.append(corpus)
        if "ecb" in inputs:  # real articles that form stories (linking at work), read as JSONL records
            ecb = Path(tmp) / "ecb.jsonl"
            ecb.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n"
                                   for r in _records(DEV / "ecbplus_stories_dev.jsonl", ECB_ARTICLES)), "utf-8")
            paths.append(ecb)
        with Store(Path(tmp) / "h.duckdb") as store:
            options = {"batch_size": RUN_OPTIONS["batch_size"]} if RUN_OPTIONS["batch_size"] else {}
            if RUN_OPTIONS["workers"] > 1:
                from eventscope.scale.pool import ProcessPool

                with ProcessPool(RUN_OPTIONS["workers"]) as pool:
                    run(paths, store, executor=pool, **options)
            else:
                run(paths, store, **options)
            n = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
            return table_hashes(store, tmp), n


def run_hash() -> tuple[str, int]:
    """Hash of the events and actors tables after `eventscope run` over examples/ + a bench corpus."""
    tables, n = run_tables(["examples", "bench"])
    return _digest([tables["events"], tables["actors"]]), n


def _print_tables(name: str, inputs: list[str]) -> tuple[str, int]:
    tables, n = run_tables(inputs)
    for table, digest in tables.items():
        print(f"  {name}.{table:16s} {digest}")
    return _digest(list(tables.values())), n


def seed_records() -> list[dict]:
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((SHARED / "seeds").glob("*.txt"))]


SETS = {
    "seeds": lambda: code_hash(seed_records()),
    "petrarch": lambda: code_hash(_records(DEV / "petrarch_unittest.jsonl")),
    "petrarch-dev": lambda: code_hash(_records(DEV / "petrarch_unittest.jsonl"), DEV / "petrarch_dictionaries"),
    "multicoped": lambda: code_hash(_records(DEV / "multicoped_train.jsonl", SAMPLE)),
    "synthetic": lambda: code_hash(_records(DEV / "synthetic_plover_silver.jsonl", SAMPLE)),
    "petrarch2": lambda: code_hash(_records(DEV / "petrarch_unittest.jsonl"), SHARED / "reference" / "petrarch2"),
    "run": run_hash,
    # every table `run` writes (linking's included), over examples/ alone and examples/ + bench corpus
    "run-tables-examples": lambda: _print_tables("examples", ["examples"]),
    "run-tables": lambda: _print_tables("run", ["examples", "bench"]),
    "run-tables-ecb": lambda: _print_tables("ecb", ["ecb"]),  # the first ECB_ARTICLES ECB+ dev texts
}


def main(names: list[str]) -> None:
    for flag, key in (("--workers", "workers"), ("--batch-size", "batch_size")):
        if flag in names:
            at = names.index(flag)
            RUN_OPTIONS[key] = int(names[at + 1])
            names = names[:at] + names[at + 2:]
    if not SHARED.exists():
        sys.exit("../shared is absent: nothing to hash")
    for name in names or list(SETS):
        try:
            digest, n_events = SETS[name]()
            print(f"{name:13s} {digest}  ({n_events} events)", flush=True)
        except Exception as exc:  # a set that cannot be coded today (e.g. a crashing dictionary)
            print(f"{name:13s} FAILED  ({type(exc).__name__}: {str(exc)[:120]})", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
