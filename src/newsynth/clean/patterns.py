"""Line patterns of page furniture, captions, credits, datelines and bylines.

Generic web-page wording written for this project: prompts, widgets and credit formats that
appear on news sites in general, not lines of any particular page.

Patterns compiled with ``lower`` are written in lower case and matched against lower-cased text:
Python's IGNORECASE makes big alternations an order of magnitude slower, and cleaning has a budget
of a few milliseconds per story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


def lower(pattern: str) -> re.Pattern[str]:
    """A pattern for lower-cased text."""
    return re.compile(pattern)


AGENCIES = (
    r"ap|associated press|reuters|afp|agence france-presse|getty images?|epa|upi|xinhua|bloomberg|"
    r"shutterstock|istock(?:photo)?|corbis|wikimedia commons|kcna|yonhap|nasa|esa|tass|ansa|dpa"
)

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"

# Dates as they appear on pages: "October 8, 2014", "8 October 2014", "2014-10-02", "04/27/2024".
DATE = lower(
    rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,|\.)?\s+(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d-\d\d-\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b"
)
MONTH_DAY = lower(rf"^{MONTH}\s+\d{{1,2}}$")
TIME = lower(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?")

# What may surround a date on a timestamp line without making it prose.
TIMESTAMP_FILLER = lower(
    rf"\b(?:{WEEKDAY}|posted|updated|last|published|modified|created|on|at|by|am|pm|a\.m|p\.m|"
    r"[a-z]{1,3}[sd]?t|gmt|utc|ist|time|beijing|local|date)\b|[@|·•,.:;()\-–—/]"
)

BYLINE = lower(r"^by\s+(?P<name>[^|,;:]*)")


@dataclass(frozen=True)
class Rule:
    """A furniture pattern for lower-cased lines of at most ``max_words`` words. ``gate`` lists
    literal strings of which the line must contain one before the pattern is tried (regexes are the
    slow part of cleaning); an empty gate means the pattern is anchored and cheap."""

    pattern: re.Pattern[str]
    reason: str
    gate: tuple[str, ...] = ()
    max_words: int = 40


def rule(pattern: str, reason: str, gate: str = "", max_words: int = 40) -> Rule:
    return Rule(lower(pattern), reason, tuple(gate.split("|")) if gate else (), max_words)


# Furniture: prompts, widgets and notices.
FURNITURE: list[Rule] = [
    rule(
        r"^(?:\d+\.\s*)?skip (?:to )?(?:main |the )?(?:content|main|navigation|menu|more|search|footer)",
        "skip link",
    ),
    rule(r"^(?:accessibility links|(?:main )?menu|(?:toggle )?navigation|search)$", "menu"),
    rule(r"(?:^|\s)(?:home|news|world)\s*[»›>]\s*\w", "breadcrumb menu", "»|›|>"),
    rule(
        r"\b(?:share (?:this|the) (?:article|story|page|post|video)|share$|^share\b|tweet this|pin it|"
        r"share (?:on|via|with) (?:facebook|twitter|x|email|whatsapp|linkedin|your friends)|email this|"
        r"like us on|follow us|click to follow|follow @|join us on|find us on)",
        "share/follow prompt",
        "share|tweet|pin it|email|like us|follow|join us|find us",
        max_words=15,
    ),
    # Subscription words in a short line, or a call to subscribe in a longer one (a business story
    # may well speak of subscribers and newsletters).
    rule(
        r"\b(?:subscribe|subscription|subscriber|newsletters?|sign up|signup|sign in|log in|"
        r"register now|inbox|email address|unlimited (?:website )?access|cancel or pause|"
        r"continue reading|keep reading|become a member|support our journalism|donate now)\b",
        "subscription prompt",
        "subscri|newsletter|sign|log in|register|inbox|email|unlimited|cancel|reading|member|support|donate",
        max_words=12,
    ),
    rule(
        r"\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox|alerts|updates|today|now|free)\b|"
        r"\b(?:delivered|sent|straight) (?:directly )?to your inbox|\bby (?:providing|entering) your email|"
        r"\bcontinue reading\b|unlimited (?:website )?access|cancel or pause",
        "subscription prompt",
        "sign up|subscribe|inbox|your email|continue reading|unlimited|cancel or pause",
    ),
    rule(
        r"^(?:related(?: links| stories| articles| coverage| content)?|more stories|recommended|"
        r"trending(?: now)?|popular(?: video| stories)?|most (?:read|popular|viewed)|"
        r"latest(?: news| from this category)?|all news|more|more »|read more|see more|"
        r"top stories|editor'?s picks|you (?:may|might) also like|don'?t miss|breaking news|developing|"
        r"story highlights|recommended for you|read next|up next|next story|sections|close|home)\s*[:»›]?$",
        "related-content widget",
        max_words=6,
    ),
    rule(
        r"^(?:trending|read more|more|more from [^:]{1,40}|more on [^:]{1,60}|related|watch|see also|"
        r"also read|also see|recommended|click here|keywords?|tags?|categor(?:y|ies)|topics?|filed under|"
        r"sources?|photo source|image source)\s*:",
        "related-content widget",
    ),
    rule(r"^(?:read more (?:at|on|here|about)\b|more on the\b|more from\b)", "read-more link"),
    rule(
        r"\b(?:click|tap|watch|read|see|listen|available)\b[^.]{0,80}\bhere\b\W*$",
        "link prompt",
        "here",
        max_words=15,
    ),
    rule(r"^\[?(?:timeline|video|watch|photos|gallery|related|interactive)\s*:", "link prompt"),
    rule(
        r"\b(?:comments?|reader comments|view comments|leave a (?:comment|reply)|post a comment|"
        r"no comments|discuss(?: as)?|join the (?:discussion|conversation))\s*:?$",
        "comments widget",
        "comment|discuss|join the|leave a",
        max_words=6,
    ),
    rule(r"^(?:previous|next) (?:post|article|story|page)\b", "pagination"),
    rule(
        r"©|\bcopyright\s*(?:©|\(c\)|(?:19|20)\d\d)|^copyright\b|\(c\) (?:19|20)\d\d|all rights reserved",
        "copyright/legal notice",
        "copyright|©|(c)|rights reserved",
    ),
    rule(
        r"terms (?:of (?:use|service)|and conditions)|privacy policy|cookie policy|^contact us$|^about us$",
        "copyright/legal notice",
        "terms|privacy|cookie|contact us|about us",
        max_words=12,
    ),
    rule(
        r"^(?:advertisement|sponsored|paid (?:post|content)|ad$|promoted)|story continues below|"
        r"advertisement\W*$",
        "advertisement",
        "advert|sponsored|paid|ad|promoted|story continues",
    ),
    rule(r"^click to (?:play|view|watch|enlarge|expand)", "site widget"),
    rule(
        r"real time analytics|make \w+ your homepage|this text (?:is )?available in|is not supported|"
        r"outdated browser|enable javascript|scrolled back into view|video will return|archived article|"
        r"image placeholder",
        "site widget",
        "analytics|homepage|available in|not supported|browser|javascript|scrolled|video will|archived|"
        "placeholder",
    ),
    rule(
        r"news feed|your browser|placeholder|loading\.\.\.|print this|font size|text size|bookmark|"
        r"reprints?$|listen to this article|min(?:ute)? read$|^\d+ (?:shares|comments|views)$",
        "site widget",
        "news feed|browser|placeholder|loading|print|size|bookmark|reprint|listen|read|shares|comments|views",
        max_words=10,
    ),
    rule(r"^(?:(?:image|photo|picture|slide|video|page) )?\d+ (?:of|/) \d+$", "gallery counter"),
    rule(
        r"^(?:(?:share on |share via )?(?:facebook|twitter|email|e-mail|print|share|tweet|linkedin|whatsapp|"
        r"pinterest|reddit|messenger|copy link|save|comments?|flipboard)\W*){1,5}$",
        "social-media buttons",
        max_words=8,
    ),
    rule(
        r"^follow\b.{0,40}\b(?:on )?(?:twitter|facebook|instagram|x)\b|"
        r"^(?:email|contact) the (?:author|writer)|"
        r"\bviews expressed\b.{0,60}\b(?:are those|do not necessarily)|"
        r"originally (?:appeared|published) (?:on|in|at)\b",
        "author/sign-off prompt",
        "follow|the author|the writer|views expressed|originally",
    ),
    rule(
        r"^(?:image|media|video) caption\b|^(?:hide|toggle|show) caption$|^enlarge this image$|"
        r"playback (?:is )?(?:unsupported|not supported)",
        "caption widget",
        "caption|enlarge|playback",
    ),
    rule(
        r"\b(?:we|this site|this website|our partners) uses? cookies|\bcookies?\b.{0,60}\b(?:browser|website|"
        r"consent|accept|policy|settings|preferences|experience|personali[sz])",
        "cookie notice",
        "cookie",
    ),
    rule(
        r"contributed to this report|editing by\b|writing by\b",
        "sign-off/credit",
        "contributed|editing by|writing by",
    ),
    rule(r"^\(?(?:reporting by|additional reporting)\b", "sign-off/credit"),
    rule(r"^\(?(?:via|source|h/t|hat tip)\b", "sign-off/credit", max_words=12),
    rule(r"^[a-z]{1,4}(?:/[a-z]{1,4})+\s*(?:\(|$)|^[-–—(]*\s*(?:ap|afp|reuters)\s*[)]?$", "sign-off"),
    rule(
        r"^(?:https?://\S+|www\.\S+)$|\.(?:jpe?g|png|gif|webp)$", "bare link", "http|www|.jp|.png|.gif|.webp"
    ),
    rule(r"\[\s*\]|^\[(?:image|photo|picture|video)", "image placeholder", "["),
]

GATE_STRINGS = tuple(sorted({key for furniture in FURNITURE for key in furniture.gate}))
GATED = [furniture for furniture in FURNITURE if furniture.gate]
# Rules without a gate are anchored at the start of the line: one alternation tries them all at
# position 0 in a single call ("r<i>" names the rule that matched).
ANCHORED = [furniture for furniture in FURNITURE if not furniture.gate]
ANCHORED_ALTERNATION = re.compile(
    "^(?:" + "|".join(f"(?P<r{i}>{rule.pattern.pattern})" for i, rule in enumerate(ANCHORED)) + ")"
)
LONGEST_RULE = max(furniture.max_words for furniture in FURNITURE)
# For each gate string, the positions in GATED of the rules it opens.
GATED_BY_KEY = {
    key: [i for i, furniture in enumerate(GATED) if key in furniture.gate] for key in GATE_STRINGS
}


def gate_strings_in(lower_text: str, among: tuple[str, ...] = GATE_STRINGS) -> tuple[str, ...]:
    """The gate strings (of ``among``) that a lower-cased text contains."""
    return tuple([key for key in among if key in lower_text])


def furniture_reason(lower_text: str, words: int, page_gates: tuple[str, ...] = GATE_STRINGS) -> str | None:
    """The reason of the first furniture rule matching a lower-cased line of ``words`` words
    (anchored rules first, then gated ones in list order). ``page_gates``: the gate strings found
    anywhere on the page, so that each line is searched for those only."""
    if words > LONGEST_RULE:
        return None
    match = ANCHORED_ALTERNATION.match(lower_text)
    if match and match.lastgroup:
        anchored = ANCHORED[int(match.lastgroup[1:])]
        if words <= anchored.max_words:
            return anchored.reason
        for furniture in ANCHORED:  # the first match was for shorter lines: try the others one by one
            if words <= furniture.max_words and furniture.pattern.match(lower_text):
                return furniture.reason
    opened = {i for key in gate_strings_in(lower_text, page_gates) for i in GATED_BY_KEY[key]}
    for furniture in (GATED[i] for i in sorted(opened)):
        if words <= furniture.max_words and furniture.pattern.search(lower_text):
            return furniture.reason
    return None


# Photo captions and credits.
CREDIT_START = lower(
    r"^\(?(?:photo|image|picture|foto|credit|photograph|illustration)s?\s*(?:credit)?\s*:|^getty images?$|"
    rf"^(?:{AGENCIES})\s*(?:photo|/|$)"
)
CREDIT_INSIDE = lower(
    r"\((?:photo|image|picture)s?\s*(?:credit)?\s*:|\(credit\s*:|\bphoto(?:graph)? (?:by|courtesy)\b|"
    r"\([^()]{0,20}\bphoto\b[^()]{0,60}\)\W*$"
    r"|\bcourtesy of\b[^.]*$"
)
CREDIT_INSIDE_GATE = ("photo", "image", "picture", "credit", "courtesy")
# Credits closing a caption: "... / Jane Roe/AP", "(Jane Roe / AFP / Getty Images)", "[Reuters]".
CREDIT_END = lower(
    rf"[/|]\s*(?:{AGENCIES})\s*\)?$|\((?:[^()]*/\s*)?(?:{AGENCIES})(?:\s*/[^()]*)?\)$|\[(?:{AGENCIES})\]$"
)
CREDIT_END_CHARS = 80


def credit(lower_text: str) -> bool:
    """Whether a lower-cased line is or ends with a photo credit."""
    if CREDIT_START.search(lower_text):
        return True
    if any(key in lower_text for key in CREDIT_INSIDE_GATE) and CREDIT_INSIDE.search(lower_text):
        return True
    tail = lower_text[-CREDIT_END_CHARS:].rstrip()
    return ("/" in tail or "|" in tail or tail.endswith("]")) and CREDIT_END.search(tail) is not None


# A line made only of slash-separated names: "Jane Roe/Daily Bugle/AP".
CREDIT_NAMES = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*(?:\s*/\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)+$"
)
CAPTION_START = lower(
    r"^(?:file(?: photo)?\s*[-–—:]|in (?:this|a) (?:file )?(?:photo|image|picture)|this (?:file )?photo|"
    r"pictured:|above:|top:|watch above:|left:|right:)"
)
# Agency photo captions open with a capitalised dateline: "CAIRO, EGYPT - MAY 5: ...".
CAPTION_DATELINE = re.compile(r"^[A-Z .,]{3,40}\s*[-–—]\s*[A-Z]+ \d{1,2}:")
# Captions describe the photo in the present tense: "Protesters gather ...", "A man is seen ...".
_CAPTION_VERBS = (
    "pose poses gesture gestures stand stands sit sits walk walks wait waits gather gathers hold holds "
    "wave waves chant chants march marches search searches attend attends arrive arrives participate "
    "participates rest rests watch watches listen listens speak speaks react reacts celebrate celebrates "
    "mourn mourns pray prays carry carries illuminate illuminates rise rises"
)
CAPTION_VERBS = frozenset(_CAPTION_VERBS.split())
CAPTION_PHRASES = lower(
    r"\b(?:is|are|as) (?:seen|pictured|shown|photographed)\b|\blooks? on\b|\btakes? part\b"
)
CAPTION_PHRASE_GATE = ("seen", "pictured", "shown", "photographed", "look", "part")
REPORTED_SPEECH_GATE = ("said", "says", "told", "according to", "reported", "announced", '"', "“", "”")


def caption_verb(text: str) -> bool:
    """A present-tense caption verb written in lower case (so "March" the month does not count)."""
    if not CAPTION_VERBS.isdisjoint(PUNCTUATION.sub(" ", text).split()):
        return True
    lowered = text.lower()
    return any(key in lowered for key in CAPTION_PHRASE_GATE) and CAPTION_PHRASES.search(lowered) is not None


def reported_speech(lower_text: str) -> bool:
    return any(key in lower_text for key in REPORTED_SPEECH_GATE)


# ASCII punctuation and the common typographic marks (an explicit class: much faster than \W or
# str.translate on non-ASCII text).
PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~«»‘’“”–—…·•]")


@lru_cache(maxsize=64)
def words_of(text: str) -> tuple[str, ...]:
    """Lower-cased words of a text without punctuation (cached: junk and copy checks both need them)."""
    return tuple(PUNCTUATION.sub(" ", text.lower()).split())


TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’.-]*")

_STOPWORDS = (
    "a an the of to in on at for from by with and or but is are was were be been has have had it its "
    "this that these those as not no he she they we you i his her their our your who which what when "
    "where how why will would can could should may might than then there here after before over into "
    "about up out more most also just so if do does did"
)
STOPWORDS = frozenset(_STOPWORDS.split())
