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

from newsynth.compare.names import LETTERS, Mention, NameIndex, is_demonym
from newsynth.compare.text import STOP_WORDS, Caseless, content_words, fold, normalize_punctuation
from newsynth.records import Sentence

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|wrote|writes|asked|explained|noted|argued|insisted|warned|"
    "claimed|blamed|called|described|dismissed|dismiss|denied|acknowledged|admitted|declared|announced|urged|"
    "recalled|continued|replied|responded|clarified|commented|remarked|tweeted|posted|according|"
    "acknowledge|admit|deny|claim|insist|warn|dismiss|describe|blame|explain"
)

SPEECH = Caseless(rf"\b(?:{SPEECH_VERBS})\b")
SPEECH_WORDS = frozenset(SPEECH_VERBS.split("|"))
LETTER_RUN = re.compile(r"[a-z]+")
PRONOUN_SPEECH = Caseless(rf"\b(?:he|she)\s+(?:\w+\s+)?(?:{SPEECH_VERBS})\b")
SPEECH_PRONOUN = Caseless(rf"\b(?:{SPEECH_VERBS})\s+(?:he|she)\b")
QUOTED = re.compile(r'"([^"]{2,}?)"')
# British style: 'The House has spoken,' she said; an apostrophe between letters ("don't") stays inside
SINGLE_QUOTED = re.compile(r"(?:(?<=[\s:(])|^)'([A-Z](?:[^']|(?<=[A-Za-z])'(?=[a-z]))+?)'(?=[\s,.;:!?)]|$)")
# a quote that opens after a colon and runs past the sentence's end: Roe said: "The port will reopen.
OPEN_QUOTE = re.compile(r"(?<=:)\s*[\"']([A-Z][^\"]{10,}?)[\"']?$")
BLANK = "   "  # a quote blanked out of its sentence leaves at least this
CLAUSE_BREAK = re.compile(r"[;:]|\s{3,}|,?\s+(?:but|while|whereas|although|though)\s|,\s+and\s")
INVERTING_VERBS = {
    "said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "continued", "recalled",
    "stated", "replied", "remarked", "insisted", "argued", "responded", "tweeted", "posted",
}  # fmt: skip
ACCORDING_TO = re.compile(r"\s+to\b")
JOINED = re.compile(r"\b(?:and|or|&)\b")
PREPOSITIONS = {
    "of", "for", "to", "with", "from", "in", "at", "on", "by", "against", "about", "into", "near", "after",
    "before", "over", "under", "between", "among", "than", "toward", "towards", "via", "outside", "inside",
    "across", "during", "through", "behind", "beside", "within", "throughout", "upon", "until", "amid",
    "around", "despite", "beyond", "along", "past", "onto", "like",
}  # fmt: skip
ARTICLES = {"the", "a", "an"}
NEW_PHRASE = {"a", "an", "-", "--", "\u2014", "\u2013"}
LOWER_NEXT = re.compile(r"[-\w]*\s+[a-z]+")  # "the Eastmoor estate", "the Roe-owned firm"
MAX_WORDS_BEFORE_VERB = 3  # "Roe said", "Roe also told", "Roe on Friday said"
MAX_WORDS_BEFORE_NAME = 4  # "said NASA launch director Jane Roe"
MAX_WORDS_CLOSED_ASIDE = 16  # "Jane Roe, mayor of Port Town, Texas, who ordered the evacuation, said"
MAX_WORDS_OPEN_ASIDE = 8  # "Jane Roe, the agency's operations director at the port, said"
REPORTED = Caseless(rf"\b(?:{SPEECH_VERBS})\b(?:\s+\w+){{0,3}}?\s+that\s+(?P<clause>[^\"]{{20,}})$")
MIN_WORDS_FOR_COMPARISON = 4  # shorter quotes ("wild rumors") are fragments, not renderings to compare
SAME_WORDS_SHARE = 0.75  # content words of the shorter quote that the other has, for one statement


@dataclass
class FoundQuote:
    text: str
    speaker: str | None  # canonical entity key
    article_id: str
    sentence_index: int
    direct: bool = True
    named: Mention | None = None  # the speaker's name in the quote's own sentence, when written there

    @cached_property
    def words(self) -> list[str]:
        return fold(self.text).split()

    @cached_property
    def content(self) -> set[str]:
        return content_words(self.text)


