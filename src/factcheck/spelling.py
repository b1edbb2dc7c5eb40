"""Suggestions for a misspelt word: the one helper the loader, the resolve stage and the rules
share, so that none of them imports another for it."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """" (did you mean 'quote'?)" for the closest of `options`, or "" when none is close."""
    from difflib import get_close_matches

    close = get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
