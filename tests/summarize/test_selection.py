from newsynth.records import Sentence
from newsynth.summarize.candidates import make_candidate
from newsynth.summarize.citations import idf_table
from newsynth.summarize.selection import repeats, select

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
