from newsynth.records import Sentence
from newsynth.summarize.candidates import make_candidate
from newsynth.summarize.citations import idf_table
from newsynth.summarize.selection import repeats, select
from newsynth.summarize.text import terms

FULLER = (
    "Harlow County opened its new flood barrier on the Mere river on Friday, two years late and "
    "at twice the planned cost, the county council said."
)
SHORTER = "Harlow County has opened its new flood barrier on the Mere river."
OTHER = "Farmers downstream said the barrier would protect about 3,000 hectares of fields from winter floods."
ECHO = "The barrier will shield some 3,000 hectares of farm fields downstream from winter floods, they said."


def candidates():
    texts = [(FULLER, "gazette", 0), (SHORTER, "wire", 0), (OTHER, "wire", 1), (ECHO, "gazette", 1)]
    return [make_candidate(Sentence(text, source, index), source) for text, source, index in texts]


def test_a_shorter_restatement_repeats_the_fuller_sentence_both_ways():
    fuller, shorter, other, _ = candidates()
    idf = idf_table(candidates())
    assert repeats(shorter, fuller, idf) and repeats(fuller, shorter, idf)
    assert not repeats(other, fuller, idf)


def test_selection_never_takes_a_sentence_and_its_restatement():
    pool = candidates()
    chosen = [c.text for c in select(pool, pool, max_words=200, idf=idf_table(pool))]
    assert (FULLER in chosen) != (SHORTER in chosen)
    assert (OTHER in chosen) != (ECHO in chosen)  # the farmers' point, reported by both, once


def test_headlines_steer_the_choice_between_equally_supported_facts():
    # Two facts, each reported by both outlets, one first and one second; the budget holds one
    # sentence, and the shorter ferry sentences give more per word.
    ferry_a = "The Orvel ferry service will stop on Monday after sixty years of crossings, operators said."
    ferry_b = "The ferry Orvel service stops Monday after sixty years of crossings on the lake."
    fares_a = "Ticket prices on the lake buses will rise by a third in spring, transport officials said."
    fares_b = "Lake bus ticket prices rise by a third this spring, officials of the transport board said."
    texts = [(ferry_a, "a", 0), (fares_a, "a", 1), (fares_b, "b", 0), (ferry_b, "b", 1)]
    pool = [make_candidate(Sentence(text, source, index), source) for text, source, index in texts]
    idf = idf_table(pool)
    headlines = [
        terms("Lake ticket prices to rise by a third"),
        terms("Transport board raises ticket prices"),
    ]
    without = select(pool, pool, max_words=17, idf=idf)
    with_headlines = select(pool, pool, max_words=17, idf=idf, headlines=headlines)
    assert [c.text for c in without] == [ferry_b]
    assert [c.text for c in with_headlines] == [fares_a]
