"""A text source's front matter: TOML between `+++` lines (the contract's form), or the
`key: value` form between `---` lines that site generators, CMS exports and note apps write.

The `---` form is read for the same keys (title, outlet, url, published, author, via) by a small
reader of its one-line forms, not by a YAML library: a YAML parser would read `title: No` as
false and `title: 1984` as a number, and would cost a dependency for six keys. Anything the reader
does not take (a nested mapping for a known key, anchors, a list left open) is one line with
path:line:column saying how to write it. Either way the front matter is never body text, so its
keys can never back a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.errors import CannotRun
from factcheck.spelling import did_you_mean

FENCES = ("+++", "---")

# A top-level `key:` line of the `---` form (the first such line decides that a `---` opening
# line starts front matter rather than a Markdown rule).
_KEY = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(?=[ \t]|$)")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ][0-9].*)?")
_ESCAPES = {"\\": "\\", '"': '"', "/": "/", "n": "\n", "t": "\t", "r": "\r", "0": "\0", " ": " "}

# How many of the site's own keys are checked for a misspelling of a known one (each check costs
# tens of microseconds; real front matter has a dozen keys).
_SPELL_CHECKED = 200

# Extra words for an unknown key whose name is not a misspelling of a known one.
KEY_HINTS = {"date": " (name it 'published' if it is the date the source was published)"}


@dataclass(frozen=True, slots=True)
class Fenced:
    """A text split at its front matter: `block` is the text between the fences (None when the file
    has none), `body_line` the file line where the body starts, `unclosed` a message when an
    opening fence has no closing one (the whole text is then the body)."""

    body: str
    block: str | None
    body_line: int
    fence: str | None = None
    unclosed: str | None = None


def split(text: str) -> Fenced:
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if first not in FENCES:
        return Fenced(text, None, 1)
    if first == "---" and not _opens_key_values(lines[1:]):
        return Fenced(text, None, 1)  # a Markdown rule at the top of an article, not front matter
    ends = (first,) if first == "+++" else ("---", "...")
    for n in range(1, len(lines)):
        if lines[n].strip() in ends:
            return Fenced("\n".join(lines[n + 1 :]), "\n".join(lines[1:n]), n + 2, first)
    return Fenced(text, None, 1, first, f"front matter opened by '{first}' on line 1 has no closing "
                  f"'{first}' line, so the whole file is read as text; end the front matter with a line "
                  f"'{first}'")


def _opens_key_values(lines: list[str]) -> bool:
    """Whether the first line under a `---` is a key: written in lower case, as site generators
    write them, or a known key in any case ("Title:"). "UPDATE: the council revised ..." between
    two rules is an article's text."""
    from factcheck.model import SOURCE_FIELDS

    for line in lines:
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        m = _KEY.match(line)
        return m is not None and (m["key"][0] in "_abcdefghijklmnopqrstuvwxyz"
                                  or m["key"].lower() in SOURCE_FIELDS | KEY_HINTS.keys())
    return False


def key_lines(block: str) -> str:
    """The `---` block with each top-level `key:` written `key =`, so the loader's one line finder
    (made for TOML) finds a key's line in either form."""
    return re.sub(r"(?m)^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:", r"\1 =", block)


