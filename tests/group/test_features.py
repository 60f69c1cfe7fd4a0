from __future__ import annotations

import datetime as dt
import re

import numpy as np

from newsynth.group.features import (
    ENTITY_PATTERN,
    YEAR_PATTERN,
    ArticleFeatures,
    _sublinear_counts,
    day_to_iso,
    featurize,
    find_dateline,
    sublinear,
)
from newsynth.ingest import article_from_text


def test_dateline_formats_are_read_from_the_top_of_the_text() -> None:
    assert day_to_iso(find_dateline("ORVALE, March 3, 2031 — A jury found")) == "2031-03-03"
    assert day_to_iso(find_dateline("Posted 14 April 2031 by staff")) == "2031-04-14"
    assert day_to_iso(find_dateline("8:01AM EST December 2. 2030 – BRENNA")) == "2030-12-02"
    assert day_to_iso(find_dateline("date 2030-11-09 BRENNA teachers")) == "2030-11-09"
    assert find_dateline("No date here, only Monday and March.") is None
    assert find_dateline("February 30, 2031 is not a day") is None


def test_article_date_field_wins_over_the_text() -> None:
    article = article_from_text("ORVALE, March 3, 2031 — text", "a.txt", date="2031-03-05")
    assert day_to_iso(featurize(article).day) == "2031-03-05"


def test_features_are_deterministic_and_survive_bytes() -> None:
    text = "Judge Marit Osgood sentenced Tamsin Kelbrook in Orvale. The judges said the sentences stand."
    first = featurize(article_from_text(text, "a.txt"))
    again = featurize(article_from_text(text, "a.txt"))
    assert np.array_equal(first.terms, again.terms)
    assert first.content_hash == again.content_hash
    assert len(first.entities) >= 2  # Marit Osgood, Tamsin Kelbrook, Orvale
    decoded = ArticleFeatures.from_bytes(first.article_id, first.content_hash, first.to_bytes())
    assert np.array_equal(decoded.terms, first.terms)
    assert np.allclose(decoded.term_weights, first.term_weights)
    assert np.array_equal(decoded.entities, first.entities)
    assert decoded.day == first.day and decoded.day_confidence == first.day_confidence
    assert np.array_equal(decoded.numbers, first.numbers)


def test_plural_and_singular_share_a_term() -> None:
    singular = featurize(article_from_text("judge", "a.txt")).terms
    plural = featurize(article_from_text("judges", "b.txt")).terms
    assert np.array_equal(singular, plural)


def test_content_hash_ignores_whitespace_only_differences() -> None:
    a = featurize(article_from_text("Teachers  walked out\nin Brenna.", "a.txt"))
    b = featurize(article_from_text("Teachers walked out in Brenna.", "b.txt"))
    assert a.content_hash == b.content_hash


def test_looked_up_sublinear_weights_equal_computed_ones() -> None:
    counts = np.array([1, 2, 3, 7, 250, (1 << 16) - 1])
    expected = (1.0 + np.log(counts)).astype(np.float32)
    assert np.array_equal(sublinear(counts), expected)
    beyond = np.array([1, 1 << 16, 1 << 20])  # past the table: computed
    assert np.array_equal(sublinear(beyond), (1.0 + np.log(beyond)).astype(np.float32))


def test_repeated_ids_are_counted_once_with_sublinear_weights() -> None:
    ids, weights = _sublinear_counts([7, 3, 7, 9, 7, 3])
    assert ids.tolist() == [3, 7, 9]
    assert np.array_equal(weights, (1.0 + np.log(np.array([2, 3, 1]))).astype(np.float32))
    empty_ids, empty_weights = _sublinear_counts([])
    assert len(empty_ids) == len(empty_weights) == 0


def test_fast_patterns_match_what_their_plain_forms_match() -> None:
    plain_entity = re.compile(r"\b[A-Z][A-Za-z'’.-]*[A-Za-z](?:[ -][A-Z][A-Za-z'’.-]*[A-Za-z])*")
    plain_year = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
    texts = [
        "Bob O'Neil-Smith Jr. met Ann Lee, xAnn Lee and _Ann in Orvale.",
        "ÉMILE Zola, aBc Dd, 3Com, Ω-Team, A, AB, A.B. Coe",
        "2019 and x2019, 12019, 20190, 1999-2000, in the 2020s, ٣2019 and 2019٣; 20 19",
    ]
    for text in texts:
        assert ENTITY_PATTERN.findall(text) == plain_entity.findall(text)
        spans = [match.span() for match in YEAR_PATTERN.finditer(text)]
        assert spans == [match.span() for match in plain_year.finditer(text)]


def test_dates_carry_how_sure_they_are() -> None:
    from newsynth.group.features import DATELINE, METADATA, TEXT, UNDATED, dated

    given = article_from_text("Some text.", "a.txt", date="2031-03-05")
    assert dated(given) == (dt.date(2031, 3, 5).toordinal(), METADATA)
    top = article_from_text("ORVALE, March 3, 2031 — A jury found", "b.txt")
    assert dated(top) == (dt.date(2031, 3, 3).toordinal(), DATELINE)
    body = (
        "A jury found her guilty. " * 40 + "The hearing of 9 April 2031 follows the arrest of 2 March 2030."
    )
    day, confidence = dated(article_from_text(body, "c.txt"))
    assert confidence == TEXT and day == dt.date(2031, 4, 9).toordinal()  # the latest of equals
    assert dated(article_from_text("No date at all.", "d.txt")) == (None, UNDATED)


def test_figures_and_codes_are_kept_apart_but_years_are_not_figures() -> None:
    features = featurize(article_from_text("Flight ET302 lost 157 people in 2019 near Bishoftu.", "a.txt"))
    assert len(features.numbers) == 2  # et302 and 157
    assert set(features.numbers.tolist()) <= set(features.terms.tolist())


def test_features_written_before_numbers_and_confidences_still_read() -> None:
    import struct

    from newsynth.group.features import DATELINE

    first = featurize(article_from_text("ORVALE, March 3, 2031 — Judge Marit Osgood ruled.", "a.txt"))
    header = struct.pack("<iII", first.day, len(first.terms), len(first.entities))
    arrays = (first.terms, first.term_weights, first.entities, first.entity_weights)
    old = ArticleFeatures.from_bytes("a", "h", header + b"".join(a.tobytes() for a in arrays))
    assert old.day == first.day and old.day_confidence == DATELINE and len(old.numbers) == 0
    assert np.array_equal(old.terms, first.terms) and np.array_equal(old.entity_weights, first.entity_weights)
