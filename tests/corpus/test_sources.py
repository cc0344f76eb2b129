"""Expanding SOURCES: files, folders, globs, @list files, repeated stems, the output folder."""

from __future__ import annotations

from pathlib import Path

from graphkit.corpus.sources import MARKER, expand_sources, unique_stems


def _stems(texts):
    return [t.stem for t in texts]


def test_folder_is_searched_recursively_for_text_suffixes(corpus_dir: Path):
    (corpus_dir / "notes.md").write_text("Ann met Bob.")
    (corpus_dir / ".hidden").mkdir()
    (corpus_dir / ".hidden" / "secret.txt").write_text("Ann met Bob.")
    (corpus_dir / "play.fountain").write_text("INT. ROOM\n\nANN\nHi.\n")
    texts, missing = expand_sources(corpus_dir)
    assert _stems(texts) == ["letters", "play", "tale", "voyage"]
    assert missing == []


def test_globs_and_list_files(corpus_dir: Path):
    listing = corpus_dir / "list.txt"
    listing.write_text("# my corpus\ntale.txt\n\nshelf/letters.html\nmissing.txt\n")
    texts, missing = expand_sources([f"@{listing}", str(corpus_dir / "v*.txt")])
    assert _stems(texts) == ["letters", "tale", "voyage"]
    assert [(Path(m.path).name, m.reason) for m in missing] == [
        ("missing.txt", "no such file or folder")
    ]
    _, missing = expand_sources([str(corpus_dir / "*.nothing"), f"@{corpus_dir / 'nolist.txt'}"])
    assert sorted(m.reason.split(":")[0] for m in missing) == [
        "cannot read list file",
        "no file matches this pattern",
    ]


def test_a_file_named_twice_is_one_text(corpus_dir: Path):
    tale = corpus_dir / "tale.txt"
    texts, _ = expand_sources([tale, corpus_dir, str(tale)])
    assert _stems(texts).count("tale") == 1


def test_repeated_stems_get_stable_unique_names(tmp_path: Path):
    for book in ("Emma", "Dora"):
        (tmp_path / book).mkdir()
        (tmp_path / book / "novel.txt").write_text("Ann met Bob.")
    (tmp_path / "Emma" / "novel.html").write_text("<p>Ann met Bob.</p>")
    texts, _ = expand_sources(tmp_path)
    assert _stems(texts) == ["novel--Dora", "novel--html--Emma", "novel--txt--Emma"]
    # Adding an unrelated text renames nothing.
    (tmp_path / "other.txt").write_text("Cy met Dan.")
    assert _stems(expand_sources(tmp_path)[0]) == [*_stems(texts), "other"]
    assert unique_stems([Path("a/x.txt"), Path("b/y.txt")]) == ["x", "y"]


def test_output_folder_inside_a_source_is_never_read(corpus_dir: Path):
    out = corpus_dir / "out"
    (out / "texts" / "tale").mkdir(parents=True)
    (out / "texts" / "tale" / "nodes.txt").write_text("id\nAnn\n")
    texts, _ = expand_sources(corpus_dir, exclude=[out])
    assert "nodes" not in _stems(texts)
    # An earlier run's output folder (with its marker) is skipped even when not excluded.
    (out / MARKER).touch()
    assert "nodes" not in _stems(expand_sources(corpus_dir)[0])
