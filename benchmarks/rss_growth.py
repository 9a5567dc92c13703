"""Where a run's memory grows: one in-process `eventscope run` with a memory sample every N documents.

    .venv/bin/python benchmarks/rss_growth.py CORPUS [--db F] [--every 400] [--batch-size 8] [--start-from DB]
        [--sql "SET ..."] [--tracemalloc [--dump FILE]]

Each sample (one line) gives the process's resident memory split by kind (anonymous heap,
other anonymous mappings, file-backed: /proc/self/smaps), glibc malloc's own figures
(mallinfo2: bytes in use, bytes free but kept), Python's allocated blocks, DuckDB's buffer
memory by tag (duckdb_memory()), pyarrow's pool, the spaCy caches that grow with the words
met (string store, lemmatizer cache), the story clusterer's postings, and the thread count.
Comparing the first sample with the last says which of them grows with the store. With
--tracemalloc the Python allocations that grew most (by file:line) are listed at the end
(tracemalloc slows the run about 2x and adds its own memory: use it for where, not how much).

The figure `make bench` holds to a target is the peak RSS of a fresh subprocess per corpus
size (benchmarks/bench.py, rows "rss 1x/10x"); this is the tool for finding out why it moves.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MIB = 2**20


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                 "uordblks", "fordblks", "keepcost")]


def glibc_malloc() -> dict[str, int]:
    """glibc's allocator: bytes handed out (in use), kept free inside its arenas, mmapped chunks."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _Mallinfo2
        info = libc.mallinfo2()
    except (OSError, AttributeError):
        return {}
    return {"in_use": info.uordblks + info.hblkhd, "free": info.fordblks, "mmapped": info.hblkhd}


def resident_by_kind() -> dict[str, int]:
    """Resident bytes of this process by mapping kind: brk heap, other anonymous, file-backed."""
    kinds = {"heap": 0, "anon": 0, "file": 0}
    kind = "anon"
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            first = line.split(maxsplit=6)
            if first and "-" in first[0] and len(first) >= 5 and not first[0].endswith(":"):
                name = first[5].strip() if len(first) > 5 else ""
                kind = "heap" if name == "[heap]" else "file" if name.startswith("/") else "anon"
            elif line.startswith("Rss:"):
                kinds[kind] += int(line.split()[1]) * 1024
    return kinds


def threads() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("Threads:"))


def spacy_caches(nlp) -> dict[str, int]:
    out = {"strings": len(nlp.vocab.strings), "lexemes": len(nlp.vocab)}
    if "lemmatizer" in nlp.pipe_names:
        out["lemma_cache"] = len(nlp.get_pipe("lemmatizer").cache)
    return out


def story_postings(store) -> dict[str, int]:
    from eventscope import linking

    index = linking._story_indexes.get(store)
    postings = index.index if index is not None else None
    if postings is None:
        return {}
    return {"stories": len(postings.keys), "terms": len(postings.lists),
            "entries": sum(len(v) // postings.ENTRY.size for v in postings.lists.values())}


def bounded_caches(store) -> dict[str, int]:
    """Fill of the caches bounded by size: who-words of names, story vectors kept between batches."""
    from eventscope import linking
    from eventscope.linking import events

    stories = linking._story_indexes.get(store)
    return {"who_names": len(events._memo.words), "story_cache_terms": stories.cached_terms if stories else 0}


def duckdb_buffers(store) -> dict[str, int]:
    return dict(store.con.execute(
        "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0").fetchall())


def pyarrow_pool() -> int | None:
    if "pyarrow" not in sys.modules:
        return None
    return sys.modules["pyarrow"].total_allocated_bytes()


class PeakWatch(threading.Thread):
    """Polls RSS every few milliseconds; each time it passes its highest so far, notes what the
    main thread is doing (the peak a subprocess is judged by is such a moment, not a sample)."""

    def __init__(self, main: threading.Thread):
        super().__init__(daemon=True)
        self.main_id, self.highest, self.moments, self.docs = main.ident, 0, [], 0

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while True:
            rss = int(open("/proc/self/statm").read().split()[1]) * page
            if rss > self.highest:
                self.highest = rss
                frame = sys._current_frames().get(self.main_id)
                stack = traceback.extract_stack(frame)[-12:] if frame is not None else []
                where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))
                self.moments.append((rss, self.docs, where))
            time.sleep(0.002)


def sample(docs: int, started: float, store, nlp) -> dict:
    statm = open("/proc/self/statm").read().split()
    duck = duckdb_buffers(store)
    return {"docs": docs, "s": round(time.time() - started), "rss": int(statm[1]) * os.sysconf("SC_PAGE_SIZE"),
            "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, **resident_by_kind(),
            "malloc": glibc_malloc(), "py_blocks": sys.getallocatedblocks(),
            "duckdb": sum(duck.values()), "duckdb_tags": duck, "arrow": pyarrow_pool(),
            "spacy": spacy_caches(nlp), "postings": story_postings(store), "caches": bounded_caches(store), "threads": threads()}


