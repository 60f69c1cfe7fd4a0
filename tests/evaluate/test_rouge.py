from newsynth.evaluate.rouge import cut_to_budget, rouge_f1


def test_cut_to_budget_keeps_whole_sentences_then_cuts_the_last():
    sentences = ["One two three.", "Four five six seven.", "Eight nine."]
    assert cut_to_budget(sentences, 5) == ["One two three.", "Four five"]
    assert cut_to_budget(sentences, 3) == ["One two three."]
    assert cut_to_budget(sentences, 100) == sentences


def test_rouge_is_perfect_for_the_reference_and_zero_for_unrelated_text():
    reference = "The bridge reopened on Monday. Traffic returned to normal."
    perfect = rouge_f1(["The bridge reopened on Monday.", "Traffic returned to normal."], reference)
    assert all(abs(score - 100) < 1e-6 for score in perfect.values())
    assert all(score == 0 for score in rouge_f1(["Penguins enjoy cold water."], reference).values())


def test_rouge_uses_stemming():
    scores = rouge_f1(["Bridges reopening"], "bridge reopened")
    assert scores["rouge1"] == 100
