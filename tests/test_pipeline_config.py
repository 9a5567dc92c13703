"""One configured pipeline: actors and coding are spaCy components, and each run keeps its config."""

from __future__ import annotations

import json

import duckdb


def test_the_pipeline_shows_its_steps_and_results_are_written_to_the_doc(processor):
    assert processor.nlp.pipe_names[-2:] == ["eventscope_actors", "eventscope_coding"]
    assert "parser" in processor.nlp.pipe_names
    doc = processor.nlp("Russian troops attacked rebels in Chechnya on Monday.")  # bare text: a document of its own
    assert doc._.document.text == doc.text
    assert [a.country for a in doc._.result.actors][:1] == ["RUS"]
    assert doc._.actors is None  # the resolver is freed once the events are coded
    assert [e.cameo[:2] for e in doc._.result.events] == ["19"]


def test_components_are_configured_not_branched():
    from eventscope.coding.coder import Coder
    from eventscope.pipeline import Processor, pipeline_config

    config = pipeline_config()
    coding = config["components"]["eventscope_coding"]
    coding["classifier"] = False
    coding["confidence"] = dict(coding["confidence"], base=0.3)
    plain = Processor(config=config)
    assert isinstance(plain.coder, Coder) and plain.coder.classifier is None
    assert plain.coder.weights.base == 0.3
    assert plain.nlp.vocab is Processor().nlp.vocab  # the model is loaded once per process


def test_each_run_keeps_its_configuration(seed_store):
    con = duckdb.connect(str(seed_store), read_only=True)
    (config,) = con.execute("SELECT config FROM runs").fetchone()
    config = json.loads(config)
    assert config["components"]["eventscope_coding"]["classifier"] is True
    assert config["components"]["eventscope_coding"]["thresholds"]["create"] > 0
    assert config["components"]["eventscope_actors"] == {"dictionaries": None}


def test_a_store_from_before_gets_the_config_column(tmp_path):
    from eventscope.store import Store

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL, "
                "finished_at TIMESTAMP, inputs JSON, documents_added INTEGER, documents_skipped INTEGER, "
                "events_added INTEGER, rejected INTEGER, status VARCHAR NOT NULL)")
    con.close()
    with Store(path) as store:
        run = store.start_run(["x.jsonl"], config={"model": "m"})
        assert json.loads(store.con.execute("SELECT config FROM runs WHERE run_id = ?", [run]).fetchone()[0]) == {"model": "m"}
