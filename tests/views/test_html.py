"""The interactive view (network.html): static checks always, behaviour in headless Chromium.

The browser tests drive Debian's chromium (``/usr/bin/chromium``) with Playwright, with
every non-file request aborted and recorded; they skip when either is missing.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import graphkit
from graphkit.pipeline.conversation import with_quotes
from graphkit.views.html import render_html, view_data
from tests.conftest import HER, shared_file

HOSTILE = ["</script><script>alert(1)", '"><img src=x onerror=alert(1)>']
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def her_page(her_cast) -> str:
    return render_html(her_cast)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> graphkit.Analysis:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(
        f"Ann met {HOSTILE[0]} at the door. Later {HOSTILE[1]} and Ann talked. "
        f"Bob & Ann <b>laughed</b> with {HOSTILE[0]}.\u2028\n",
        encoding="utf-8",
    )
    (folder / "hostile.cast.yml").write_text(
        "".join(f"- name: {json.dumps(n)}\n  kind: character\n" for n in [*HOSTILE, "Ann", "Bob"]),
        encoding="utf-8",
    )
    a = graphkit.analyze(folder / "hostile.txt")
    assert set(HOSTILE) <= set(a.graph)
    return a


def _names(count: int) -> list[str]:
    first = ["Bor", "Kal", "Mer", "Tav", "Zul", "Dre", "Fin", "Gov", "Hal", "Jor"]
    second = ["avin", "ethor", "imund", "oran", "ustel", "ardo", "esko", "ilva", "ombar", "ynth"]
    third = ["", "a", "o", "is"]
    return [f"{first[i % 10]}{second[i // 10 % 10]}{third[i // 100]}" for i in range(count)]


@pytest.fixture(scope="module")
def two_hundred(tmp_path_factory) -> graphkit.Analysis:
    """A made-up text with 200 characters and a few thousand evidence sentences."""
    import random

    rng = random.Random(13)
    names = _names(200)
    filler = "walked along the grey river in the long evening and spoke about the harvest"
    chapters = []
    for c in range(20):
        lines = []
        for _ in range(150):
            a, b = rng.sample(names[: 40 + 8 * c], 2)
            lines.append(f"{a} {filler} with {b}.")
        chapters.append(f"CHAPTER {c + 1}\n\n" + " ".join(lines))
    meetings = [f"{a} met {b}." for a, b in zip(names, names[1:], strict=False)]
    chapters.append("CHAPTER 21\n\n" + " ".join(meetings))
    folder = tmp_path_factory.mktemp("two_hundred")
    (folder / "many.txt").write_text("\n\n".join(chapters) + "\n", encoding="utf-8")
    (folder / "many.cast.csv").write_text(
        "name,aliases,kind,work\n" + "".join(f"{n},,character,\n" for n in names), encoding="utf-8"
    )
    return graphkit.analyze(folder / "many.txt")


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in {"src", "href", "action", "poster", "srcset", "data"}:
                self.refs.append((tag, key, value or ""))
        if tag == "script":
            self.scripts.append(dict(attrs))


def _data(page: str) -> str:
    m = re.search(r'<script type="application/json" id="graphkit-data">(.*?)</script>', page, re.S)
    assert m
    return m.group(1)


# ---- static --------------------------------------------------------------


def test_page_is_self_contained(her_page):
    parser = _Refs()
    parser.feed(her_page)
    assert not [r for r in parser.refs if not r[2].startswith(("#", "data:"))]
    assert all("src" not in s for s in parser.scripts)
    assert len(parser.scripts) == 3  # library, data, view
    assert not re.search(r"url\s*\(", her_page)
    assert not re.search(r"@import|\bimport\s*\(|^\s*import\s", her_page, re.M)
    assert "default-src 'none'" in her_page  # the browser would refuse any request too
    library = (Path(graphkit.__file__).parent / "data" / "vendor" / "cytoscape.min.js").read_text(
        encoding="utf-8"
    )
    assert library in her_page


def test_data_is_escaped_and_round_trips(hostile):
    page = render_html(hostile)
    raw = _data(page)
    assert not set(raw) & {"<", ">", "&", "\u2028", "\u2029"}
    data = json.loads(raw)
    assert set(HOSTILE) <= {n["label"] for n in data["nodes"]}
    assert any(HOSTILE[0] in s for s in data["sentences"])
    outside = page.replace(raw, "")
    for name in HOSTILE:
        assert name not in outside
    assert "<img" not in outside
    assert outside.count("</script>") == 3


def test_same_analysis_same_bytes(her_cast):
    again = graphkit.analyze(HER)
    assert render_html(her_cast) == render_html(her_cast) == render_html(again)
    assert "network.html" in graphkit.analysis.OUTPUT_FILES


def test_every_sentence_once_and_names_marked(her_cast):
    data = view_data(her_cast)
    assert len(data["sentences"]) == len(set(data["sentences"]))
    index = {n["id"]: i for i, n in enumerate(data["nodes"])}
    edge = next(
        e for e in data["edges"] if {e["s"], e["t"]} == {index["Theodore"], index["Catherine"]}
    )
    assert len(edge["ev"]) == her_cast.graph.edges["Theodore", "Catherine"]["weight"]
    for k in edge["ev"]:
        text, marks = data["sentences"][k], data["marks"][k]
        spans = {
            text[a:b]
            for a, b, node in zip(marks[::3], marks[1::3], marks[2::3], strict=True)
            if node == index["Catherine"]
        }
        assert spans == {"Catherine"}


def test_positions_follow_the_png_layout(her_cast):
    from graphkit.views.layout import layout

    data = view_data(her_cast)
    pos = layout(her_cast.graph)  # 13 nodes: network.png draws them all with this layout
    first, second = data["nodes"][0], data["nodes"][1]
    (x1, y1), (x2, y2) = pos[first["id"]], pos[second["id"]]
    assert (first["x"] - second["x"]) * (x1 - x2) >= 0 and (first["y"] - second["y"]) * (
        y1 - y2
    ) <= 0
    ratio = (first["x"] - second["x"]) / (x1 - x2)
    assert ratio == pytest.approx(data["nodes"][2]["x"] / pos[data["nodes"][2]["id"]][0], rel=0.01)


def test_two_hundred_nodes_below_one_and_a_half_megabytes(two_hundred):
    assert two_hundred.graph.number_of_nodes() == 200
    assert len(render_html(two_hundred).encode("utf-8")) < 1.5e6


def test_to_html_show_and_cli(her_cast, tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import main

    written = her_cast.to_html(tmp_path / "her.html")
    assert written.read_text(encoding="utf-8") == render_html(her_cast)
    shown = her_cast.show()._repr_html_()
    assert "<iframe srcdoc=" in shown and "<script" not in shown
    out = tmp_path / "cli.html"
    result = CliRunner().invoke(main, ["view", str(HER), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == written.read_bytes()
    result = CliRunner().invoke(main, ["view", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 1 and "Error:" in result.output


# ---- in a browser ----------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A page loaded from disk with the network blocked; what it tried is recorded."""

    def __init__(self, browser, html: str, tmp_path: Path, name: str = "view.html") -> None:
        self.path = tmp_path / name
        self.path.write_text(html, encoding="utf-8")
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(self.path.as_uri())
        self.page.wait_for_selector("body[data-ready]", timeout=60_000)

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def counts(self) -> tuple[int, int]:
        body = self.page.locator("body")
        return int(body.get_attribute("data-nodes")), int(body.get_attribute("data-edges"))

    def close(self) -> None:
        assert not self.requests, self.requests
        assert not self.errors, self.errors
        self.context.close()


