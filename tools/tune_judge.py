"""Choose coding.judge's story settings (veto, story recode) by grouped CV on real news, honestly.

    .venv/bin/python tools/train_event_model.py --epochs 4 --fold-models /tmp/event-folds   # first
    .venv/bin/python tools/tune_judge.py --fold-models /tmp/event-folds [--pairs] [--heldout]
    .venv/bin/python tools/tune_judge.py --heldout --veto 0.9   # the heldout split alone

Each article of the real-news dev set's train split is coded once by the whole coder (its
spaCy Doc kept), and each of its events that the encoder would read is judged by the encoder
fold model that never saw the article (fold = hash of the article's group, as in training).
For every setting of the grid the judge's decisions are then replayed (`judge.settle_all`,
then what `Coder.code` and the pipeline do after it) and scored as `eventscope eval` scores.

Nested CV: for each fold the setting is chosen on the other folds' articles (best F1; ties
go to the more conservative setting) and scored on its own articles; summed over the folds,
that is what the choice is worth on articles it was not chosen on. `--pairs` also chooses
which (from, to) class5 pairs may be recoded (a pair is allowed when recoding it alone
raises F1 on the choosing articles). `--heldout` scores the setting chosen on all train
articles once on the heldout split, judged by the shipped model (trained on the train
split only). Needs onnxruntime, no torch.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import event_model_data as D  # noqa: E402

from eventscope.coding import judge  # noqa: E402
from eventscope.coding.judge import JudgeSettings  # noqa: E402

REALNEWS = ROOT / "eval" / "realnews" / "realnews_dev.jsonl"
VETO = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, None)  # p(not done) that withholds; None: no veto
RECODE = (0.6, 0.7, 0.8, 0.9, 0.95, None)  # None: no recode in stories
PAIRS = [(a, b) for a in range(5) for b in range(5) if a != b]


@dataclass
class Article:
    record: dict
    document: object  # models.Document
    doc: object  # its spaCy Doc, kept to place events as the pipeline does
    result: object  # the DocumentResult of the coder (sentences and actors)
    events: list  # the coder's events before the encoder's judgement
    judged: dict  # event index -> Judgement
    fold: int
    model: str
    settled: list | None = None  # a sentence set (an untitled wire item): its events as judged by default
    withheld: list = ()  # the events the coder's rules withheld, as they were when the judge ran


def fold_of(record: dict, folds: int) -> int:
    return D.stable(f"realnews:{record.get('origin', record['id'])}", "fold") % folds


def collect(loaded: list[tuple[dict, object]], encoder_of) -> list[Article]:
    """Code each (record, Document) once with the whole coder; capture its events before the
    judge and the judgement of `encoder_of(record)` on each."""
    from eventscope.coding.selection import is_story_main_event
    from eventscope.pipeline import Processor, pipeline_config

    processor = Processor(config=pipeline_config(encoder=True))
    coder, captured = processor.coder, []

    def capture(document, doc, actors, events, withheld=()):
        sentences = [(s.start_char, s.text) for s in doc.sents]
        judged = judge.judged_events(events, sentences, coder.encoder, keep=is_story_main_event)
        settled = None
        if judge.is_sentence_set(document, len(sentences)):  # the grid is for stories
            settled = judge.revise(document, doc, actors, copy.deepcopy(events), coder.encoder, coder.lexicon,
                                   keep=is_story_main_event)
        captured.append((copy.deepcopy(events), judged, settled, copy.deepcopy(list(withheld))))
        return events

    coder._judged = capture  # the coder's own step, replaced by one that records its input
    articles = []
    for record, document in loaded:
        coder.encoder = encoder_of(record)
        captured.clear()
        doc = next(iter(processor._pipe([document])))  # outside a memory zone: the Doc stays usable
        events, judged, settled, withheld = captured[0]
        articles.append(Article(record, document, doc, doc._.result, events, judged, record.get("_fold", -1),
                                coder.encoder.name, settled, withheld))
    return articles


def replay(article: Article, settings: JudgeSettings | None, withheld: list[dict] | None = None) -> list[dict]:
    """The article's contract events as the pipeline would write them with the encoder
    judging under `settings` (None: the encoder off; a sentence set is judged as by default);
    `withheld` gets the events withheld as not done (the coder's rules' and the veto's), as
    the scorer reads them."""
    from eventscope.coding.coder import filed_events
    from eventscope.coding.modality_codes import withheld_reason
    from eventscope.coding.places import place_events
    from eventscope.evaluation.realnews import contract_with_mentions
    from eventscope.models import DocumentResult

    events = copy.deepcopy(article.events if settings is None or article.settled is None else article.settled)
    held = copy.deepcopy(article.withheld)  # what the rules withheld, as the judge found it
    if settings is not None:  # as judge.revise and Coder._judged
        if article.settled is None and judge.reads_stories(settings):
            events = judge.settle_all(events, article.judged, article.model, settings, sentence_set=False,
                                      withheld=held)
        events = [replace(e, id="") for e in sorted(events, key=lambda e: (e.sentence, e.span[0]))]
    events, held = filed_events(events, held)  # as Coder.code after the judge
    if withheld is not None:
        withheld += [dict(contract_with_mentions(e), withheld=withheld_reason(e)) for e in held]
    result = DocumentResult(article.result.document, article.result.sentences, article.result.actors,
                            events)
    place_events(result, article.doc)
    return [contract_with_mentions(e) for e in result.events]


def score(articles: list[Article], settings: JudgeSettings | None, total=None):
    """The real-news score of `articles` (added into `total` when given)."""
    from eventscope.evaluation.realnews import RealNewsScore, score_article

    total = RealNewsScore() if total is None else total
    for article in articles:
        withheld = []
        events = replay(article, settings, withheld)
        score_article(article.record, events, total, text=article.document.text, withheld_events=withheld)
    return total


def settings_of(veto, recode, pairs=None) -> JudgeSettings:
    return JudgeSettings(veto=veto, story_recode=recode, recode_pairs=pairs)


def choose(articles: list[Article], pairs: bool = False, recodes=RECODE) -> tuple[JudgeSettings, float]:
    """The grid's best setting on `articles` by F1 (ties: higher thresholds, no recode)."""
    best = None
    for veto in VETO:
        for recode in recodes:
            allowed = None
            if pairs and recode is not None:
                alone = score(articles, settings_of(veto, None)).f1
                allowed = frozenset(p for p in PAIRS
                                    if score(articles, settings_of(veto, recode, frozenset([p]))).f1 > alone)
            f1 = score(articles, settings_of(veto, recode, allowed)).f1
            key = (round(f1, 4), 9 if veto is None else veto, 9 if recode is None else recode)
            if best is None or key > best[0]:
                best = (key, settings_of(veto, recode, allowed))
    return best[1], best[0][0]


def describe(settings: JudgeSettings) -> str:
    veto = "none" if settings.veto is None else settings.veto
    pairs = "" if settings.recode_pairs is None else f" pairs {sorted(settings.recode_pairs)}"
    return f"veto {veto}, story recode {settings.story_recode or 'none'}{pairs}"


def line(name: str, s) -> str:
    return (f"  {name:44s} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  type_given_dyad "
            f"{s.type_given_dyad:.3f}  not done as done {s.not_done_as_done}  done withheld {s.done_withheld}  "
            f"events {s.predicted_events}")


def recodes(articles: list[Article], settings: JudgeSettings) -> Counter:
    """(old PLOVER type, new PLOVER type, effect) of each recoded event: effect '+' when the new
    triple is gold and the old was not, '-' the reverse, '=' otherwise; 'vetoed' for vetoes."""
    from eventscope.evaluation.realnews import contract_with_mentions, event_triples

    out = Counter()
    for article in (a for a in articles if a.settled is None):
        gold = set().union(set(), *(event_triples(e) for e in article.record.get("events") or []))
        for k, judgement in article.judged.items():
            before = copy.deepcopy(article.events[k])
            after = judge.settle(copy.deepcopy(before), judgement, "m", settings)
            old = event_triples(contract_with_mentions(before))
            if after is None:
                out[(before.plover or "-", "vetoed", "-" if old & gold else "=")] += 1
            elif after.cameo != before.cameo:
                new = event_triples(contract_with_mentions(after))
                effect = "+" if len(new & gold) > len(old & gold) else "-" if len(new & gold) < len(old & gold) else "="
                out[(before.plover or "-", after.plover or "-", effect)] += 1
    return out


def table(title: str, counts: Counter) -> None:
    print(f"{title} (old type -> new type, effect on a gold triple: count)")
    for (old, new, effect), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"    {old:10s} -> {new:10s} {effect}  {n}")


