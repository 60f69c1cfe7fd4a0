"""Names found in a sentence: a month word is a surname after a first name or a title, else a date."""

from __future__ import annotations

import pytest

from newsynth.compare.names import build_index, find_mentions


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Premier Odile May said on Friday the ferry would stay.", ["Odile May"]),
        ("Mrs May told councillors the plan was dead.", ["May"]),
        ("The Tollbridge award went to Ines April.", ["Tollbridge", "Ines April"]),
    ],
)
def test_a_month_word_ends_a_persons_name(sentence: str, names: list[str]) -> None:
    assert [mention.text for mention in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    "sentence",
    ["The vote in Marlow is on Monday, May 5.", "They met in May and again in June.", "Last May was wet."],
)
def test_a_month_word_in_a_date_is_no_name(sentence: str) -> None:
    assert [m.text for m in find_mentions(sentence) if m.key in ("may", "june")] == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("She spoke for the Dockworkers' Federation at the quay.", ["Dockworkers' Federation"]),
        ("Two were taken to Wexmoor's Hospital with cuts.", ["Wexmoor's Hospital"]),
        ("Tollbridge's council met on Monday.", ["Tollbridge"]),
    ],
)
def test_a_possessive_inside_a_name_keeps_it_whole(sentence: str, names: list[str]) -> None:
    assert [mention.text for mention in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("A TarnX rocket carried food to the Orbital Relay Station.", ["TarnX", "Orbital Relay Station"]),
        ("Senator Ilse McBrask thanked Oren MacVane.", ["Ilse McBrask", "Oren MacVane"]),
        ("Joss O'Pellow posted the clip on VidTube.", ["Joss O'Pellow", "VidTube"]),
        ("The new kPhone went on sale in Marlow.", ["kPhone", "Marlow"]),
    ],
)
def test_a_word_with_inner_capitals_is_one_word(sentence: str, names: list[str]) -> None:
    assert [mention.text for mention in find_mentions(sentence)] == names


def test_a_stray_part_of_a_word_is_no_name() -> None:
    # a stray "Space" cut from "TarnSpace" would pass for a short form of "Orbital Space Station"
    mentions = find_mentions("The TarnSpace crew docked with the Orbital Space Station.")
    assert [mention.text for mention in mentions] == ["TarnSpace", "Orbital Space Station"]


@pytest.mark.parametrize(
    ("sentence", "name", "key"),
    [
        ("Flight VK4410 from Marlow landed late.", "Flight VK4410", "flight vk4410"),
        ("Flight VK-4410 from Marlow landed late.", "Flight VK-4410", "flight vk4410"),
        ("The CRX-7 capsule reached orbit on Monday.", "CRX-7", "crx7"),
    ],
)
def test_a_code_of_letters_and_digits_stays_in_the_name(sentence: str, name: str, key: str) -> None:
    mention = find_mentions(sentence)[0]
    assert (mention.text, mention.key) == (name, key)


def test_a_code_is_not_read_as_an_acronym_of_an_organisation() -> None:
    (code,) = [m for m in find_mentions("The TX-12 capsule reached orbit.") if m.text == "TX-12"]
    (agency,) = [m for m in find_mentions("The TXA said the capsule reached orbit.") if m.text == "TXA"]
    assert (code.cue_label, agency.cue_label) == (None, "organization")


def names_in(*sentences: str) -> list[list[str]]:
    index = build_index([("a1", position, text) for position, text in enumerate(sentences)], ner_budget=0)
    return [[m.text for m in index.mentions[("a1", position)]] for position in range(len(sentences))]


def test_an_opening_adverb_before_a_comma_is_no_name() -> None:
    assert names_in("Instead, the ferry crossed to Orsk Hollow at dawn.") == [["Orsk Hollow"]]


def test_an_opening_name_with_an_aside_stays_a_name() -> None:
    assert names_in("Brask, the harbour master, said the ferry would stay.") == [["Brask"]]


def test_an_opening_pronoun_with_a_contraction_is_no_name() -> None:
    assert names_in("It's the third time Tarn Space has flown a crew.") == [["Tarn Space"]]


def test_an_opening_plural_whose_singular_the_story_writes_is_no_name() -> None:
    sentences = ("Residents said the ferry would stay.", "One resident of Orsk Hollow disagreed.")
    assert names_in(*sentences) == [[], ["Orsk Hollow"]]


def test_the_story_counts_each_entity_over_every_source() -> None:
    index = build_index(
        [
            ("a", 0, "Mayor Lena Brask opened the footbridge on Friday."),
            ("a", 1, "Brask said it was two years late."),
            ("b", 0, "Lena Brask thanked the builders of Tollbridge."),
        ]
    )
    brask, tollbridge = index.mentions[("a", 1)][0], index.mentions[("b", 0)][1]
    assert index.mentions_in_story(brask) == 3
    assert index.mentions_in_story(tollbridge) == 1


def test_a_preposition_before_a_possessive_name_says_nothing_of_its_kind() -> None:
    (owner,) = find_mentions("The crash was a setback to Tarnco's network of satellites.")
    (place,) = find_mentions("The satellite fell to Velmora on Tuesday.")
    assert (owner.cue_label, place.cue_label) == (None, "place")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The rocket lifted off at 6:45am KVST on Friday from Orsk Hollow.", ["Orsk Hollow"]),
        ("The ferry left at 21:10 WKT, the harbour said.", []),
        ("At 3 p.m. TXA said the ferry would stay.", ["TXA"]),  # a code not ending in "T": no zone
    ],
)
def test_a_code_for_a_time_zone_after_a_clock_time_is_no_name(sentence: str, names: list[str]) -> None:
    assert [mention.text for mention in find_mentions(sentence)] == names


def test_an_adjective_compound_ends_a_name_and_describes_what_follows() -> None:
    mentions = find_mentions("The judges dissolved the Tarnco-dominated Harbour Board of Marlow.")
    assert [(m.text, m.modifier) for m in mentions] == [("Tarnco", True), ("Harbour Board of Marlow", False)]


def test_a_plural_possessor_stays_inside_the_name() -> None:
    mentions = find_mentions("The Women's Rowing League and Marlow's mayor met.")
    assert [m.text for m in mentions] == ["Women's Rowing League", "Marlow"]


def test_common_words_set_in_capitals_are_no_name() -> None:
    sentences = ("WATCH THE LAUNCH: the TarnX rocket rose over Orsk Hollow.", "We came to watch the launch.")
    assert names_in(*sentences) == [["TarnX", "Orsk Hollow"], []]


def test_an_acronym_in_capitals_stays_a_name() -> None:
    sentences = ("The US TXA said the ferry would stay.", "They came to watch us.")
    assert names_in(*sentences) == [["US TXA"], []]


def test_a_name_glued_to_the_word_before_it_is_split_off() -> None:
    sentences = (
        "Taking to VidTube Lena Brask thanked the crews.",
        "Premier Lena Brask Holm visited the site.",
    )
    assert names_in(*sentences) == [["VidTube", "Lena Brask"], ["Lena Brask Holm"]]


def test_a_name_opening_with_a_modifier_is_not_split() -> None:
    sentences = ("The Royal Harbour Board met.", "Members of the Harbour Board of Marlow left.")
    assert names_in(*sentences) == [["Royal Harbour Board"], ["Harbour Board of Marlow"]]
