"""The Article Extraction Benchmark's scoring, written from its published description.

Kept separate from the bench driver so it can be unit-tested and checked against the
benchmark's stored trafilatura output: if our F1 for that output differs from the published
figure, every number the bench prints is suspect.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    """Every ``\\w+`` run, case kept: the benchmark's language-agnostic tokenizer."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams; a short non-empty text is one shorter shingle."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """Shares of matched, surplus and missing shingles (they sum to 1 unless all are 0)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(truth: str, predicted: str) -> PageScore:
    """Normalised tp/fp/fn so every page weighs the same whatever its length."""
    want, got = shingles(truth), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def exact(truth: str, predicted: str) -> bool:
    """The accuracy criterion: identical token sequences."""
    return tokens(truth) == tokens(predicted)


@dataclass(frozen=True)
class Summary:
    precision: float
    recall: float
    f1: float
    accuracy: float


def summarise(scores: Iterable[PageScore], exacts: Iterable[bool]) -> Summary:
    """Macro averages: precision over non-empty predictions, recall over non-empty truths."""
    pages = list(scores)
    precisions = [s.precision for s in pages if s.tp + s.fp > 0]
    recalls = [s.recall for s in pages if s.tp + s.fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    flags = list(exacts)
    accuracy = sum(flags) / len(flags) if flags else 0.0
    return Summary(p, r, f1, accuracy)


def evaluate(truth: Mapping[str, str], predicted: Mapping[str, str]) -> Summary:
    """Score a whole run; a page missing from ``predicted`` counts as empty output."""
    keys = list(truth)
    scores = [score_page(truth[k], predicted.get(k, "")) for k in keys]
    exacts = [exact(truth[k], predicted.get(k, "")) for k in keys]
    return summarise(scores, exacts)