def load(split: str) -> list[tuple[dict, object]]:
    from eventscope.evaluation.realnews_run import find_shared, load_document

    records = [json.loads(line) for line in REALNEWS.open(encoding="utf-8") if line.strip()]
    shared = find_shared(REALNEWS)
    loaded = [(r, load_document(r["origin"], shared)) for r in records if r.get("split") == split]
    return [(r, d) for r, d in loaded if not isinstance(d, str)]


def main(argv=None) -> int:
    from eventscope.coding.encoder import EventEncoder
    from eventscope.evaluation.realnews import RealNewsScore

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fold-models", type=Path, default=None, help="the encoder fold models (the train split's nested CV)")
    ap.add_argument("--veto", type=float, action="append", default=[],
                    help="also score this veto on the heldout split (repeatable; with --heldout)")
    ap.add_argument("--pairs", action="store_true", help="also choose which class5 pairs may be recoded")
    ap.add_argument("--heldout", action="store_true", help="score the chosen setting once on the heldout split")
    ap.add_argument("--shipped", type=Path, default=None, help="the model that reads the heldout split "
                    "(default: the shipped one, trained on the train split only)")
    args = ap.parse_args(argv)
    if args.fold_models is None:  # the heldout split alone, with the settings asked for
        return heldout_figures(EventEncoder(args.shipped), [JudgeSettings(veto=v) for v in args.veto], None)
    folds = [EventEncoder(p) for p in sorted(args.fold_models.glob("fold*")) if p.is_dir()]
    k = len(folds)
    train = load("train")
    for record, _ in train:
        record["_fold"] = fold_of(record, k)
    articles = collect(train, lambda r: folds[r["_fold"]])
    print(f"real-news train split: {len(articles)} articles, {sum(len(a.judged) for a in articles)} events judged "
          f"by {k} encoder fold models that never saw them")
    print("each veto on all train articles (no story recode; each article judged by a fold model that never saw it):")
    for veto in VETO:
        print(line(f"train split, veto {veto if veto is not None else 'none'}", score(articles, settings_of(veto, None))))
    chosen_settings = []
    for name, grid in (("veto and story recode", RECODE), ("veto only (stories never recoded)", (None,))):
        off, chosen = RealNewsScore(), RealNewsScore()
        print(f"nested CV, {name}: each fold scored with the setting chosen on the other folds' articles")
        for f in range(k):
            settings, f1 = choose([a for a in articles if a.fold != f], args.pairs, grid)
            print(f"  fold {f}: {describe(settings)} (F1 {f1:.3f} where chosen)")
            score([a for a in articles if a.fold == f], None, off)
            score([a for a in articles if a.fold == f], settings, chosen)
        print(line("encoder off", off))
        print(line("encoder on, setting chosen elsewhere", chosen))
        settings, _ = choose(articles, args.pairs, grid)
        chosen_settings.append(settings)
        print(f"  chosen on all train articles: {describe(settings)}")
        print(line("train split, that setting (tuned on it)", score(articles, settings)))
    shipped = JudgeSettings()
    print(f"the shipped default ({describe(shipped)}):")
    print(line("train split, shipped default", score(articles, shipped)))
    wide = chosen_settings[0]  # the full grid's choice on all train articles
    table(f"train split, recodes and vetoes at {describe(wide)}", recodes(articles, wide))
    if args.heldout:
        asked = [JudgeSettings(veto=v) for v in args.veto]
        return heldout_figures(EventEncoder(args.shipped), chosen_settings + [shipped] + asked, wide)
    return 0


def heldout_figures(shipped_model, settings_list: list[JudgeSettings], wide: JudgeSettings | None) -> int:
    """The heldout split's figures, encoder off and under each setting, judged by the shipped model."""
    heldout = collect(load("heldout"), lambda r: shipped_model)
    print(f"heldout split: {len(heldout)} articles, judged by {shipped_model.directory}")
    print(line("heldout, encoder off", score(heldout, None)))
    for settings in dict.fromkeys(settings_list):
        print(line(f"heldout, {describe(settings)}", score(heldout, settings)))
    if wide is not None:
        table(f"heldout split, recodes and vetoes at {describe(wide)}", recodes(heldout, wide))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
