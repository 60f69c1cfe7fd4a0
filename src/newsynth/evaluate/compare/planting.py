"""Two ways of planting a contradiction into a real story, so the detector is not graded only by its twin.

A plant is a fair test only where the two sentences clearly state one fact, so both methods plant only
where the planter's own test says so (``same_fact``: at least four content words in common besides the
value, Jaccard similarity 0.2 or more), not merely where two sentences share a value by coincidence.
``strict_sites=False`` gives the earlier, looser sites, for comparison.

``twin``: among the sentence pairs the detector itself checks (``compare.checked_pairs``), a value both
sentences state is changed in one of them, with the detector's own value readers: a number a quarter
larger (real disagreements are mostly that close; it was x -> 2x+3), a date to another month / weekday
/ year, a name to an invented name found nowhere in the story.

``transplant`` shares no code with the detector: two sentences of different outlets that state one fact
and one value (the same number, date or spaCy entity, found by plain patterns here) are found; in one
of them the value is replaced by a value of the same kind taken from *another story* (a number of the
same form that differs by 15 to 50%, as real disagreements mostly do, where it was a third or more; a
date of the same form; an entity of the same spaCy label and length), and the sentence is reworded
(attribution and opening phrases moved, a few words replaced by synonyms, parentheses dropped), so that
it no longer repeats its partner's wording.
"""

from __future__ import annotations

import copy
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsynth.compare import checked_pairs
from newsynth.compare.conflicts import NAME_LABELS
from newsynth.compare.names import NameIndex, build_index, same_name
from newsynth.compare.values import MONTHS, WEEKDAYS, extract_dates, extract_quantities
from newsynth.records import Story

KINDS = ("number", "date", "name")
METHODS = ("twin", "transplant")
PLANTED_CHANGE = 0.25  # twin: a number is made this much larger
DONOR_CHANGE = (0.15, 0.5)  # transplant: a donor number differs by this share of the larger one
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]  # fmt: skip
# invented names, none of them real people, places or organisations as far as a news story would know
INVENTED = {
    "person": (["Quillfeather", "Ostrander", "Delavane", "Marrowick"],
               ["Odalys Quillfeather", "Tomasz Ostrander", "Maribel Delavane", "Kasimir Marrowick"]),
    "place": (["Velmora", "Druvik", "Castlereigh", "Osswen"],
              ["Port Velmora", "Lake Druvik", "Castlereigh Heights", "Osswen Valley"]),
    "organization": (["Halvernco", "Corvane", "Tidemark", "Brackwater"],
                     ["Halvern Institute", "Corvane Group", "Tidemark Council", "Brackwater Agency"]),
}  # fmt: skip


@dataclass
class Plant:
    kind: str
    article_id: str
    sentence_index: int
    original: str
    modified: str
    old_value: str
    new_value: str
    method: str = "twin"


def planted_story(story: Story, plant: Plant) -> Story:
    modified = copy.deepcopy(story)
    article = next(a for a in modified.articles if a.id == plant.article_id)
    article.sentences[plant.sentence_index].text = plant.modified
    article.clean_text = article.clean_text.replace(plant.original, plant.modified, 1)
    return modified


def _sentence(story: Story, place: tuple[str, int]) -> str:
    article = next(a for a in story.articles if a.id == place[0])
    return article.sentences[place[1]].text


def _sample(rng: random.Random, candidates: dict[str, list[Plant]], per_kind: int) -> list[Plant]:
    chosen = []
    for kind in KINDS:
        unique = list(
            {(p.article_id, p.sentence_index, p.old_value): p for p in candidates[kind] if fair(p)}.values()
        )
        chosen += rng.sample(unique, min(per_kind, len(unique)))
    return chosen


# --- twin: the detector's own pairs and value readers ---------------------------------------------------


