from newsynth.records import Sentence
from newsynth.summarize.candidates import is_readable, make_candidate, summary_text


def candidate(text: str, index: int = 3):
    return make_candidate(Sentence(text, "a", index), source="a")


def test_datelines_are_removed_from_summary_sentences():
    assert summary_text("PORTVILLE, Maine (AP) — Ferry crews walked off the job on Monday.") == (
        "Ferry crews walked off the job on Monday."
    )
    assert summary_text("LONDON -- Rail fares will rise in March.") == "Rail fares will rise in March."


def test_names_before_a_dash_are_not_datelines():
    text = "Mara Voss — the committee's longest-serving member — resigned on Friday."
    assert summary_text(text) == text


def test_fragments_and_cut_off_text_are_not_readable():
    assert not is_readable(candidate("Share this story"))
    assert not is_readable(candidate("The council voted on Tuesday to close the old bridge to all heavy"))
    assert is_readable(candidate("The council voted on Tuesday to close the old bridge to heavy trucks."))


def test_opening_pronouns_and_bare_quotes_need_the_previous_sentence():
    assert candidate("She said the vote would be held again next week.").needs_previous
    assert candidate("“We will rebuild, and we will do it together this year.”").needs_previous
    assert not candidate("The mayor said the vote would be held again next week.").needs_previous
    assert not candidate("There were about 300 people in the hall when the vote was called.").needs_previous
    assert not candidate("She said the vote would be held again next week.", index=0).needs_previous
