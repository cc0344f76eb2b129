"""The runner: stages declare what they need and make, and it is checked before any work."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graphkit.errors import OptionError, PipelineError
from graphkit.io.text import SourceText
from graphkit.pipeline.run import STAGES, Options, Stage, check_stages, run_pipeline

SOURCE = SourceText("Ann met Bob. Bob thanked Ann.", "<t>")


def test_the_stages_fit_together():
    check_stages(STAGES)


def test_a_missing_stage_is_refused_before_any_work():
    calls = []
    spy = Stage("document", ("source",), ("document",), lambda source: calls.append(1) or {})
    stages = [spy, *[s for s in STAGES if s.name != "characters"][1:]]
    with pytest.raises(PipelineError, match="stage 'relations' needs 'mentions'"):
        run_pipeline(SOURCE, Options.make(), stages=stages)
    assert calls == []  # nothing ran


def test_a_stage_that_makes_less_than_it_says_is_refused():
    broken = [replace(s, run=lambda source: {}) if s.name == "document" else s for s in STAGES]
    with pytest.raises(PipelineError, match="stage 'document' made"):
        run_pipeline(SOURCE, Options.make(), stages=broken)


def test_every_stage_reports_as_it_ends():
    seen = []
    result = run_pipeline(SOURCE, Options.make(name="t"), on_stage=seen.append)
    assert seen == [s.name for s in STAGES]
    assert result.graph.edges["Ann", "Bob"]["weight"] == 2 and result.name == "t"


def test_options_are_checked_before_the_text_is_read(tmp_path):
    import graphkit

    with pytest.raises(OptionError, match="unknown window"):
        graphkit.analyze(tmp_path / "missing.txt", window="lines")
