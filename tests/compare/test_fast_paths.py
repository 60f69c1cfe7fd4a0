"""The faster forms of two computations give exactly what the plain forms give."""

from __future__ import annotations

import re

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsynth.compare.align import _analyzer, _tfidf
from newsynth.compare.conflicts import _one_name
from newsynth.compare.names import NameIndex, find_mentions
from newsynth.compare.quotes import REPORTED, SPEECH, SPEECH_VERBS, _speech_verbs
from newsynth.compare.text import QUOTE_CHARS, normalize_punctuation

SENTENCES = [
    "The Brask county council said on Tuesday that it would close the old quarry road for good.",
    "SAID the mayor: the footbridge over the Velt River opens on Friday, two years late.",
    "Officials Said the flood destroyed 45 homes; residents told reporters the river rose overnight.",
    "Mayor Otto Vrell, who ſaid little, warned that the Velt River bridge would stay shut all winter.",
    "Nothing to report here.",
    "",
]


def test_caseless_patterns_match_the_spans_of_ignorecase_ones():
    plain_speech = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
    plain_reported = re.compile(REPORTED.lower_case.pattern, re.IGNORECASE)
    for text in SENTENCES:
        assert [m.span() for m in SPEECH.finditer(text)] == [m.span() for m in plain_speech.finditer(text)]
        ours, plain = REPORTED.search(text), plain_reported.search(text)
        assert (ours and ours.span("clause")) == (plain and plain.span("clause"))


def test_speech_verbs_skipped_by_the_word_check_are_those_the_pattern_finds():
    plain_speech = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
    for text in [*SENTENCES, "A saidfoo and a said2 hold no verb; nor does unsaid."]:
        assert [m.span() for m in _speech_verbs(text)] == [m.span() for m in plain_speech.finditer(text)]


def test_punctuation_is_straightened_as_the_translation_table_says():
    text = "“Dock 4 – the ‘old’ one — is shut,” said Åsa Brekk’s deputy. „Ja‟ she said… café"
    assert normalize_punctuation(text) == text.translate(QUOTE_CHARS)
    assert normalize_punctuation(text).count('"') == 4


def test_tfidf_rows_give_scikit_learns_cosines_to_the_bit():
    vectorizer = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True)
    expected = vectorizer.fit_transform(SENTENCES)
    matrix = _tfidf([_analyzer(text) for text in SENTENCES])
    assert matrix is not None
    assert np.array_equal((matrix @ matrix.T).toarray(), (expected @ expected.T).toarray())
    assert _tfidf([[], []]) is None


def test_one_name_answers_alike_when_first_asked_the_other_way_round():
    mentions = find_mentions(
        "Mayor Otto Vrell met Otto Vrel, Velt River Authority staff, the VRA and Brask County officials."
    )
    assert len(mentions) >= 4
    for first in mentions:
        for second in mentions:
            fresh = _one_name(first, second, NameIndex())
            asked_before = NameIndex()
            _one_name(second, first, asked_before)
            assert _one_name(first, second, asked_before) == fresh
