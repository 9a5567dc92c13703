"""The event encoder: a fine-tuned MiniLM that judges what kind of act a clause is.

Runs with onnxruntime + tokenizers only (no torch), the optional `encoder` extra
(`pip install 'eventscope[encoder]'`; `require_runtime()` says so in one line). The model, its tokenizer and its label
lists ship under coding/data/models/ (event_encoder.onnx, event_encoder.tokenizer.json,
event_encoder.json) and are rebuilt exactly by tools/train_event_model.py.

An input is a sentence and, optionally, the (start, end) character span of the candidate
trigger the coder proposed; the span is wrapped in marker tokens, as in training, and the
model reads the whole sentence with the mark. Each head (PLOVER type, PLOVER mode, CAMEO
root, Multi-CoPED class5, modality) returns a probability per label.

    encoder = EventEncoder.load()            # lazy: the ONNX session opens on first use
    encoder.predict([("Rebels shelled the town.", (7, 14))])[0]["plover"]  # {"ASSAULT": 0.97, ...}
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import numpy as np

MODEL = "event_encoder.onnx"
TOKENIZER = "event_encoder.tokenizer.json"
META = "event_encoder.json"
OPEN, CLOSE = "[unused1]", "[unused2]"  # MiniLM vocabulary entries that never occur in text
MAX_TOKENS = 96
TOKENIZE_BATCH = 256

Span = tuple[int, int] | None


RUNTIME = ("onnxruntime", "tokenizers")  # the optional `encoder` extra
ENCODER_SWITCH = "EVENTSCOPE_ENCODER"  # "1": pipelines configured without a word on it use the encoder


def switched_on() -> bool:
    """Does the environment turn the encoder on for pipelines whose configuration leaves it open?"""
    return os.environ.get(ENCODER_SWITCH, "0").strip() == "1"


class EncoderUnavailable(ImportError):
    """The configuration turns the encoder on, but its runtime is not installed."""


def require_runtime() -> None:
    """Raise EncoderUnavailable, with a one-line message, unless onnxruntime and tokenizers
    can be imported (checked without importing them)."""
    missing = [name for name in RUNTIME if find_spec(name) is None]
    if missing:
        raise EncoderUnavailable(
            f"the event encoder (coding configuration 'encoder') needs {' and '.join(missing)}: "
            "pip install 'eventscope[encoder]', or turn the encoder off")


def model_dir() -> Path:
    return Path(str(resources.files("eventscope.coding").joinpath("data", "models")))


def marked(sentence: str, span: Span) -> str:
    """The sentence with the span wrapped in marker tokens (the sentence alone when no span
    or a span outside it)."""
    if span is None:
        return sentence
    start, end = span
    if not (0 <= start < end <= len(sentence)):
        return sentence
    return f"{sentence[:start]}{OPEN} {sentence[start:end]} {CLOSE}{sentence[end:]}"


def load_tokenizer(path: str | Path):
    """The encoder's tokenizer: truncating at MAX_TOKENS, markers kept whole."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.add_special_tokens([OPEN, CLOSE])  # in the vocabulary already: ids are kept
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


def encode(tokenizer, texts: list[str]) -> dict[str, np.ndarray]:
    """input_ids, attention_mask (padded to the longest text) and marker: the position of
    the opening marker in each row, 0 ([CLS]) when the text has none."""
    encodings = tokenizer.encode_batch(texts)
    width = max((len(e.ids) for e in encodings), default=1)
    ids = np.zeros((len(texts), width), dtype=np.int64)
    mask = np.zeros((len(texts), width), dtype=np.int64)
    marker = np.zeros(len(texts), dtype=np.int64)
    open_id = tokenizer.token_to_id(OPEN)
    for row, e in enumerate(encodings):
        ids[row, :len(e.ids)] = e.ids
        mask[row, :len(e.ids)] = 1
        if open_id in e.ids:
            marker[row] = e.ids.index(open_id)
    return {"input_ids": ids, "attention_mask": mask, "marker": marker}


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass
class Judgement:
    """The encoder's reading of one clause: head -> label -> probability."""

    heads: dict[str, dict[str, float]]

    def __getitem__(self, head: str) -> dict[str, float]:
        return self.heads[head]

    def best(self, head: str, allowed: list[str] | None = None) -> tuple[str, float]:
        """The most probable label of a head (among `allowed` when given) and its probability."""
        probs = self.heads[head]
        labels = [k for k in probs if allowed is None or k in allowed] or list(probs)
        label = max(labels, key=probs.__getitem__)
        return label, probs[label]

    def mode(self, plover: str) -> tuple[str, float]:
        """The PLOVER mode among those of `plover` ("" = none); ("", 0.0) when the type has none."""
        allowed = [k for k in self.heads.get("mode", {}) if k.split("/", 1)[0] == plover]
        if not allowed:
            return "", 0.0
        label, p = self.best("mode", allowed)
        return label.split("/", 1)[1], p


