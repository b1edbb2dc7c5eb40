"""Text from the editor's files, made safe for the medium it is printed to.

A quote, an outlet or a file name may hold characters a terminal obeys rather than shows: ESC
sequences that clear the screen, retitle the window or plant a hidden link (OSC 8), C1 controls
that some terminals read as ESC, a carriage return that overwrites the line, and the bidirectional
overrides that make text read differently from what it says ("Trojan Source"). This module is the
one place that knows them:

- :func:`for_terminal` strips them (they have no width, so a table laid out around them keeps its
  shape); newline and tab, which are layout, stay.
- :func:`visible` shows them instead, as ``\\x1b`` or ``\\u202e``, for one-line messages where an
  editor must see exactly what a name or a setting holds.
- :func:`as_u_escapes` writes them as `\\uXXXX` inside a JSON or TOML document.
- :func:`show_name` does the same for a file name the system gives as bytes that are not UTF-8.
- :func:`guard` makes a Rich console apply :func:`for_terminal` to every piece of text it prints,
  after layout, so every terminal report is covered without each reporter wrapping each field.

The GitHub log, Markdown and HTML escape for their own media in their reporters; they call
:func:`for_terminal` or :func:`visible` for the control characters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderableType, RenderResult

# C0 controls but tab and newline, DEL, the C1 block, the Arabic letter mark, left-to-right and
# right-to-left marks, the bidi embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069),
# and the line and paragraph separators some terminals and editors treat as line breaks.
_UNSAFE_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")
_UNSAFE_OR_LAYOUT = re.compile(f"[{_UNSAFE_CHARS}\t\n]")


def for_terminal(text: str) -> str:
    """`text` without the characters a terminal would obey; newline and tab are kept."""
    if _UNSAFE.search(text) is None:  # the common case: nothing to do, no copy
        return text
    return _UNSAFE.sub("", text)


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(text: str) -> str:
    """`text` on one line with every control character (newline and tab too) written as an escape,
    and a lone surrogate (a file name byte that is not UTF-8) as ``\\xNN``."""
    if not text.isprintable() or _UNSAFE_OR_LAYOUT.search(text) is not None:
        text = show_name(text)
        text = _UNSAFE_OR_LAYOUT.sub(_escape, text)
    return text


def as_u_escapes(document: str) -> str:
    """A JSON or TOML document with every unsafe character written as its `\\uXXXX` escape: the
    same data (both formats read the escape back as the character, which can only stand in a
    string), and nothing a terminal obeys when the document is printed. Their encoders already
    escape C0 controls; the C1 block and the bidi controls they leave as they are."""
    if _UNSAFE.search(document) is None:
        return document
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", document)


def show_name(name: str) -> str:
    """A file name as the system gave it (undecodable bytes as lone surrogates), with each byte
    that is not UTF-8 written as ``\\xNN``: printable, and valid UTF-8 in JSON."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_clean_name(name: str) -> bool:
    """The name is valid UTF-8 and holds no control character."""
    return show_name(name) == name and _UNSAFE_OR_LAYOUT.search(name) is None


class _Guarded:
    """A renderable that prints another with its text passed through for_terminal."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        for seg in console.render(self.inner, options):
            if seg.control is None and _UNSAFE.search(seg.text) is not None:
                yield Segment(_UNSAFE.sub("", seg.text), seg.style)
            else:
                yield seg


def guard(console: Console) -> Console:
    """Make `console` strip unsafe characters from all the text it prints (not from its own
    styles, which it adds after); returns the console."""
    from rich.console import RenderHook

    class _Hook(RenderHook):
        def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
            return [_Guarded(r) for r in renderables]

    console.push_render_hook(_Hook())
    return console