def show(row: dict) -> str:
    mb = lambda v: "-" if v is None else f"{v / MIB:.0f}"  # noqa: E731
    malloc = row["malloc"]
    tags = ",".join(f"{k}:{mb(v)}" for k, v in sorted(row["duckdb_tags"].items(), key=lambda kv: -kv[1]) if v >= MIB)
    return (f"{row['docs']:>6} {row['s']:>5}s rss {mb(row['rss'])} peak {mb(row['peak'])} | heap {mb(row['heap'])} "
            f"anon {mb(row['anon'])} file {mb(row['file'])} | malloc used {mb(malloc.get('in_use'))} "
            f"free {mb(malloc.get('free'))} | py_blocks {row['py_blocks']} | duckdb {mb(row['duckdb'])} ({tags}) "
            f"arrow {mb(row['arrow'])} | spacy {row['spacy']} | postings {row['postings']} | caches {row['caches']} "
            f"| threads {row['threads']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--db", type=Path, help="database to write (default: a temporary file)")
    parser.add_argument("--every", type=int, default=400, help="documents between samples")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--start-from", type=Path, help="a store to copy into --db first (a run on a grown store)")
    parser.add_argument("--trim-every", type=int, help="commits between DuckDB cache trims (store default otherwise)")
    parser.add_argument("--sql", action="append", default=[], help="a statement to run on the writer first (e.g. a SET)")
    parser.add_argument("--tracemalloc", action="store_true", help="also list the Python allocations that grew most")
    parser.add_argument("--dump", type=Path, help="with --tracemalloc: write the last snapshot here (compare two runs)")
    args = parser.parse_args()
    if args.tracemalloc:
        import tracemalloc

        tracemalloc.start(1)
    from eventscope import pipeline
    from eventscope.store import Store

    tmp = tempfile.TemporaryDirectory() if args.db is None else None
    db = args.db or Path(tmp.name) / "run.duckdb"
    if db.exists():
        db.unlink()
    if args.start_from:
        shutil.copyfile(args.start_from, db)
    if args.trim_every:
        from eventscope.store import duckdb_store

        duckdb_store.CACHE_TRIM_COMMITS = args.trim_every
    processor = pipeline.Processor()
    store = Store(db)
    for statement in args.sql:
        store.con.execute(statement)
    started, seen, rows, snapshots = time.time(), [0], [], []
    watch = PeakWatch(threading.current_thread())
    watch.start()

    def progress(read: int, _events: int) -> None:
        before, seen[0] = seen[0], seen[0] + read
        watch.docs = seen[0]
        if seen[0] // args.every > before // args.every:
            take()

    def take() -> None:
        gc.collect()
        rows.append(sample(seen[0], started, store, processor.nlp))
        print(show(rows[-1]), flush=True)
        if args.tracemalloc:
            snapshots.append(tracemalloc.take_snapshot())

    pipeline.run([args.corpus], store, batch_size=args.batch_size, on_progress=progress, executor=processor)
    take()
    first, last = rows[0], rows[-1]
    print(f"growth from {first['docs']} to {last['docs']} documents (MiB):")
    for key in ("rss", "peak", "heap", "anon", "file", "duckdb"):
        print(f"  {key:<8} {(last[key] - first[key]) / MIB:+.1f}")
    for key in ("in_use", "free"):
        print(f"  malloc {key:<8} {(last['malloc'].get(key, 0) - first['malloc'].get(key, 0)) / MIB:+.1f}")
    print(f"  python blocks {last['py_blocks'] - first['py_blocks']:+d}")
    print("new highest RSS after the first sample (MiB, documents, main thread innermost first):")
    for rss, docs, where in [m for m in watch.moments if m[1] > first["docs"]][-15:]:
        print(f"  {rss / MIB:.0f} {docs} {where}")
    if args.tracemalloc:
        print("Python allocations that grew most (file:line):")
        for stat in snapshots[-1].compare_to(snapshots[0], "lineno")[:25]:
            print(" ", stat)
        if args.dump:
            snapshots[-1].dump(str(args.dump))
    # what DuckDB holds in all (its buffers, which duckdb_memory() lists, and what it allocates
    # outside them: table and index metadata, update and delete info): the resident memory
    # the writer's connection gives back when it closes, glibc's free memory handed back too
    page = os.sysconf("SC_PAGE_SIZE")
    resident = lambda: int(open("/proc/self/statm").read().split()[1]) * page / MIB  # noqa: E731
    trim = ctypes.CDLL("libc.so.6").malloc_trim
    gc.collect()
    trim(0)
    before = resident()
    store.close()
    gc.collect()
    trim(0)
    print(f"resident {before:.0f} MiB before the store closed, {resident():.0f} after (malloc_trim both): "
          f"DuckDB held {before - resident():.1f}")


if __name__ == "__main__":
    main()
