from newsynth.summarize.text import terms


def test_possessives_are_the_same_concept_whatever_the_apostrophe():
    straight = terms("Officials praised Kellan's rescue crew.")
    curly = terms("Officials praised Kellan’s rescue crew.")
    bare = terms("Officials praised the Kellan rescue crew.")
    assert "kellan" in straight.content
    assert straight.content == curly.content == bare.content
    assert straight.bigrams == curly.bigrams


def test_contractions_are_not_content_words():
    content = terms("It's clear the mayor didn't sign, and we'll know it.").content
    assert content == {"clear", "mayor", "sign", "know"}


def test_number_words_match_digits():
    assert terms("Eighteen boats sank.").content == terms("18 boats sank.").content