class EventEncoder:
    """Per-head probabilities for clauses; the ONNX session opens on first use."""

    def __init__(self, directory: str | Path | None = None, threads: int = 1,
                 model_file: str = MODEL):
        self.directory = Path(directory) if directory else model_dir()
        self.threads = threads
        self.model_file = model_file
        self.meta = json.loads((self.directory / META).read_text(encoding="utf-8"))
        self.heads: dict[str, list[str]] = self.meta["heads"]
        self._session = None
        self._tokenizer = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, directory: str | Path | None = None, threads: int = 1) -> "EventEncoder":
        return cls(directory, threads)

    @classmethod
    def available(cls, directory: str | Path | None = None) -> bool:
        d = Path(directory) if directory else model_dir()
        return all((d / name).exists() for name in (MODEL, TOKENIZER, META))

    @property
    def name(self) -> str:
        return f"{self.meta.get('name', 'event-encoder')}@{self.meta.get('version', '?')}"

    def _open(self):
        with self._lock:
            if self._session is None:
                import onnxruntime as ort

                options = ort.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                self._tokenizer = load_tokenizer(self.directory / TOKENIZER)
                self._session = ort.InferenceSession(str(self.directory / self.model_file), options,
                                                     providers=["CPUExecutionProvider"])
        return self._session, self._tokenizer

    def logits(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Raw logits of each head for already-marked texts, in order. Tokenised in batches;
        the model runs one text at a time, unpadded: the int8 model scales its activations
        per tensor, so in a padded batch a clause's reading would move with its neighbours
        (measured: logits up to 0.7 apart), and the same clause must get the same code however
        a corpus is cut into batches. One text per run costs ~15% of the speed of 32."""
        session, tokenizer = self._open()
        names = [o.name for o in session.get_outputs()]
        out: dict[str, list[np.ndarray]] = {name: [] for name in names}
        for start in range(0, len(texts), TOKENIZE_BATCH):
            feeds = encode(tokenizer, texts[start:start + TOKENIZE_BATCH])
            for row, n in enumerate(feeds["attention_mask"].sum(1).tolist()):
                one = {"input_ids": feeds["input_ids"][row:row + 1, :n],
                       "attention_mask": feeds["attention_mask"][row:row + 1, :n],
                       "marker": feeds["marker"][row:row + 1]}
                for name, value in zip(names, session.run(names, one)):
                    out[name].append(value)
        return {name: (np.concatenate(v) if v else np.zeros((0, len(self.heads[name])), dtype=np.float32))
                for name, v in out.items()}

    def predict(self, items: list[tuple[str, Span]]) -> list[Judgement]:
        """One Judgement per (sentence, span) item, in order."""
        logits = self.logits([marked(sentence, span) for sentence, span in items])
        probs = {head: softmax(values) for head, values in logits.items()}
        return [Judgement({head: {label: float(p[row, k]) for k, label in enumerate(self.heads[head])}
                           for head, p in probs.items()})
                for row in range(len(items))]


_shared: dict[Path, EventEncoder] = {}


def judge_clauses(items: list[tuple[str, Span]], directory: str | Path | None = None) -> list[Judgement]:
    """The coder's hook: per-head probabilities for each (sentence, trigger span) of a
    document's clauses that have a candidate actor, with one shared lazily loaded encoder."""
    key = Path(directory) if directory else model_dir()
    if key not in _shared:
        _shared[key] = EventEncoder.load(key)
    return _shared[key].predict(items) if items else []
