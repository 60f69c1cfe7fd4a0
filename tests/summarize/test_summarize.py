from newsynth.records import Story
from newsynth.summarize import summarize
from tests.summarize.conftest import NORTHERN_POST, VALLEY_GAZETTE, article


def words(sentences) -> int:
    return sum(len(s.text.split()) for s in sentences)


def test_summary_stays_within_the_word_budget(library_fire):
    for budget in (20, 45, 80, 200):
        assert words(summarize(library_fire, max_words=budget)) <= budget


def test_fill_reaches_the_budget_and_only_its_last_sentence_passes_it(library_fire):
    for budget in range(15, 60, 5):
        filled = summarize(library_fire, max_words=budget, fill=True)
        assert words(filled) >= budget
        longest = max(len(s.text.split()) for s in filled)
        assert words(filled) - longest < budget


def test_fill_keeps_the_strict_summary_and_tops_it_up_with_one_sentence(library_fire):
    for budget in range(15, 60, 5):
        strict_summary = summarize(library_fire, max_words=budget)
        strict = [s.text for s in strict_summary]
        filled = [s.text for s in summarize(library_fire, max_words=budget, fill=True)]
        if words(strict_summary) == budget:
            assert filled == strict
        else:
            assert set(strict) < set(filled) and len(filled) == len(strict) + 1


def test_fill_stops_when_the_story_has_nothing_left(library_fire):
    everything = summarize(library_fire, max_words=10_000, fill=True)
    assert words(everything) < 10_000
    assert {s.text for s in summarize(library_fire, max_words=10_000)} == {s.text for s in everything}


def test_a_budget_too_small_for_any_sentence_gives_an_empty_summary(library_fire):
    assert summarize(library_fire, max_words=5) == []


def test_summary_leads_with_what_several_outlets_report(library_fire):
    first = summarize(library_fire, max_words=60)[0]
    assert "library" in first.text.lower()
    assert len(first.supporting_articles) >= 2


def test_citations_include_every_article_carrying_the_fact(library_fire):
    summary = summarize(library_fire, max_words=200)
    books = next(s for s in summary if "40,000 books" in s.text)
    assert books.supporting_articles == [1, 2]
    assert books.source_article in books.supporting_articles


def test_each_support_quotes_a_sentence_of_the_cited_article(library_fire):
    for sentence in summarize(library_fire, max_words=200):
        for support in sentence.support:
            cited = library_fire.articles[support.article - 1]
            assert support.sentence in [s.text for s in cited.sentences]


def test_no_two_summary_sentences_say_the_same_thing(library_fire):
    summary = summarize(library_fire, max_words=200)
    wiring = [s for s in summary if "wiring" in s.text]
    assert len(wiring) == 1


def test_a_sentence_opening_with_a_pronoun_comes_right_after_its_referent(library_fire):
    summary = [s.text for s in summarize(library_fire, max_words=200)]
    for position, text in enumerate(summary):
        if text.startswith("He said"):
            assert position > 0 and summary[position - 1].startswith("The marshal said")


def test_wire_copies_do_not_count_as_extra_sources():
    original = article("wire", "Wire Service", NORTHERN_POST)
    copy = article("copy", "Reprint Daily", NORTHERN_POST)
    copy.copy_of = "wire"
    story = Story(id="s", articles=[original, copy, article("gazette", "Valley Gazette", VALLEY_GAZETTE)])
    summary = summarize(story, max_words=80)
    assert summary
    # the copy carries the same sentences, so it is cited alongside its original
    assert all((1 in s.supporting_articles) == (2 in s.supporting_articles) for s in summary)


def test_junk_articles_are_never_summarized(library_fire):
    library_fire.articles[2].junk_reason = "page about something else"
    summary = summarize(library_fire, max_words=200)
    assert all(s.source_article != 3 and 3 not in s.supporting_articles for s in summary)


def test_a_story_without_usable_text_gives_no_summary():
    assert summarize(Story(id="empty", articles=[]), max_words=100) == []


def test_an_article_giving_another_figure_does_not_support_the_sentence():
    event = "workers were injured when the old pier collapsed on Friday night."
    three = article("a", "Bay Times", [f"Three {event}"])
    four = article("b", "Coast News", [f"Four {event}"])
    summary = summarize(Story(id="pier", articles=[three, four]), max_words=30)
    assert [s.supporting_articles for s in summary] == [[summary[0].source_article]]
