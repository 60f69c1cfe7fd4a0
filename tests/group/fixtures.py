"""Invented articles: two subjects, each with two different events a few days or weeks apart.

Everything here is made up (people, places, outlets); the events of one subject share names
and vocabulary, as real follow-up stories do.
"""

from __future__ import annotations

from newsynth.ingest import article_from_text
from newsynth.records import Article

EVENTS: dict[str, list[tuple[str, str]]] = {
    "trial-verdict": [
        (
            "harborledger.example",
            "ORVALE, March 3, 2031 — A jury in Orvale found former port director Tamsin Kelbrook guilty "
            "on Monday of taking bribes from the dredging firm Sandmere Works. Jurors deliberated for "
            "two days before returning the verdict on all four counts. Kelbrook showed no emotion as "
            "the verdict was read. Prosecutor Idris Fennow told the jury that Kelbrook pocketed 240,000 "
            "dollars in exchange for dredging contracts. Her lawyer said she would appeal the verdict.",
        ),
        (
            "valleycourier.example",
            "Tamsin Kelbrook, who ran the Orvale port authority for nine years, was convicted of bribery "
            "by a jury on Monday. The jury took two days to decide that she accepted 240,000 dollars "
            "from Sandmere Works in return for dredging contracts. Prosecutor Idris Fennow called the "
            "verdict a warning to public officials. Kelbrook's defence team said an appeal would follow.",
        ),
        (
            "northbeacon.example",
            "Guilty on all four counts: the Orvale jury's verdict against Tamsin Kelbrook came after two "
            "days of deliberation. The former port director was accused of steering dredging contracts "
            "to Sandmere Works for bribes worth 240,000 dollars. Idris Fennow, the prosecutor, thanked "
            "the jurors. Kelbrook remains free on bail until sentencing.",
        ),
    ],
    "trial-sentence": [
        (
            "harborledger.example",
            "ORVALE, April 14, 2031 — Judge Marit Osgood sentenced former port director Tamsin Kelbrook "
            "to six years in prison on Friday, six weeks after her bribery conviction. Osgood also "
            "ordered Kelbrook to repay 240,000 dollars and barred her from public office for life. "
            "Kelbrook wept as she asked the judge for mercy, citing her elderly mother.",
        ),
        (
            "valleycourier.example",
            "Six years behind bars: that is the sentence Judge Marit Osgood handed Tamsin Kelbrook on "
            "Friday. The judge rejected the defence's plea for house arrest, saying Kelbrook had betrayed "
            "the port she was meant to protect. Kelbrook must repay 240,000 dollars and may never again "
            "hold public office. Her lawyer said the sentence was far too harsh.",
        ),
        (
            "northbeacon.example",
            "Judge Marit Osgood sent Tamsin Kelbrook to prison for six years on Friday and ordered her "
            "to pay back 240,000 dollars. Kelbrook, in a tearful statement, apologised to the people of "
            "Orvale and asked for leniency for the sake of her elderly mother. The judge said the "
            "lifetime ban from public office was needed to restore trust.",
        ),
    ],
    "budget-vote": [
        (
            "capitalwire.example",
            "BRENNA, November 2, 2030 — The Brenna assembly voted 61 to 54 on Tuesday to pass the first "
            "reading of Treasurer Olek Varnay's budget, which cuts school spending by 3 percent and "
            "raises the fuel levy. Opposition leader Signe Haldor called the vote a betrayal of "
            "teachers. The bill now goes to committee for amendments.",
        ),
        (
            "plainsgazette.example",
            "Treasurer Olek Varnay's budget cleared its first hurdle on Tuesday when the Brenna assembly "
            "approved it 61 to 54. The plan trims school spending by 3 percent and lifts the fuel levy. "
            "Signe Haldor, who leads the opposition, said teachers had been betrayed and promised to "
            "fight the bill in committee.",
        ),
        (
            "metrotimes.example",
            "By 61 votes to 54, the Brenna assembly backed the first reading of the budget on Tuesday. "
            "Olek Varnay, the treasurer, defended the 3 percent cut in school spending and the higher "
            "fuel levy as painful but necessary. Opposition leader Signe Haldor vowed to amend it.",
        ),
    ],
    "budget-walkout": [
        (
            "capitalwire.example",
            "BRENNA, November 9, 2030 — Teachers across Brenna walked out of classrooms on Tuesday in "
            "protest against the budget's school cuts, closing 212 schools. Union chief Pell Arrowby "
            "said the strike would last until Treasurer Olek Varnay restored the money. Parents "
            "scrambled to find childcare as crowds of teachers marched to the assembly.",
        ),
        (
            "plainsgazette.example",
            "A teachers' strike shut 212 schools in Brenna on Tuesday, a week after the assembly backed "
            "the budget that cuts their funding. Pell Arrowby, head of the teachers' union, told a crowd "
            "outside the assembly that the walkout would go on until the cuts are reversed. Olek Varnay "
            "said he would not negotiate under pressure.",
        ),
        (
            "metrotimes.example",
            "Classrooms stood empty in 212 Brenna schools on Tuesday as teachers went on strike over "
            "budget cuts. Union leader Pell Arrowby led thousands of marchers through the capital, "
            "and parents struggled with childcare. Treasurer Olek Varnay refused to meet the union.",
        ),
    ],
}


def event_articles() -> tuple[list[Article], dict[str, str]]:
    """The invented articles, and article id -> event name."""
    articles, gold = [], {}
    for event, items in EVENTS.items():
        for number, (outlet, text) in enumerate(items, start=1):
            article = article_from_text(text, f"{event}/{number}.txt", outlet=outlet)
            articles.append(article)
            gold[article.id] = event
    return articles, gold
