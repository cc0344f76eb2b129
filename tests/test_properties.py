"""Any text in, no exception out, and every offset inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphkit
from graphkit.pipeline.document import build_document

words = st.sampled_from(
    ["Ann", "Bob", "Mr.", "Dr.", "Her", "her", "the", "said", "met", "In", "Lost", "in",
     "Translation", "(", ")", ".", ",", "!", "?", "\n\n", "\n", "'s", "\u2019", "CHAPTER", "I", "—",
     "andBob", "Annwas", "é", "\r\n", '"', "Paris", "St.", "J."]
)  # fmt: skip
texty = st.lists(words, max_size=80).map(" ".join) | st.text(max_size=200)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty)
def test_document_offsets_stay_inside(text):
    doc = build_document(text)
    n = len(doc.text)
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= n
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
        assert (
            doc.paragraphs[s.paragraph].start <= s.start
            and s.end <= doc.paragraphs[s.paragraph].end
        )
    raw = doc.offsets.to_raw([0, n])
    assert 0 <= raw[0] <= raw[1] <= len(text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty)
def test_pipeline_never_fails(text):
    a = graphkit.analyze_text(text)
    for m in a.mentions:
        assert 0 <= m.start < m.end <= len(a.document.text)
        assert m.character in a.graph
    for _, _, d in a.graph.edges(data=True):
        assert all(0 <= s < len(a.document.sentences) for s in d["evidence"])
