"""HTML pages reduced to their text: blocks become paragraphs, scripts and navigation go,
italic titles are kept aside (they name works).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

# A page, or a fragment that opens with a comment or a block element (``<p>Alice met Bob.</p>``).
_HTML_START = re.compile(
    r"\A\s*(?:<!--|<(?:!doctype\s+html|html|head|body|p|div|h[1-6]|section|article|"
    r"blockquote|ul|ol|table)\b)",
    re.I,
)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|a|em|i|h[1-6]|li|body)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment rather than plain text.

    Examples
    --------
    >>> looks_like_html("<html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("<p>Alice met Bob.</p>"), looks_like_html("<!-- note -->Alice met Bob.")
    (True, True)
    >>> looks_like_html("Theodore <3 Samantha")
    False
    """
    if _HTML_START.match(text):
        return True
    head = text[:20000]
    return len(_HTML_TAGS.findall(head)) >= 5


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "table",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "title",
        "pre",
        "hr",
        "dd",
        "dt",
        "dl",
        "main",
        "aside",
    ]
)
_SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "svg", "nav", "iframe"])
_TITLE_TAGS = frozenset(["i", "em", "cite"])


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.titles: list[str] = []
        self._skip = 0
        self._title_depth = 0
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")
        elif tag in _TITLE_TAGS:
            self._title_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in _TITLE_TAGS and self._title_depth:
            self._title_depth -= 1
            if not self._title_depth:
                title = " ".join("".join(self._title).split())
                if title:
                    self.titles.append(title)
                self._title = []

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._title_depth:
            self._title.append(data)


def html_to_text(html: str) -> tuple[str, tuple[str, ...]]:
    """Reduce an HTML page to its text, one paragraph per block element.

    Returns the text and the phrases set in italics (``<i>``, ``<em>``,
    ``<cite>``), which are often titles of works.

    Examples
    --------
    >>> text, titles = html_to_text("<p>Spike Jonze's <i>Her</i> (2013)</p><script>x()</script>")
    >>> text
    "Spike Jonze's Her (2013)"
    >>> titles
    ('Her',)
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return unescape(text), tuple(dict.fromkeys(parser.titles))
