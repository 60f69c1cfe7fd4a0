"""Direct quotes and reported speech, with their speaker, grouped across outlets.

A direct quote is text in quotation marks; its speaker is the name next to a speech verb in the same
sentence ("... ," Kirby said), or, for "he said", the person last named in the article before it.
Reported speech is "Name said that ...": kept so that an outlet's paraphrase can be set beside another
outlet's direct quote of the same speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from newsynth.compare.names import Mention, NameIndex, is_demonym
from newsynth.compare.text import STOP_WORDS, Caseless, content_words, fold, normalize_punctuation

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|wrote|writes|asked|explained|noted|argued|insisted|warned|"
    "claimed|blamed|called|described|dismissed|dismiss|denied|acknowledged|admitted|declared|announced|urged|"
    "recalled|continued|replied|responded|clarified|commented|remarked|tweeted|posted|according|"
    "acknowledge|admit|deny|claim|insist|warn|dismiss|describe|blame|explain"
)

SPEECH = Caseless(rf"\b(?:{SPEECH_VERBS})\b")
PRONOUN_SPEECH = Caseless(rf"\b(?:he|she)\s+(?:\w+\s+)?(?:{SPEECH_VERBS})\b")
SPEECH_PRONOUN = Caseless(rf"\b(?:{SPEECH_VERBS})\s+(?:he|she)\b")
QUOTED = re.compile(r'"([^"]{2,}?)"')
REPORTED = Caseless(rf"\b(?:{SPEECH_VERBS})\b(?:\s+\w+){{0,3}}?\s+that\s+(?P<clause>[^\"]{{20,}})$")
MIN_WORDS_FOR_COMPARISON = 4  # shorter quotes ("wild rumors") are fragments, not renderings to compare


@dataclass
class FoundQuote:
    text: str
    speaker: str | None  # canonical entity key
    article_id: str
    sentence_index: int
    direct: bool = True

    @cached_property
    def words(self) -> list[str]:
        return fold(self.text).split()

    @cached_property
    def content(self) -> set[str]:
        return content_words(self.text)


def find_quotes(article_id: str, sentences: list[tuple[int, str]], names: NameIndex) -> list[FoundQuote]:
    """The quotes of one article, given as its (sentence index, text) pairs in order."""
    found: list[FoundQuote] = []
    last_person: str | None = None
    for position, text in sentences:
        text = normalize_punctuation(text)
        mentions = names.mentions.get((article_id, position), [])
        quotes = list(QUOTED.finditer(text))
        outside = QUOTED.sub(lambda match: " " * len(match.group(0)), text) if quotes else text
        speaker = _speaker(outside, mentions, names, last_person)
        for match in quotes:
            found.append(FoundQuote(match.group(1).strip(" ,."), speaker, article_id, position))
        reported = REPORTED.search(outside) if speaker and not quotes else None
        if reported:
            clause = outside[reported.start("clause") : reported.end("clause")]
            found.append(FoundQuote(clause.strip(" ."), speaker, article_id, position, False))
        last_person = _last_person(outside, mentions, names) or last_person
    return found


def _speaker(outside: str, mentions: list[Mention], names: NameIndex, last_person: str | None) -> str | None:
    verbs = [match.start() for match in SPEECH.finditer(outside)]
    if not verbs:
        return None
    speakers = [
        m
        for m in mentions
        if outside[m.start : m.end].strip()
        and names.label_of(m) in ("person", "other")
        and not is_demonym(m.key.split())  # "North Korean officials said": no one's name
    ]
    if speakers:
        nearest = min(speakers, key=lambda m: min(abs(m.start - verb) for verb in verbs))
        if min(abs(nearest.start - verb) for verb in verbs) <= 60:
            return names.entity_of(nearest)
    if PRONOUN_SPEECH.search(outside) or SPEECH_PRONOUN.search(outside):
        return last_person
    return None


def _last_person(outside: str, mentions: list[Mention], names: NameIndex) -> str | None:
    people = [m for m in mentions if outside[m.start : m.end].strip() and names.label_of(m) == "person"]
    return names.entity_of(people[0]) if people else None


def same_quote(first: FoundQuote, second: FoundQuote) -> bool:
    """Two renderings of one statement: same speaker (or one unknown) and shared wording."""
    if first.speaker and second.speaker and first.speaker != second.speaker:
        return False
    if not (first.speaker or second.speaker) and (not first.direct or not second.direct):
        return False
    a, b = " ".join(first.words), " ".join(second.words)
    if a == b or (min(len(a), len(b)) >= 6 and (a in b or b in a)):
        return True
    shared = first.content & second.content
    smaller = min(len(first.content), len(second.content)) or 1
    needed = 2 if (first.direct and second.direct) else 3
    share = 0.3 if first.speaker and first.speaker == second.speaker else 0.4
    return len(shared) >= needed and len(shared) / smaller >= share


def worded_differently(first: FoundQuote, second: FoundQuote) -> bool:
    """Direct quotes of one statement whose words differ, beyond one being an excerpt of the other and
    beyond small words ("in law and in practice" = "in law and practice")."""
    if min(len(first.words), len(second.words)) < MIN_WORDS_FOR_COMPARISON:
        return False
    return bool(changed_words(first.words, second.words))


def changed_words(first: list[str], second: list[str]) -> list[str]:
    """Content words that one rendering has and the other replaces or lacks, inside the shared stretch."""
    blocks = SequenceMatcher(None, first, second, autojunk=False).get_opcodes()
    equal = [position for position, block in enumerate(blocks) if block[0] == "equal"]
    if not equal:
        return first + second
    changed = []
    for tag, a_start, a_end, b_start, b_end in blocks[equal[0] : equal[-1] + 1]:
        if tag != "equal":
            changed += [w for w in first[a_start:a_end] + second[b_start:b_end] if _meaningful(w)]
    return changed


def _meaningful(word: str) -> bool:
    return len(word) > 2 and word not in STOP_WORDS
