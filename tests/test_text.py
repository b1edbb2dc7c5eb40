"""Folding and quote location: what is ignored, what never is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.text import closest_passage, find_folded, fold


def test_folding_ignores_spacing_case_marks_dashes_and_nbsp() -> None:
    a = "North Korea\u2019s \u201cinvincible\u201d alliance \u2014 a\u00a0word"
    b = "north korea's \"INVINCIBLE\" alliance - a   word"
    assert fold(a) == fold(b)


def test_folding_never_drops_a_digit_or_a_word() -> None:
    assert fold("£9.2m") != fold("£2.9m")
    assert fold("it was not a defeat") != fold("it was a defeat")


def test_quote_found_only_at_word_boundaries() -> None:
    src = fold("The NIS counted 10,900 soldiers in 1.55 days, and ten more.")
    assert find_folded(src, fold("10,900 soldiers")) >= 0
    assert find_folded(src, fold("900 soldiers")) == -1
    assert find_folded(src, fold("0,900 soldiers")) == -1
    assert find_folded(src, fold("in 1.5")) == -1
    assert find_folded(src, fold("en more")) == -1


@given(st.text(max_size=200))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(min_size=1, max_size=60), st.text(max_size=60), st.text(max_size=60))
def test_a_quote_in_a_text_is_found_after_folding(quote: str, before: str, after: str) -> None:
    q = fold(quote)
    if not q:
        return
    # Separate the quote from its neighbours so word boundaries hold.
    text = before + " \n" + quote + "\t " + after
    assert find_folded(fold(text), q) >= 0


def test_closest_passage_says_what_differs() -> None:
    src = "Line one.\nThe fine was £9.2m for the club.\nLine three."
    p = closest_passage(src, "The fine was £2.9m for the club")
    assert p is not None
    assert p.line == 2
    assert p.text == "The fine was £9.2m for the club."
    assert p.differences == ("the quote has '£2.9m' where the source has '£9.2m'",)


def test_closest_passage_reports_an_added_word() -> None:
    src = "He said it was a defeat, officials said."
    p = closest_passage(src, "He said it was not a defeat")
    assert p is not None and "the quote adds 'not'" in p.differences


def test_closest_passage_on_unrelated_text() -> None:
    assert closest_passage("alpha beta gamma", "delta epsilon") is None


@given(st.text(alphabet=st.sampled_from([" ", "-", "a", "\u2014", "\t", "\n", "\u00a0", "1"]), max_size=40))
def test_dashes_lose_their_spaces_as_the_regex_would(text: str) -> None:
    import re

    signed = _minus_signs(text)
    spaced = re.sub(r"\s+", " ", signed.replace("\u2014", "-").replace("\u00a0", " "))
    assert fold(text) == _leading_minus(re.sub(r" ?- ?", "-", spaced).strip())


def _minus_signs(text: str) -> str:
    """SPEC: a minus sign is part of the figure; one before a digit, after a space or an opening
    bracket, is kept apart from dashes as U+2212."""
    import re

    grouped = re.sub(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))", ",", text)  # "4 500" = "4,500"
    return re.sub(r"(?:^|(?<=[\s(\[]))[-\u2212](?=\d)", "\u2212", grouped)


def _leading_minus(t: str) -> str:
    return "\u2212" + t[1:] if t[:1] == "-" and t[1:2].isdigit() else t


_WHITE = [chr(c) for c in range(0x3001) if chr(c).isspace()] + ["\u2028", "\u2029", "\u205f", "\u3000"]


def _fold_by_regex(text: str) -> str:
    """fold as SPEC section 3 words it, written with regexes: the reference the fast one must match."""
    import re

    t = _minus_signs(text).replace("\u2014", "-").casefold()  # the alphabet's one character fold maps
    return _leading_minus(re.sub(r" ?- ?", "-", re.sub(r"\s+", " ", t)).strip())


@given(st.text(alphabet=st.sampled_from(_WHITE + ["a", "B", "-", "\u2014", "1", "\u00df", "\u0130", "\u2212"]),
               max_size=40))
def test_fold_treats_every_kind_of_white_space_as_the_regex_would(text: str) -> None:
    assert fold(text) == _fold_by_regex(text)


def test_fold_collapses_unicode_line_and_paragraph_separators() -> None:
    assert fold("\u2028 ten\u3000\u2029thousand\x1c ") == "ten thousand"


# -- the fast fold held to the plain one ----------------------------------------------------------

_MAPPED = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": '"', "\u2019": '"', "\u201a": '"', "\u201b": '"', "'": '"', "\u2032": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
}  # fmt: skip


def _fold_plain(text: str) -> str:
    """fold written the plain way: regexes whose look-behinds come first, one translate before
    the casefold and one after it, a substitution for white space."""
    import re

    table = str.maketrans(_MAPPED)
    text = re.sub("(?<=\\d)[\u00a0\u2009\u202f](?=\\d{3}(?!\\d))", ",", text)
    text = re.sub("(?:^|(?<=[\\s(\\[]))[-\u2212](?=\\d)", "\u2212", text)
    t = text.translate(table).casefold().translate(table)
    t = re.sub(r" ?- ?", "-", re.sub(r"\s+", " ", t)).strip()
    return _leading_minus(t)


_FOLD_ALPHABET = (list(_MAPPED) + ["a", "Z", "1", "9", "0", ",", ".", "(", "[", "\u2212", "\u00df", "\u0130",
                                   "\u03a3", "\ufb03", "\u1e9e", " ", "\n", "\t", "\u3000", "\"", "x"])


@given(st.text(alphabet=st.sampled_from(_FOLD_ALPHABET), max_size=60))
def test_fold_is_the_plain_fold(text: str) -> None:
    assert fold(text) == _fold_plain(text)


@given(st.text(max_size=40))
def test_fold_is_the_plain_fold_on_any_text(text: str) -> None:
    assert fold(text) == _fold_plain(text)


def test_no_character_casefolds_to_one_fold_maps() -> None:
    """fold casefolds first and maps once after; that is the plain translate-casefold-translate
    only while casefold never makes a mapped character and leaves the mapped ones alone."""
    import sys

    mapped = set(_MAPPED)
    for c in map(chr, range(sys.maxunicode + 1)):
        folded = c.casefold()
        if folded != c:
            assert c not in mapped and not mapped & set(folded), hex(ord(c))