@pytest.fixture
def her_view(browser, her_page, tmp_path):
    opened = Opened(browser, her_page, tmp_path)
    yield opened
    opened.close()


def test_graph_is_drawn(her_view, her_cast, tmp_path):
    g = her_cast.graph
    assert her_view.counts() == (g.number_of_nodes(), g.number_of_edges())
    shot = tmp_path / "her.png"
    her_view.page.screenshot(path=str(shot))
    _assert_drawn(shot)
    assert her_view.page.evaluate("graphkitView.labelShown('Theodore')")


def _assert_drawn(png: Path) -> None:
    from PIL import Image

    image = Image.open(png).convert("L").crop((420, 0, 1400, 900))  # the canvas, not the sidebar
    dark = sum(image.histogram()[:200])
    assert dark > 5000  # nodes, edges and labels, not an empty canvas


def test_search_finds_samantha_and_aliases(her_view):
    page = her_view.page
    page.fill("#search", "samantha")
    page.press("#search", "Enter")
    assert page.text_content("#info h3") == "Samantha"
    assert "Samantha" in page.text_content("tr.sel")
    assert page.evaluate("graphkitView.search('Theo')") == "Theodore"
    assert page.text_content("#info h3") == "Theodore"
    page.evaluate("graphkitView.search('Nobody at all')")
    assert "No character" in page.text_content("#msg")


def test_edge_shows_its_sentences(her_view, her_cast):
    page = her_view.page
    assert page.evaluate("graphkitView.clickEdge('Theodore', 'Catherine')")
    expected = list(her_cast.evidence("Theodore", "Catherine")["text"])
    items = page.locator("#sentences li")
    assert items.count() == len(expected) > 1
    for k, text in enumerate(expected):
        assert items.nth(k).text_content().startswith(text)
    marked = set(page.locator("#sentences mark").all_text_contents())
    assert marked == {"Theodore", "Catherine"}
    assert "ex-spouse" in page.text_content("#info")