def find_quotes(article_id: str, sentences: list[Sentence], names: NameIndex) -> list[FoundQuote]:
    """The quotes of one article, given its sentences in order."""
    found: list[FoundQuote] = []
    last_person: str | None = None
    last_quoted: str | None = None  # the speaker of the sentence before, when it was a quote
    for sentence in sentences:
        text = normalize_punctuation(sentence.text)
        mentions = names.mentions.get((article_id, sentence.index), [])
        quotes = _quoted(text)
        outside = _blanked(text, quotes)
        verbs = _speech_verbs(outside)
        named = _named_speaker(outside, verbs, mentions)
        speaker = names.entity_of(named) if named else _pronoun_speaker(outside, verbs, last_person)
        if speaker is None and quotes and not LETTERS.search(outside):
            speaker = last_quoted  # a quote standing alone goes on with the speaker before it
        for match in quotes:
            words = match.group(1).strip(" ,.")
            found.append(FoundQuote(words, speaker, article_id, sentence.index, named=named))
        reported = REPORTED.search(outside) if speaker and not quotes else None
        if reported:
            clause = outside[reported.start("clause") : reported.end("clause")]
            found.append(FoundQuote(clause.strip(" ."), speaker, article_id, sentence.index, False, named))
        last_quoted = speaker if quotes else None
        last_person = _person_named(speaker, outside, mentions, names) or last_person
    return found


def _speech_verbs(outside: str) -> list[re.Match[str]]:
    """The speech verbs of a sentence. In ASCII text each is a whole run of letters, so a sentence with
    no such run (most sentences) is passed without the slower search over every verb."""
    if outside.isascii() and SPEECH_WORDS.isdisjoint(LETTER_RUN.findall(outside.lower())):
        return []
    return list(SPEECH.finditer(outside))


def _quoted(text: str) -> list[re.Match[str]]:
    """The quotes of a sentence: in double quotes, else in single ones, else one left open after a colon."""
    for pattern, mark in ((QUOTED, '"'), (SINGLE_QUOTED, "'"), (OPEN_QUOTE, ":")):
        quotes = list(pattern.finditer(text)) if mark in text else []  # no match without its mark
        if quotes:
            return quotes
    return []


def _blanked(text: str, quotes: list[re.Match[str]]) -> str:
    """The sentence with its quotes (marks included) blanked out."""
    for match in quotes:
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


def _named_speaker(outside: str, verbs: list[re.Match[str]], mentions: list[Mention]) -> Mention | None:
    """Who speaks in a sentence (quotes blanked out), when it names them: the name after "according
    to", the subject of a speech verb ("Jane Roe, a director, said"), or the name after the verb when
    it follows a quote ("..., said Jane Roe"). Names inside a longer phrase ("the Eastmoor estate", "UN
    monitor Jane Roe") or after a preposition are not speakers. ``verbs``: the speech verbs of ``outside``."""
    if not verbs:
        return None
    verbs = sorted(verbs, key=lambda verb: _verb_order(outside, verb))
    candidates = [m for m in mentions if outside[m.start : m.end].strip() and not is_demonym(m.key.split())]
    for verb in verbs:
        speaker = _name_after(outside, verb, candidates) or _subject_before(outside, verb, candidates)
        if speaker is not None:
            return speaker
    return None


def _pronoun_speaker(outside: str, verbs: list[re.Match[str]], last_person: str | None) -> str | None:
    """The person last named, for "he said" (a sentence without a speech verb has no such phrase)."""
    if verbs and (PRONOUN_SPEECH.search(outside) or SPEECH_PRONOUN.search(outside)):
        return last_person
    return None


def _verb_order(outside: str, verb: re.Match[str]) -> tuple[bool, int]:
    """ "according to" first (it names its source outright), then the verbs nearest a quote."""
    before = outside.rfind(BLANK, 0, verb.start())
    after = outside.find(BLANK, verb.end())
    distances = [
        verb.start() - before if before >= 0 else len(outside),
        after - verb.end() if after >= 0 else len(outside),
    ]
    return _verb(outside, verb) != "according", min(distances)


def _verb(outside: str, verb: re.Match[str]) -> str:
    return outside[verb.start() : verb.end()].lower()


def _subject_before(outside: str, verb: re.Match[str], candidates: list[Mention]) -> Mention | None:
    """The name heading the verb's subject: right before the verb ("Roe said", "Roe also said"), or the
    clause's first name with an aside between ("Jane Roe, who ..., said"; "Jane Roe, a director, said")."""
    if _verb(outside, verb) == "according":
        return None
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(outside, 0, verb.start())), default=0)
    in_clause = [m for m in candidates if clause_start <= m.start and m.end <= verb.start()]
    heads = [
        (mention, outside[mention.end + 2 * mention.possessive : verb.start()])
        for position, mention in enumerate(in_clause)
        if not _inside_phrase(outside, mention, in_clause[position + 1 :])
    ]
    heads = [(mention, gap) for mention, gap in heads if not (mention.possessive and gap.strip())]
    adjacent = [mention for mention, gap in heads if not gap.strip()]
    if adjacent:
        return adjacent[-1]
    for mention, gap in heads:
        if _aside(gap) or _short_gap(outside, mention, verb, in_clause):
            return mention
    return None


