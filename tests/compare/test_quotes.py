"""Who said a quote: the subject of the speech verb, the name a verb introduces, the speaker going on.

Each test is one invented article; the speaker is the canonical key of a name in it (or None).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsynth.compare.names import DEFAULT_NER_BUDGET, build_index
from newsynth.compare.quotes import find_quotes

from .conftest import make_article


def speakers(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(first words of each quote, its speaker) for an article of these paragraphs."""
    article = make_article("a1", paragraphs)
    names = build_index(
        [(article.id, s.index, s.text) for s in article.sentences], ner_budget=DEFAULT_NER_BUDGET
    )
    return [
        (" ".join(q.text.split()[:3]), q.speaker) for q in find_quotes(article.id, article.sentences, names)
    ]


def speaker_of(paragraphs: Sequence[str], quote_start: str) -> str | None:
    found = [speaker for words, speaker in speakers(*paragraphs) if words.startswith(quote_start)]
    assert found, f"no quote starts with {quote_start!r}"
    return found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        '"The bridge will reopen in May," said Odile Farrant, a spokeswoman for the Velt Highways Board.',
        '"The bridge will reopen in May," Odile Farrant said.',
        'Odile Farrant, who has run the Highways Board since 2019, said: "The bridge will reopen in May."',
        '"The bridge will reopen in May," Odile Farrant of the Velt Highways Board told the Marlow Echo.',
        '"The bridge will reopen in May," said board spokeswoman Odile Farrant.',
    ],
)
def test_the_speaker_is_the_subject_of_the_speech_verb(sentence: str) -> None:
    assert speaker_of([sentence], "The bridge will") == "odile farrant"


def test_the_name_after_told_is_the_listener() -> None:
    paragraphs = ['On Monday Odile Farrant told the Marlow Echo: "The bridge will reopen in May."']
    assert speaker_of(paragraphs, "The bridge will") == "odile farrant"


def test_a_name_inside_a_longer_phrase_is_not_a_speaker() -> None:
    paragraphs = [
        'Residents of the Tollbridge estate, downriver from the quarry, described a "low endless rumble".'
    ]
    assert speaker_of(paragraphs, "low endless rumble") is None


def test_the_title_before_a_name_does_not_speak() -> None:
    paragraphs = ['"We have lost the east span," Velt Highways Board engineer Odile Farrant said on Monday.']
    assert speaker_of(paragraphs, "We have lost") == "odile farrant"


def test_according_to_names_its_source() -> None:
    paragraphs = ['The river rose "faster than any model predicted", according to the Velt Flood Agency.']
    assert speaker_of(paragraphs, "faster than any") == "velt flood agency"


def test_he_said_refers_to_the_person_last_speaking() -> None:
    paragraphs = [
        "Ferry captain Tomas Reddaway, who was on the quay when the span fell, said the noise was deafening.",
        '"I saw the whole deck tilt and go," he said.',
    ]
    assert speaker_of(paragraphs, "I saw the") == "tomas reddaway"


def test_a_quote_standing_alone_goes_on_with_the_speaker_before_it() -> None:
    paragraphs = [
        '"We are relieved nobody was on it," said Odile Farrant. "Our inspectors are there now."',
        '"We will publish every finding."',
    ]
    assert speaker_of(paragraphs, "Our inspectors are") == "odile farrant"
    assert speaker_of(paragraphs, "We will publish") == "odile farrant"


def test_a_quote_after_an_unattributed_sentence_has_no_speaker() -> None:
    paragraphs = [
        "The bridge carried 9,000 vehicles a day.",
        '"It was the only way across."',
    ]
    assert speaker_of(paragraphs, "It was the") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "After the vote, Odile Farrant said: 'The harbour board has listened and it will act.'",
        "'The harbour board has listened and it will act,' Odile Farrant said.",
        "After the vote, Odile Farrant told them: \u2018The harbour board has listened and it will act.",
    ],
)
def test_single_quoted_and_open_quotes_have_their_speaker(sentence: str) -> None:
    assert speaker_of([sentence], "The harbour board") == "odile farrant"


def test_an_apostrophe_inside_a_name_or_word_opens_no_quote() -> None:
    assert (
        speakers("Farrant's deputy said the board's cranes were safe and the Marlow quay would reopen.") == []
    )