def twin_plants(story: Story, rng: random.Random, per_kind: int, strict_sites: bool = True) -> list[Plant]:
    """Plants in the pairs the detector checks; with ``strict_sites`` only where the two sentences also
    pass the planter's own same-fact test (``same_fact``), not merely share the value."""
    candidates: dict[str, list[Plant]] = defaultdict(list)
    names = build_index([(a.id, s.index, s.text) for a in story.usable_articles for s in a.sentences])
    for pair in checked_pairs(story):
        for target, other in (pair, pair[::-1]):
            mine, theirs = _sentence(story, target), _sentence(story, other)
            for plant in (
                _number_plants(target, mine, theirs)
                + _date_plants(target, mine, theirs)
                + _name_plants(story, names, target, other, mine)
            ):
                if not strict_sites or same_fact(mine, theirs, plant.old_value):
                    candidates[plant.kind].append(plant)
    return _sample(rng, candidates, per_kind)


def _number_plants(target: tuple[str, int], mine: str, theirs: str) -> list[Plant]:
    plants = []
    their_values = {(q.low, q.high) for q in extract_quantities(theirs)}
    for quantity in extract_quantities(mine):
        if (quantity.low, quantity.high) not in their_values or quantity.low != quantity.high:
            continue
        if not re.search(rf"(?<![\w-]){re.escape(quantity.text)}", mine):
            continue  # "MAX8", "A320", "Amos-6": part of a name
        changed = _changed_number(quantity.text)
        if changed:
            plants.append(_plant("number", target, mine, quantity.text, changed))
    return plants