def _short_gap(outside: str, mention: Mention, verb: re.Match[str], in_clause: list[Mention]) -> bool:
    """A few words between a name and its verb, names in them not counted ("Roe of the Port Authority
    said", "Roe on Friday said"); not a new noun phrase ("Korea - a notion dismissed")."""
    gap = outside[mention.end : verb.start()]
    for other in in_clause:
        if mention.end <= other.start:
            gap = gap.replace(outside[other.start : other.end], " ")
    words = gap.split()
    return len(words) <= MAX_WORDS_BEFORE_VERB and not any(word in NEW_PHRASE for word in words)


def _aside(gap: str) -> bool:
    """Words between a name and its verb set off by commas: a closed aside (", who ..., ", ", mayor of
    Port Town, Texas, ") or a short open one (", the agency's director ")."""
    gap = gap.strip()
    if not gap.startswith(","):
        return False
    inner = gap[1:].rstrip(",").split()
    if gap.endswith(","):
        return len(inner) <= MAX_WORDS_CLOSED_ASIDE
    return "," not in gap[1:] and len(inner) <= MAX_WORDS_OPEN_ASIDE


def _name_after(outside: str, verb: re.Match[str], candidates: list[Mention]) -> Mention | None:
    """The name a verb introduces: after "according to", or after a verb that follows a quote
    ("..., said Jane Roe", "..., said activist Jane Roe")."""
    according = _verb(outside, verb) == "according"
    if according and not ACCORDING_TO.match(outside, verb.end()):
        return None
    if not according and (_verb(outside, verb) not in INVERTING_VERBS or not _after_quote(outside, verb)):
        return None
    after = [m for m in candidates if m.start >= verb.end()]
    for position, mention in enumerate(after):
        between = outside[verb.end() : mention.start]
        if len(between.split()) > MAX_WORDS_BEFORE_NAME + according or "," in between:
            return None
        if not _inside_phrase(outside, mention, after[position + 1 :], introduced=according):
            return mention
    return None


def _after_quote(outside: str, verb: re.Match[str]) -> bool:
    """The verb follows a quote or opens an aside ("..., said Roe", "This study, says Roe, ...")."""
    before = outside[: verb.start()]
    return len(before) - len(before.rstrip(" ,")) >= len(BLANK) or before.rstrip().endswith(",")


def _inside_phrase(outside: str, mention: Mention, later: list[Mention], introduced: bool = False) -> bool:
    """A name that qualifies a longer phrase: after a preposition (unless the verb introduces it: the
    "to" of "according to"), after "the" and before a lower-case word ("the Eastmoor estate"), or before
    a name its own phrase goes on to ("UN monitor Jane Roe", not "Jane Roe of the Agency")."""
    before = LETTERS.findall(outside[max(0, mention.start - 30) : mention.start].lower())[-2:]
    while before and before[-1] in ARTICLES:
        before = before[:-1]
    if before and before[-1] in PREPOSITIONS and not introduced:
        return True
    following = outside[mention.end : mention.end + 40]
    next_word = LOWER_NEXT.match(following)
    if next_word and outside[: mention.start].rstrip().lower().endswith("the"):
        return not SPEECH.search(next_word.group(0))  # "the Eastmoor estate", not "the Agency said"
    if not later:
        return False
    between = outside[mention.end : later[0].start].split()
    return (
        not any(mark in word for word in between for mark in ",;:")
        and not (between and (between[0].lower() in PREPOSITIONS or JOINED.match(between[0])))
        and not any(JOINED.fullmatch(word) for word in between)
        and len(between) <= MAX_WORDS_BEFORE_NAME
    )


def _person_named(speaker: str | None, outside: str, mentions: list[Mention], names: NameIndex) -> str | None:
    """Whom a later "he said" refers to: the sentence's speaker when a person, else its first person
    named outside a longer phrase."""
    if speaker is not None and names.labels.get(speaker, "other") in ("person", "other"):
        return speaker
    people = [m for m in mentions if outside[m.start : m.end].strip() and names.label_of(m) == "person"]
    subjects = [m for m in people if not _inside_phrase(outside, m, [])]
    return names.entity_of(subjects[0]) if subjects else None


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


def same_words(first: FoundQuote, second: FoundQuote) -> bool:
    """Two direct quotes that render one statement, whoever each source says spoke it: one holds the
    other, or most content words of the shorter are the other's (``SAME_WORDS_SHARE``); each at least
    ``MIN_WORDS_FOR_COMPARISON`` content words, so that no stock phrase counts."""
    if not (first.direct and second.direct):
        return False
    if min(len(first.content), len(second.content)) < MIN_WORDS_FOR_COMPARISON:
        return False
    a, b = " ".join(first.words), " ".join(second.words)
    if a in b or b in a:
        return True
    shared = first.content & second.content
    return len(shared) >= SAME_WORDS_SHARE * min(len(first.content), len(second.content))


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
