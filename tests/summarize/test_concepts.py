from newsynth.summarize.concepts import HEADLINE_BOOST, headline_boost


def test_a_concept_gains_with_the_share_of_headlines_that_carry_it():
    weights = {"dam": 2.0, "vote": 1.0, "rain": 1.0}
    headlines = [{"dam", "vote"}, {"dam"}]
    boosted = headline_boost(weights, headlines)
    assert boosted["dam"] == 2.0 * (1 + HEADLINE_BOOST)  # in every headline
    assert boosted["vote"] == 1.0 * (1 + HEADLINE_BOOST / 2)  # in half of them
    assert boosted["rain"] == 1.0


def test_without_headlines_the_weights_are_unchanged():
    weights = {"dam": 2.0}
    assert headline_boost(weights, []) == weights