def test_real_mouse_click_and_hover_on_a_node(her_view):
    page = her_view.page
    pos = page.evaluate("graphkitView.nodePosition('Samantha')")
    page.mouse.move(pos["x"], pos["y"])
    page.wait_for_selector("#tip", state="visible")
    assert "PageRank" in page.text_content("#tip") and "Samantha" in page.text_content("#tip")
    page.mouse.click(pos["x"], pos["y"])
    assert page.text_content("#info h3") == "Samantha"
    assert "Samantha" in page.text_content("tr.sel")


def test_slider_shows_the_graph_until_a_segment(her_view, her_cast):
    page = her_view.page
    total = len(her_cast.segments)
    seen = set()
    for n in (1, 6, 13, total - 1):
        page.eval_on_selector(
            "#until", "(e, n) => { e.value = n; e.dispatchEvent(new Event('input')); }", n
        )
        g = her_cast.until(n).graph
        assert her_view.counts() == (g.number_of_nodes(), g.number_of_edges()), n
        seen.add(her_view.counts()[1])
    assert len(seen) > 2  # the number of visible edges changes along the slider
    page.evaluate(f"graphkitView.setUntil({total})")
    assert her_view.counts()[1] == her_cast.graph.number_of_edges()


def test_filters(her_view, her_cast):
    page = her_view.page
    g = her_cast.graph
    works = [n for n, k in g.nodes(data="kind") if k == "work"]
    page.uncheck("#kinds input[value=work]")
    kept = g.subgraph([n for n in g if n not in works])
    assert her_view.counts() == (kept.number_of_nodes(), kept.number_of_edges())
    page.check("#kinds input[value=work]")
    page.evaluate("graphkitView.setMinWeight(3)")
    strong = [e for e in g.edges(data=True) if e[2]["weight"] >= 3 or e[2]["relations"]]
    assert her_view.counts()[1] == len(strong)
    page.evaluate("graphkitView.setMinWeight(1)")
    page.select_option("#rel", "plays")
    plays = [e for e in g.edges(data=True) if any(r["type"] == "plays" for r in e[2]["relations"])]
    assert her_view.counts()[1] == len(plays) > 0
    page.select_option("#rel", "")
    page.check("input[name=colour][value=community]")
    assert "community" in page.text_content("#legend")


def _settle(page) -> None:
    """Wait for the view's animations to end (the page's CSP forbids wait_for_function's eval)."""
    for _ in range(100):
        if not page.evaluate("graphkitView.cy.animated()"):
            return
        page.wait_for_timeout(50)


def test_hostile_names_are_shown_as_text(browser, hostile, tmp_path):
    view = Opened(browser, render_html(hostile), tmp_path, "hostile.html")
    page = view.page
    assert view.counts() == (hostile.graph.number_of_nodes(), hostile.graph.number_of_edges())
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate(f"graphkitView.clickEdge({json.dumps(HOSTILE[0])}, 'Ann')")
    assert HOSTILE[0] in page.text_content("#info h3")
    assert any(HOSTILE[0] in t for t in page.locator("#sentences mark").all_text_contents())
    assert page.evaluate(f"graphkitView.search({json.dumps(HOSTILE[1])})") == HOSTILE[1]
    assert page.text_content("#info h3") == HOSTILE[1]
    _settle(page)  # search centres the view with a short animation
    pos = page.evaluate(f"graphkitView.nodePosition({json.dumps(HOSTILE[1])})")
    page.mouse.move(pos["x"], pos["y"])
    page.wait_for_selector("#tip", state="visible")
    page.wait_for_timeout(200)
    assert not view.dialogs
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    view.close()


def test_les_miserables_scale(browser, tmp_path):
    a = graphkit.analyze(shared_file("texts", "les_miserables_hugo_pg135.txt"))
    page_html = render_html(a)
    assert len(page_html.encode("utf-8")) < 3e6
    view = Opened(browser, page_html, tmp_path, "lesmis.html")
    assert view.counts() == (a.graph.number_of_nodes(), a.graph.number_of_edges())
    shot = tmp_path / "lesmis.png"
    view.page.screenshot(path=str(shot))
    _assert_drawn(shot)
    top = a.metrics.iloc[0]["label"]
    assert view.page.evaluate(f"graphkitView.search({json.dumps(top)})") == top
    assert view.page.evaluate(f"graphkitView.labelShown({json.dumps(top)})")
    view.page.evaluate("graphkitView.setUntil(50)")
    g = a.until(50).graph
    assert view.counts() == (g.number_of_nodes(), g.number_of_edges())
    view.close()


