"""The benchmark metric re-implementation, on hand-computed cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import aeb_metric as m  # noqa: E402
import extract_bench  # noqa: E402


def test_tokens_are_unicode_word_runs_with_case_kept() -> None:
    assert m.tokens("Hello, World! Здравей, свят. 日本語") == [
        "Hello",
        "World",
        "Здравей",
        "свят",
        "日本語",
    ]


def test_shingles_short_and_empty_texts() -> None:
    assert m.shingles("") == {}
    assert m.shingles("one two") == {("one", "two"): 1}
    assert m.shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }


def test_score_page_is_normalised_multiset_matching() -> None:
    score = m.score_page("a b c d e", "a b c d x")
    # truth shingles: abcd, bcde; predicted: abcd, bcdx -> tp 1, fp 1, fn 1
    assert score.tp == pytest.approx(1 / 3)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)


def test_empty_prediction_counts_for_recall_not_precision() -> None:
    summary = m.evaluate({"a": "w x y z", "b": "w x y z"}, {"a": "w x y z", "b": ""})
    assert summary.precision == pytest.approx(1.0)
    assert summary.recall == pytest.approx(0.5)
    assert summary.f1 == pytest.approx(2 / 3)
    assert summary.accuracy == pytest.approx(0.5)


def test_both_empty_is_a_perfect_page() -> None:
    score = m.score_page("", "")
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_exact_compares_token_sequences() -> None:
    assert m.exact("Hello,  world", "Hello world!")
    assert not m.exact("Hello world", "hello world")


def test_bench_skips_cleanly_without_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert extract_bench.main(["--data", str(tmp_path / "missing")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_bench_runs_end_to_end_on_a_tiny_benchmark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip
    import json

    body = "The council approved the budget after a long debate on Tuesday evening."
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(
        gzip.compress(f"<html><body><article><p>{body}</p></article></body></html>".encode())
    )
    (tmp_path / "ground-truth.json").write_text(
        json.dumps({"a": {"articleBody": body, "url": "http://example.org/a"}})
    )
    (tmp_path / "reference_outputs").mkdir()
    (tmp_path / "reference_outputs" / "trafilatura.json").write_text(
        json.dumps({"version": "x", "output": {"a": {"articleBody": body}}})
    )
    code = extract_bench.main(
        ["--data", str(tmp_path), "--no-trafilatura", "--passes", "1", "--worst", "1"]
    )
    out = capsys.readouterr().out
    assert code == 1  # the tiny set cannot reproduce the published F1, and says so
    assert "MISMATCH" in out
    assert "newsarchive      1.000   1.000  1.000    1.000" in out
    assert "worst 1 pages" in out