def read_key_values(block: str, path: Path, known: frozenset[str], line_offset: int = 1) -> dict[str, Any]:
    """The `---` front matter `block` (whose first line is file line `line_offset + 1`) as a dict.

    Values: plain text to the end of the line (` #` starts a comment), "double" or 'single'
    quoted text, a list `[a, "b"]` or one `- item` a line, a `|` or `>` block of indented lines.
    `published` is a date: `2024-03-01`, and a time after it (`2024-03-01T09:30:00Z`) is dropped.
    A key that is not in `known` may hold anything (site generators add their own) and its value is
    not read; it is kept (as None, for the unknown-key warning) only when it looks like a misspelt
    known key, or has a hint in KEY_HINTS. An empty value is no value.
    """
    lines = block.split("\n")
    out: dict[str, Any] = {}
    seen: dict[str, int] = {}
    n = unknown = 0

    def fail(i: int, col: int, why: str) -> CannotRun:
        return CannotRun(f"{path}:{i + line_offset + 1}:{col}: {why}")

    while n < len(lines):
        line = lines[n].rstrip()
        s = line.strip()
        if not s or s.startswith("#"):
            n += 1
            continue
        indent = len(line) - len(line.lstrip())
        m = _KEY.match(line)
        if indent or m is None:
            what = "an indented line under no key" if indent else "a line that is not 'key: value'"
            raise fail(n, indent + 1, f"{what}; write each key on its own line as 'title: Council "
                       "passes budget' (a list as 'via: [Agency, Ministry]')")
        key = m["key"]
        if key in seen:
            raise fail(n, 1, f"'{key}' is given twice (first on line {seen[key] + line_offset + 1}); keep one")
        seen[key] = n
        rest_col = m.end() + 1
        rest = line[m.end():]
        rest_col += len(rest) - len(rest.lstrip())
        rest = rest.strip()
        # the indented lines that belong to this key
        j = n + 1
        while j < len(lines) and (not lines[j].strip() or lines[j][:1] in " \t"
                                   or lines[j].lstrip().startswith("- ") or lines[j].strip() == "-"):
            j += 1
        while j > n + 1 and not lines[j - 1].strip():
            j -= 1
        below = lines[n + 1 : j]
        if key not in known:
            # A misspelt key is reported (its value would otherwise be silently lost); a key of the
            # site's own (layout, tags, categories) is not: it was never meant for factcheck.
            unknown += 1  # the spelling check is bounded: a file of a million keys stays linear
            if key in KEY_HINTS or (unknown <= _SPELL_CHECKED and did_you_mean(key, known)):
                out[key] = None
            n = j
            continue
        value = _value(key, rest, rest_col, below, n, fail)
        if value is not None and key == "published":
            value = _date(value, n, rest_col, fail)
        if value is not None:
            out[key] = value
        n = j
    return out


def _value(key: str, rest: str, col: int, below: list[str], n: int, fail: Any) -> Any:
    items = [b for b in below if b.strip() and not b.strip().startswith("#")]
    if not rest or rest.startswith("#"):
        if not items:
            return None
        if all(b.lstrip().startswith("-") for b in items):
            out = []
            for k, b in enumerate(below):
                if not b.strip() or b.strip().startswith("#"):
                    continue
                item = b.lstrip()[1:]
                at = len(b) - len(item) + 1
                if item.strip().startswith(("- ", "[")) or _KEY.match(item.strip()):
                    raise fail(n + 1 + k, at, "a list item that is itself a list or a table; write each "
                               "item as plain text: '- Transit Authority'")
                v = _scalar(item.strip(), at + len(item) - len(item.lstrip()), n + 1 + k, fail)
                if v is not None:
                    out.append(v)
            return out
        first = next(k for k, b in enumerate(below) if b.strip() and not b.strip().startswith("#"))
        b = below[first]
        raise fail(n + 1 + first, len(b) - len(b.lstrip()) + 1,
                   f"'{key}' holds a nested table, which it cannot; write its value on the '{key}:' line")
    if rest[0] in "|>":
        if not re.fullmatch(r"[|>][+-]?[1-9]?[+-]?(?:\s+#.*)?", rest):
            raise fail(n, col, f"unexpected text after '{rest[0]}'; put the text on the indented lines below it")
        text = [b.strip() for b in below]
        return ("\n" if rest[0] == "|" else " ").join(t for t in text if t) or None
    if below and items:
        if rest[0] in "\"'[":
            raise fail(n + 1, 1, "a quoted value or a list that runs over several lines; write it on one line")
        # a plain value folded over indented lines, as YAML allows
        return " ".join([_scalar(rest, col, n, fail) or ""] + [b.strip() for b in items]).strip() or None
    if rest[0] == "[":
        return _flow_list(rest, col, n, fail)
    return _scalar(rest, col, n, fail)