def test_show_draws_inside_its_iframe(browser, her_cast, tmp_path):
    wrapper = f"<!DOCTYPE html><html><body>{her_cast.show()._repr_html_()}</body></html>"
    path = tmp_path / "notebook.html"
    path.write_text(wrapper, encoding="utf-8")
    context = browser.new_context()
    requests: list[str] = []
    context.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file:", "about:"))
            else (requests.append(r.request.url), r.abort())
        ),
    )
    page = context.new_page()
    page.goto(path.as_uri())
    frame = page.frames[1]
    frame.wait_for_selector("body[data-ready]", timeout=60_000)
    g = her_cast.graph
    assert frame.evaluate("[document.body.dataset.nodes, document.body.dataset.edges]") == [
        str(g.number_of_nodes()),
        str(g.number_of_edges()),
    ]
    assert not requests
    context.close()


def test_signed_edges_are_coloured_by_tone_in_the_browser(browser, tmp_path):
    pytest.importorskip("vaderSentiment")
    from graphkit.graph.sentiment import sign
    from graphkit.views.style import tone_colour

    text = "Ann adores Bob. Ann thanks Bob warmly. Cy hates Dee. Cy attacks Dee. Ann met Cy."
    a = graphkit.Analysis.of(sign(graphkit.analyze_text(text)))
    opened = Opened(browser, a.html(), tmp_path, "signed.html")
    try:
        page = opened.page
        friendly = page.evaluate("graphkitView.edgeColour('Ann', 'Bob')")
        hostile = page.evaluate("graphkitView.edgeColour('Cy', 'Dee')")
        assert friendly == tone_colour(a.graph.edges["Ann", "Bob"]["polarity"])
        assert hostile == tone_colour(a.graph.edges["Cy", "Dee"]["polarity"])
        assert friendly != hostile
        assert page.evaluate("graphkitView.clickEdge('Cy', 'Dee')")
        assert "tone" in page.text_content("#info") and "negative sentences" in page.text_content(
            "#info"
        )
    finally:
        opened.close()
    plain = Opened(browser, graphkit.analyze_text(text).html(), tmp_path, "plain.html")
    try:
        assert plain.page.evaluate("graphkitView.edgeColour('Ann', 'Bob')") == "#8a8a8a"
    finally:
        plain.close()


def test_a_directed_graph_shows_its_arrows_in_the_browser(browser, tmp_path):
    text = tmp_path / "scene.fountain"
    text.write_text(
        "INT. HALL - DAY\n\nANN\nHello, Bob.\n\nBOB\nHello, Ann.\n\nANN\nGoodbye.\n\n"
        "CY\nWait for me.\n",
        encoding="utf-8",
    )
    a = graphkit.analyze(text, interaction="conversation", cast=False)
    g = a.graph
    assert g.is_directed()
    both = next((u, v) for u, v in g.edges if g.has_edge(v, u))
    one = next((u, v) for u, v in g.edges if not g.has_edge(v, u))
    opened = Opened(browser, a.html(), tmp_path, "directed.html")
    try:
        arrows = opened.page.evaluate(f"graphkitView.edgeArrows({one[0]!r}, {one[1]!r})")
        assert (arrows["source"], arrows["target"]) == (
            g.nodes[one[0]]["label"],
            g.nodes[one[1]]["label"],
        )
        assert (arrows["head"], arrows["tail"]) == ("triangle", "none")
        arrows = opened.page.evaluate(f"graphkitView.edgeArrows({both[0]!r}, {both[1]!r})")
        assert (arrows["head"], arrows["tail"]) == ("triangle", "triangle")
        assert "speaks to, arrow = direction" in opened.page.text_content("body")
    finally:
        opened.close()


def test_the_quotations_two_exchange_show_in_the_edge_panel(browser, tmp_path):
    text = '"Come here, Bob," said Ann. Bob saw Ann.\n\n"No," said Bob. Carl met Bob.'
    quoted = graphkit.Analysis.of(with_quotes(graphkit.analyze_text(text)))
    opened = Opened(browser, quoted.html(), tmp_path, "quoted.html")
    try:
        page = opened.page
        assert page.evaluate("graphkitView.clickEdge('Ann', 'Bob')")
        assert "quotations exchanged: 2 (all segments)" in page.text_content("#info")
        assert page.evaluate("graphkitView.clickEdge('Bob', 'Carl')")
        assert "quotations exchanged: 0" in page.text_content("#info")
    finally:
        opened.close()
    plain = Opened(browser, graphkit.analyze_text(text).html(), tmp_path, "plain_q.html")
    try:
        assert plain.page.evaluate("graphkitView.clickEdge('Ann', 'Bob')")
        assert "quotations exchanged" not in plain.page.text_content("#info")
    finally:
        plain.close()
