"""What the fork server of `scale.pool.ProcessPool` loads once, before forking the workers.

multiprocessing's fork server imports the modules named in its preload list and then forks
each worker process from itself; importing this module there builds the Processor (the
spaCy pipeline, lexicons, classifiers), so every worker starts with it already loaded
instead of loading its own: one load per run instead of one per worker (~2 s of CPU each).
The fork server is a fresh interpreter (spawned, not forked from the run's process, which
holds DuckDB and other threads), and holds no thread of its own when it forks.

It loads only when the run's process asked for it through the PRELOAD variable (the pool
sets it while starting the fork server), which names the dictionaries and the EVENTSCOPE_*
settings the Processor is built with: `ProcessPool`'s workers use it only when those are
what their run asked for, and build their own otherwise. Imported anywhere else: nothing.
"""

from __future__ import annotations

import json
import os

PRELOAD = "EVENTSCOPE_POOL_PRELOAD"
# coded once before forking (invented): what a first document loads on first use (the gazetteer,
# linking's term tables; ~0.15 s of CPU) is then loaded once and shared, not once per worker
WARM_UP = "The foreign minister of Kenya met the president of Chile in Nairobi on Monday and praised the police."


def settings(dictionaries: str | None) -> str:
    """What a pool's Processor is built from: the dictionaries and the EVENTSCOPE_* variables
    of this process (as JSON, compared as text)."""
    env = {k: v for k, v in sorted(os.environ.items()) if k.startswith("EVENTSCOPE_") and k != PRELOAD}
    return json.dumps({"dictionaries": dictionaries, "env": env}, sort_keys=True)


def _load(wanted: str | None):
    if wanted is None:
        return None
    import gc

    from eventscope.pipeline import Processor
    from eventscope.runtime import keep_freed_memory

    keep_freed_memory()  # glibc's settings are inherited by the forked workers
    from eventscope.models import Document

    try:
        processor = Processor(json.loads(wanted)["dictionaries"])
        list(processor.process([Document(id="eventscope-warm-up", text=WARM_UP)]))
    except Exception:  # noqa: BLE001 - the server must live: each worker then builds its own and
        return None  # fails as a spawned one did, and the run reports it in one line
    # Everything built so far stays alive in every worker: moved out of the collector's
    # reach, a collection in a worker does not touch (and so copy) the shared pages.
    gc.freeze()
    return processor


SETTINGS = os.environ.get(PRELOAD)
PROCESSOR = _load(SETTINGS)