def _scalar(s: str, col: int, n: int, fail: Any) -> str | None:
    if not s:
        return None
    if s[0] in "{&*!%@`":
        what = {"{": "a table", "&": "an anchor", "*": "an alias", "!": "a tag"}.get(s[0], f"a value starting with '{s[0]}'")
        raise fail(n, col, f"{what} is not read here; write the value itself, quoted if it starts with '{s[0]}'")
    if s[0] == '"':
        m = re.match(r'"((?:[^"\\]|\\.)*)"', s)
        if m is None:
            raise fail(n, col, "a quoted value with no closing '\"' on its line; close it on the same line")
        out, k = [], 0
        body = m[1]
        while k < len(body):
            ch = body[k]
            if ch == "\\":
                esc = body[k + 1]
                if esc == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", body[k + 2 : k + 6]):
                    out.append(chr(int(body[k + 2 : k + 6], 16)))
                    k += 6
                    continue
                if esc not in _ESCAPES:
                    raise fail(n, col + 1 + k, f"unknown escape '\\{esc}'; write '\\\\' for a backslash")
                out.append(_ESCAPES[esc])
                k += 2
                continue
            out.append(ch)
            k += 1
        _only_comment(s[m.end():], col + m.end(), n, fail)
        return "".join(out)
    if s[0] == "'":
        m = re.match(r"'((?:[^']|'')*)'", s)
        if m is None:
            raise fail(n, col, "a quoted value with no closing \"'\" on its line; close it on the same line")
        _only_comment(s[m.end():], col + m.end(), n, fail)
        return m[1].replace("''", "'")
    cut = re.search(r"[ \t]#", s)
    s = (s[: cut.start()] if cut else s).strip()
    return None if s in ("~", "null", "Null", "NULL") else s


def _only_comment(tail: str, col: int, n: int, fail: Any) -> None:
    t = tail.strip()
    if t and not t.startswith("#"):
        raise fail(n, col + len(tail) - len(tail.lstrip()),
                   "text after the closing quote; put the whole value inside the quotes")


def _flow_list(s: str, col: int, n: int, fail: Any) -> list[str]:
    items: list[str] = []
    k = 1
    while True:
        while k < len(s) and s[k] in " \t":
            k += 1
        if k >= len(s):
            raise fail(n, col, "a list with no closing ']' on its line; write it on one line")
        if s[k] == "]":
            _only_comment(s[k + 1 :], col + k + 1, n, fail)
            return items
        if s[k] in "[{":
            raise fail(n, col + k, "a list inside a list is not one of this key's forms; list plain names")
        if s[k] in "\"'":
            q = s[k]
            m = re.compile(r'"(?:[^"\\]|\\.)*"' if q == '"' else r"'(?:[^']|'')*'").match(s, k)
            if m is None:
                raise fail(n, col + k, f"a quoted item with no closing {q}; close it on the same line")
            v = _scalar(m[0], col + k, n, fail)
            k = m.end()
        else:
            m = re.compile(r"[^,\]]*").match(s, k)
            assert m is not None
            v = _scalar(m[0].strip(), col + k, n, fail)
            k = m.end()
        if v is not None:
            items.append(v)
        while k < len(s) and s[k] in " \t":
            k += 1
        if k < len(s) and s[k] == ",":
            k += 1
        elif k < len(s) and s[k] != "]":
            raise fail(n, col + k, "expected ',' or ']' in the list; separate the items with commas")


def _date(value: Any, n: int, col: int, fail: Any) -> Any:
    if not isinstance(value, str):
        return value
    m = _DATE.fullmatch(value.strip())
    if m is None:
        return value  # the model says what a date must look like
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise fail(n, col, f"'{value.strip()}' is not a date of the calendar; write it as YYYY-MM-DD") from None


def read(fenced: Fenced, path: Path, parse_toml: Any, known: frozenset[str]) -> dict[str, Any]:
    """The front matter's keys, in either form; CannotRun with path:line:column when it cannot be read."""
    assert fenced.block is not None
    if fenced.fence == "+++":
        data: dict[str, Any] = parse_toml(fenced.block, path, line_offset=1, parse_float=float)
        return data
    return read_key_values(fenced.block, path, known)
