import newsynth
from newsynth.records import Brief
from tests.summarize.conftest import NORTHERN_POST, VALLEY_GAZETTE


def test_brief_api_takes_raw_texts_and_returns_the_brief_record():
    made = newsynth.brief([" ".join(VALLEY_GAZETTE), {"text": " ".join(NORTHERN_POST), "outlet": "Post"}], 60)
    assert isinstance(made, Brief)
    assert made.summary and sum(len(s.text.split()) for s in made.summary) <= 60
    assert [a.outlet for a in made.articles][1] == "Post"
    assert all(n in (1, 2) for s in made.summary for n in s.supporting_articles)
