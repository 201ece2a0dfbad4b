"""simplemma's Bulgarian dictionary opened from the trie cached on disk
(``archive.lemma_dictionary``): the same lemmas as simplemma's own loading, one file
written once and whole, and simplemma's own loading where no file can be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.archive import lemmas
from newsarchive.archive.lemma_dictionary import cached_tries

simplemma = pytest.importorskip("simplemma")
pytest.importorskip("marisa_trie")
from simplemma.strategies import DefaultStrategy  # noqa: E402
from simplemma.strategies.dictionaries import DefaultDictionaryFactory  # noqa: E402

LANG = lemmas.LANG


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder the trie was built in once (a second each time otherwise)."""
    folder = tmp_path_factory.mktemp("cache")
    assert cached_tries(LANG, folder) is not None
    return folder


def _forms() -> list[str]:
    """Every 97th form of the dictionary, and forms it lacks (a made-up article ending,
    a cut word), which simplemma's affix rules decide rather than its lookup."""
    known = list(DefaultDictionaryFactory().get_dictionary(LANG))[::97]
    made_up = [form + "ите" for form in known[::3]] + [
        form[:-1] for form in known[1::3] if len(form) > 1
    ]
    return known + made_up + ["общинските", "русенци", "кметството", "2026", "covid"]


def _cached_lemmatizer(folder: Path) -> simplemma.Lemmatizer:
    tries = cached_tries(LANG, folder)
    assert tries is not None
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=tries))


def test_the_cached_trie_gives_every_form_the_lemma_simplemma_gives(built: Path) -> None:
    forms = _forms()
    cached = _cached_lemmatizer(built)
    assert len(forms) > 3000
    assert [cached.lemmatize(form, lang=LANG) for form in forms] == [
        simplemma.lemmatize(form, lang=LANG) for form in forms
    ]
    assert cached.lemmatize("общината", lang=LANG) == "община"


def test_one_whole_file_is_written_and_opened_again_unchanged(built: Path) -> None:
    files = sorted(path.name for path in built.iterdir())
    assert files == [f"simplemma-{simplemma.__version__}-{LANG}.marisa"]  # (no part left)
    before = (built / files[0]).stat()
    assert _cached_lemmatizer(built).lemmatize("новините", lang=LANG) == "новина"
    after = (built / files[0]).stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_a_file_cut_short_is_written_anew_whole(built: Path, tmp_path: Path) -> None:
    whole = next(built.iterdir())
    cut = tmp_path / whole.name
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert _cached_lemmatizer(tmp_path).lemmatize("новините", lang=LANG) == "новина"
    assert cut.read_bytes() == whole.read_bytes()
    assert [path.name for path in tmp_path.iterdir()] == [whole.name]


def test_another_language_is_no_dictionary_of_this_cache(built: Path) -> None:
    tries = cached_tries(LANG, built)
    assert tries is not None
    with pytest.raises(ValueError, match="'bg'"):
        tries.get_dictionary("ru")


def test_where_no_cache_can_be_written_simplemma_loads_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder under a file (so no user, root included, can make it): no trie,
    and the lemmatizer the archive writes with still lemmatises, as simplemma does."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert cached_tries(LANG, blocker / "cache") is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    lemmatizer = lemmas.Lemmatizer()
    assert lemmatizer.lemma("общинските") == "общински"
    assert lemmatizer.lemma("новините") == "новина"
    assert not (blocker.parent / "cache").exists()


def test_the_archives_lemmatizer_reads_the_trie_in_the_users_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file it finds is the dictionary it reads: a trie written there by hand, of one
    made-up lemma, is what the words are lemmatised by."""
    import marisa_trie

    folder = tmp_path / "newsarchive"
    folder.mkdir()
    made_up = marisa_trie.BytesTrie([("общинските", "измислица".encode())])
    made_up.save(str(folder / f"simplemma-{simplemma.__version__}-{LANG}.marisa"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lemmas.Lemmatizer().lemma("общинските") == "измислица"


def test_a_dictionary_that_cannot_be_read_is_no_empty_trie(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """simplemma's shipped file unreadable: the error simplemma's own loading would
    raise, not a trie of no forms (every word its own lemma, silently), and no part of a
    file left behind."""

    def unreadable(self: object, lang: str) -> object:
        raise OSError(f"{lang}.plzma: cannot be read")

    monkeypatch.setattr(DefaultDictionaryFactory, "get_dictionary", unreadable)
    with pytest.raises(OSError, match="cannot be read"):
        cached_tries(LANG, tmp_path)
    assert list(tmp_path.iterdir()) == []