def _changed_number(text: str) -> str | None:
    """The number a quarter larger, written alike ("76" -> "95", "71.8%" -> "89.8%", "three hours" ->
    "4 hours"): real disagreements between outlets are mostly this close, not twice as large."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if digits:
        written = digits.group(0)
        decimals = len(written.split(".", 1)[1]) if "." in written else 0
        value = float(written.replace(",", ""))
        new = value + max(10.0**-decimals, round(value * PLANTED_CHANGE, decimals))
        changed = f"{new:,.{decimals}f}" if "," in written else f"{new:.{decimals}f}"
        return text[: digits.start()] + changed + text[digits.end() :]
    word = re.match(r"[A-Za-z]+", text)
    if word and word.group(0).lower() in NUMBER_WORDS:
        value = NUMBER_WORDS.index(word.group(0).lower())
        return str(value + max(1, round(value * PLANTED_CHANGE))) + text[word.end() :]
    return None


def _date_plants(target: tuple[str, int], mine: str, theirs: str) -> list[Plant]:
    plants = []
    their_dates = extract_dates(theirs)
    for date in extract_dates(mine):
        shared = any(date.comparable(other) and date.compatible(other) for other in their_dates)
        if shared and date.text in mine:
            changed = _changed_date(date.text)
            if changed:
                plants.append(_plant("date", target, mine, date.text, changed))
    return plants


def _changed_date(text: str) -> str | None:
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in MONTHS:
            month = MONTHS[word.lower()]
            return re.sub(rf"\b{word}\.?", MONTH_NAMES[(month + 3) % 12], text, count=1)
        if word.lower() in WEEKDAYS:
            return text.replace(word, WEEKDAYS[(WEEKDAYS.index(word.lower()) + 2) % 7].capitalize(), 1)
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if year:
        return text[: year.start()] + str(int(year.group(0)) - 3) + text[year.end() :]
    return None


def _name_plants(
    story: Story, names: NameIndex, target: tuple[str, int], other: tuple[str, int], mine: str
) -> list[Plant]:
    story_text = " ".join(article.clean_text for article in story.articles)
    their_mentions = names.mentions.get(other, [])
    plants = []
    for mention in names.mentions.get(target, []):
        label = names.label_of(mention)
        if (
            mention.dateline
            or label not in NAME_LABELS
            or mine[mention.end : mention.end + 1].isalnum()  # "Space" of "SpaceX": part of a word
            or not any(same_name(names, mention, other) for other in their_mentions)
        ):
            continue
        pool = INVENTED[label][0 if len(mention.text.split()) == 1 else 1]
        replacement = next((name for name in pool if name not in story_text), None)
        if replacement:
            modified = mine[: mention.start] + replacement + mine[mention.end :]
            plants.append(Plant("name", target[0], target[1], mine, modified, mention.text, replacement))
    return plants


def _plant(kind: str, target: tuple[str, int], mine: str, old: str, new: str) -> Plant:
    """``old`` replaced as a whole value: the "5" of "Category 5", not the one inside "155 mph"."""
    modified = whole_value(old).sub(new.replace("\\", r"\\"), mine, count=1)
    return Plant(kind, target[0], target[1], mine, modified, old, new)


def whole_value(value: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,]){re.escape(value)}(?!\w|[.,]\d)")


def fair(plant: Plant) -> bool:
    """A plant a careful reader would call a contradiction: the sentence changed, and it no longer
    states the old number or date too ("landfall on Tuesday as a Category 4 storm on Sunday")."""
    if plant.modified == plant.original:
        return False
    return plant.kind == "name" or not whole_value(plant.old_value).search(plant.modified)


# --- transplant: values of other stories, reworded sentences, no detector code ---------------------------

WORD = re.compile(r"[a-z]+")
STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says"}
NUMBER = re.compile(
    r"(?<![\w.,$])\d{1,3}(?:,\d{3})+(?![\w,]|\.\d)|(?<![\w.,$:])\d+(?:\.\d+)?(?![\w:]|[.,]\d)"
)
MONTH_DAY = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" (?:[1-9]|[12]\d|3[01])\b"
)
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
YEAR = re.compile(r"(?<![\d,.$])\b(?:19[5-9]\d|20[0-3]\d)\b(?![\d,.])")
ENTITY_LABELS = {"PERSON": "person", "GPE": "place", "ORG": "organization"}
SYNONYMS = {
    "said": "stated", "says": "states", "about": "around", "nearly": "almost", "more than": "over",
    "after": "following", "began": "started", "killed": "left dead", "injured": "hurt",
    "announced": "declared", "people": "persons", "told": "informed", "also": "additionally",
    "because": "as", "during": "amid", "reported": "stated", "including": "among them",
}  # fmt: skip
MIN_SHARED_WORDS = 4  # and a Jaccard similarity of MIN_OVERLAP: the two sentences report one fact
MIN_OVERLAP = 0.2
POSSESSIVE_END = re.compile(r"['’]s?$")
NAMES_A_THING = re.compile(r"\w| \d|-\d")  # "Falcon 9", "CRS-7", "SpaceX": the name is part of another
MIN_DONOR_MENTIONS = 2  # an entity is a donor when spaCy finds it at least twice in its story


@dataclass(frozen=True)
class Found:
    kind: str
    text: str
    shape: str  # numbers: "comma", "decimal", "plain"; dates: "month-day", "weekday", "year"; names: label


def transplant_plants(
    story: Story,
    rng: random.Random,
    per_kind: int,
    donors: dict[str, list[Found]],
    strict_sites: bool = True,
) -> list[Plant]:
    """Plants whose new value comes from ``donors`` (values of other stories, by kind)."""
    candidates: dict[str, list[Plant]] = defaultdict(list)
    story_text = " ".join(article.clean_text for article in story.articles)
    for target, shared in _sharing_pairs(story, strict_sites):
        for value in shared:
            plant = _transplant(target, value, donors, story_text, rng)
            if plant is not None:
                candidates[plant.kind].append(plant)
    return _sample(rng, candidates, per_kind)


def values_of(text: str) -> list[Found]:
    """Counts, dates and named entities of a sentence, by plain patterns and spaCy NER. A count is a
    number followed by a lower-case word or a percent sign and not preceded by a capitalised word ("Falcon
    9", "10 Downing Street" and "June 7" are no counts)."""
    found = [Found("date", m.group(0), "month-day") for m in MONTH_DAY.finditer(text)]
    found += [Found("date", m.group(0), "weekday") for m in WEEKDAY.finditer(text)]
    found += [Found("date", m.group(0), "year") for m in YEAR.finditer(text)]
    dated = " ".join(f.text for f in found)
    for match in NUMBER.finditer(text):
        if match.group(0) not in dated and _is_count(text, match):
            found.append(Found("number", match.group(0), _number_shape(match.group(0))))
    found += [Found("name", text, ENTITY_LABELS[label]) for text, label in _entities(text)]
    return found


def _is_count(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() : match.end() + 20]
    before = text[max(0, match.start() - 20) : match.start()].split()
    if (
        before
        and before[-1][:1].isupper()
        and before[-1].rstrip(",.") not in ("About", "Some", "At", "Nearly")
    ):
        return False
    return bool(re.match(r"\s?%|\s(?:percent\b|[a-z]{3,})", after)) and not re.match(
        r"\s*(?:a\.?m\b|p\.?m\b|am\b|pm\b)", after
    )


def _number_shape(text: str) -> str:
    return "comma" if "," in text else "decimal" if "." in text else "plain"


@lru_cache(maxsize=8192)
def _entities(text: str) -> tuple[tuple[str, str], ...]:
    from newsynth.compare.names import load_ner
    from newsynth.compare.ner_ops import one_blas_thread

    with one_blas_thread():
        doc = load_ner()(text)
    found = []
    for ent in doc.ents:
        name = POSSESSIVE_END.sub("", ent.text)
        after = text[ent.start_char + len(name) : ent.start_char + len(name) + 2]
        if (
            ent.label_ in ENTITY_LABELS
            and name[:1].isupper()
            and len(name) > 2
            and not NAMES_A_THING.match(after)
        ):
            found.append((name, ent.label_))
    return tuple(found)


def _content(text: str) -> set[str]:
    return {word for word in WORD.findall(text.lower()) if len(word) > 2 and word not in STOP}


def _sharing_pairs(story: Story, strict_sites: bool = True) -> list[tuple[tuple[str, int, str], list[Found]]]:
    """(article id, sentence index, text) of sentences sharing a value with a sentence of another outlet
    that reports the same fact (``same_fact``), with the shared values. Without ``strict_sites``: any
    sentence sharing the value and ``MIN_SHARED_WORDS`` content words, the value's own words included."""
    sentences = [
        (a.id, story.independent_source(a.id), s.index, s.text)
        for a in story.usable_articles
        for s in a.sentences
        if len(s.text.split()) >= 6
    ]
    words = {(a, i): _content(text) for a, _, i, text in sentences}
    pairs = []
    for article, source, index, text in sentences:
        mine = values_of(text)
        if not mine:
            continue
        shared: dict[str, Found] = {}
        for other_article, other_source, other_index, other_text in sentences:
            if other_source == source or len(
                words[(article, index)] & words[(other_article, other_index)]
            ) < (MIN_SHARED_WORDS):
                continue
            theirs = {(f.kind, f.text) for f in values_of(other_text)}
            shared.update(
                {
                    f.text: f
                    for f in mine
                    if (f.kind, f.text) in theirs
                    and (not strict_sites or same_fact(text, other_text, f.text))
                }
            )
        if shared:
            pairs.append(((article, index, text), list(shared.values())))
    return pairs


def same_fact(first: str, second: str, value: str) -> bool:
    """The planter's own test that two sentences state one fact, beyond sharing ``value``: at least
    ``MIN_SHARED_WORDS`` content words in common other than the value's, and a Jaccard similarity of
    ``MIN_OVERLAP`` over them."""
    own = _content(value)
    first_words, second_words = _content(first) - own, _content(second) - own
    shared = len(first_words & second_words)
    return shared >= MIN_SHARED_WORDS and shared / len(first_words | second_words) >= MIN_OVERLAP


def _transplant(
    target: tuple[str, int, str],
    value: Found,
    donors: dict[str, list[Found]],
    story_text: str,
    rng: random.Random,
) -> Plant | None:
    article, index, text = target
    pool = [
        d
        for d in donors.get(value.kind, [])
        if d.shape == value.shape and _same_length(value, d) and _differs(value, d, story_text)
    ]
    if not pool:
        return None
    new = rng.choice(pool)
    replaced = re.sub(rf"(?<!\w){re.escape(value.text)}(?!\w)", new.text, text, count=1)
    reworded = reword(replaced, new.text)
    if reworded == replaced or new.text not in reworded:
        return None
    return Plant(value.kind, article, index, text, reworded, value.text, new.text, method="transplant")


def _same_length(old: Found, new: Found) -> bool:
    return old.kind != "name" or min(len(old.text.split()), 2) == min(len(new.text.split()), 2)


def _differs(old: Found, new: Found, story_text: str) -> bool:
    if new.text in story_text:
        return False
    if old.kind != "number":
        return True
    a, b = float(old.text.replace(",", "")), float(new.text.replace(",", ""))
    return max(a, b) > 0 and DONOR_CHANGE[0] <= abs(a - b) / max(a, b) <= DONOR_CHANGE[1]


def reword(text: str, keep: str) -> str:
    """The sentence said otherwise: attribution moved, an opening phrase moved to the end, a few words
    replaced by synonyms, parentheses dropped; ``keep`` (the planted value) is left as written."""
    reworded = _move_attribution(text)
    reworded = _move_opening(reworded)
    reworded = _synonyms(reworded, keep)
    reworded = re.sub(r"\s*\([^()]*\)", lambda m: m.group(0) if keep in m.group(0) else "", reworded)
    return reworded


def _move_attribution(text: str) -> str:
    trailing = re.match(r"^(?P<body>.{20,}?),\s+(?P<who>(?:[\w.']+ ){0,4}?)(?P<verb>said|says)\.$", text)
    if trailing and trailing.group("who"):
        body = trailing.group("body").strip('"“” ')
        return (
            f"{_capital(trailing.group('who').strip())} {trailing.group('verb')} that {_lower_first(body)}."
        )
    leading = re.match(r"^(?P<who>(?:[\w.']+ ){1,4}?)(?P<verb>said|says) (?:that )?(?P<body>.{20,})\.$", text)
    if leading:
        who = _lower_first(leading.group("who").strip())
        return f"{_capital(leading.group('body'))}, {who} {leading.group('verb')}."
    return text


def _move_opening(text: str) -> str:
    opening = re.match(r"^(?P<lead>(?:On|In|At|After|By|During|Earlier) [^,]{3,40}),\s+(?P<rest>.+)\.$", text)
    if not opening:
        return text
    return f"{_capital(opening.group('rest'))} {_lower_first(opening.group('lead'))}."


def _synonyms(text: str, keep: str) -> str:
    changed = 0
    for word, synonym in SYNONYMS.items():
        if changed == 2:
            break
        if word in keep.lower():
            continue
        new = re.sub(rf"\b{word}\b", synonym, text, count=1)
        changed += new != text
        text = new
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in STOP else text


def donor_values(stories: list[Story]) -> dict[str, list[Found]]:
    """Values of every story's sentences, by kind, for planting into other stories; an entity only when
    spaCy finds it ``MIN_DONOR_MENTIONS`` times in its story with one label."""
    donors: dict[str, set[Found]] = defaultdict(set)
    for story in stories:
        entities: dict[Found, int] = defaultdict(int)
        for article in story.usable_articles:
            for sentence in article.sentences:
                for found in values_of(sentence.text):
                    if found.kind == "name":
                        entities[found] += 1
                    else:
                        donors[found.kind].add(found)
        donors["name"].update(found for found, count in entities.items() if count >= MIN_DONOR_MENTIONS)
    return {kind: sorted(values, key=lambda f: (f.shape, f.text)) for kind, values in donors.items()}
