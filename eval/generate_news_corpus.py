#!/usr/bin/env python3
"""Generate a synthetic but realistic, deliberately HARD news corpus plus questions for CiteQA.

    python3 eval/generate_news_corpus.py --out eval/news1000 --questions eval/news1000-questions.jsonl

Python 3 standard library only; fully deterministic (fixed seed, no set iteration, no clock).

The corpus is a fictional world: invented towns, people, companies, clubs, prizes, storms and
festivals. The world is *simulated first* (budgets per town and year, election results, quarterly
earnings, who held which post when, yearly temperature maxima ...) and the news passages are
written from the simulation, so facts stay consistent when one story mentions another (an
incumbent "first elected in 2016", "compared with $31.2 million a year earlier", "beating the
record of 36.9C set in 2019").

Every statement a passage makes that could answer a question is registered as a *fact*
(key -> answer phrases + the sentence it is in). Gold IDs of a question are all passages that
state the asked fact; abstention questions ask for fact keys that no passage states.

Families of near-duplicate stories (same story shape, different town / year / person / number):
council budgets, mayoral elections, football/basketball leagues, cup finals, marathons,
quarterly earnings, senior appointments, storms, heatwaves, science prizes, openings of public
buildings, new factories and warehouses, festivals.

After writing, the script runs its self-checks (see check_all) and exits non-zero if any fails:
  * every answer_any phrase occurs (score.py normalisation) in a gold file, every gold file
    contains a phrase, and for numeric ("strict") answers the phrase occurs in no non-gold
    passage of the same story family and only inside the fact's own sentence(s) in the gold file;
  * abstention questions: the asked fact key is stated by no passage (by construction), and no
    sentence of any passage mentions the asked entity together with the asked year/period and
    the topic word;
  * paraphrased questions share at most one content word with the answer sentence;
  * file names, IDs, sentence counts (2-6 body sentences), name uniqueness.
Use --check-only to re-run the file-based checks on an existing corpus/question file.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys

SEED = 20250611
N_DOCS = 1000

# ---------------------------------------------------------------------------------------------
# Name pools (invented combinations; full names are unique across the corpus)
# ---------------------------------------------------------------------------------------------
FIRST_F = """Maria Aisha Hannah Priya Chloe Ingrid Fatima Olivia Naomi Rosa Mei Yasmin Claire Sofia Leila
Grace Amara Elena Joanna Kirsten Nadia Ruth Tamsin Beatriz Helen Imogen Keiko Lucy Marta Nia Orla Paula
Rebecca Sarah Theresa Vanessa Wendy Zara Abigail Bridget Carmen Deborah Eleanor Fiona Gemma Harriet Isla
Julia Katya Lena Miriam Nora Patricia Rachel Simone Tessa Valerie Yvonne Adaeze Anjali Camille Daniela
Esther Francesca Gwen Hiroko Ines Jasmine Laura Magdalena Noor Olga Petra Rania Samira Tanya Ursula Vera
Wanjiru Ximena Yara Zofia Agnes Bianca Celine Dana Eva Freya Hana Ivana Joy Kemi Lorna Maeve Nadine
Odette Pilar Rhiannon Siobhan Thandiwe Alicia Brenda Colette Delia Erin Gloria Hilary Irene Janet Kavya
Lydia Mona Nkechi Ottilie Pamela Roisin Sunita Tove Ulrike Vivian Wilma Yolanda Zainab Annika Bronwen""".split()
FIRST_M = """James Daniel Omar Rahul Thomas Lukas Samuel Kwame Diego Mateo Hiroshi Ethan Patrick Andrew
Benjamin Carlos David Edward Felix George Hassan Ivan Jonah Kofi Liam Marcus Nikolai Oliver Pedro Rafael
Stefan Tobias Umar Victor William Yusuf Aaron Bruno Callum Dmitri Emeka Farid Gareth Henrik Idris Jakob
Kenji Leon Magnus Nathan Oscar Pavel Rory Simon Tariq Anton Bernard Conor Declan Elias Fraser Gabriel
Hugo Isaac Joel Karim Lars Malcolm Niall Owen Philip Reuben Sean Theo Vikram Warren Xavier Yosef Alistair
Bashir Cedric Dominic Eamon Francis Graham Harold Ishaan Jerome Kieran Laurence Martin Nelson Otis
Quentin Roland Sanjay Trevor Vincent Wesley Adrian Ahmed Bram Cyrus Desmond Emil Frederick Gustavo
Hamid Ignacio Julian Kristof Luca Mehmet Nils Orlando Piotr Ronan Soren Tomas Ulrich Vaughan Wojciech""".split()
SURNAMES = """Okafor Lindqvist Brennan Castellanos Whitfield Haddad Nakamura Petrovic Osei Fairbairn Kowalczyk
Achterberg Abernathy Adeyemi Albright Alvarado Amundsen Ansari Ashworth Bakshi Baptiste Barlow Beaumont
Bekele Bellamy Bergstrom Bhatt Blackwood Boateng Brannigan Brightwell Caddick Carrow Chaudhry Chen
Ciobanu Coetzee Corrigan Costa Cruickshank Dalgleish Danso Delgado Demir Dhillon Doherty Drummond Dubois
Ekwueme Eriksen Escobar Farrant Ferreira Fitzgerald Fonseca Frampton Gallagher Garside Ghosh Gillespie
Gonzaga Greaves Gunawardena Halloran Hammond Hargreaves Hartigan Hassani Hendricks Holloway Horvath
Huang Hussain Ibekwe Iqbal Ivanova Jablonski Jaramillo Jensen Joshi Kaczmarek Kamara Kapoor Karlsson
Keane Kennelly Khoury Kimura Kipkemboi Kovac Krishnan Lachance Lafferty Langley Larsen Lawal Leclerc
Lennox Lindgren Llewellyn Lockhart Lombardi Lowry Lucero MacAulay Madsen Mahlangu Malik Marchetti
Markovic Mbeki Medina Mensah Merriman Moreau Mukherjee Murtagh Nair Navarro Ndlovu Nolan Novak Nwosu
Oduya Ogden Okonkwo Olsen Orozco Ostrowski Pacheco Padilla Pardo Patel Pemberton Pereira Pham Pickering
Quayle Quintero Radford Rahman Ramirez Rasmussen Redfern Reyes Rinaldi Rocha Rosales Rowntree Saito
Salazar Sandoval Santos Sarkar Schreiber Sekibo Sharma Sheridan Silva Sinclair Skinner Soto Stanhope
Strand Suzuki Szabo Takahashi Tanaka Thackeray Thorne Toivonen Trujillo Tshabalala Underhill Ungar
Valdez Varga Vasquez Vermeulen Villanueva Vukovic Wainwright Wallace Walsh Waweru Weatherby Wegner
Whitlock Wilkes Winslow Wojcik Yadav Yamamoto Yilmaz Yoon Zamora Zielinski Zubiri Acheson Adomako Aguilar
Akhtar Aldana Almeida Amato Anand Andersen Appiah Aranda Arslan Asante Atkinson Azevedo Bajwa Balogun
Banerjee Barros Basu Becker Benitez Bianchi Birch Blomqvist Bondarenko Bose Brandt Brooker Bukowski
Calvert Cardenas Carvalho Cassidy Cervantes Chikwanha Cho Christiansen Ciardi Colley Conti Crowther
Cuthbert Dasgupta Davenport Dekker Desai Diallo Dimitrov Dorsey Duarte Dunleavy Eberhardt Edmondson
Elsayed Engstrom Esposito Falkner Farouk Fernandes Figueroa Finnegan Fitzroy Fleming Forsyth Fujita
Galloway Gao Garrido Gerrard Goldberg Gorski Grady Gruber Guerrero Gupta Hakimi Hanlon Hartmann Haugen
Hayashi Hedley Heinz Herrera Hinds Hoang Holm Hosseini Hughes Ingram Inoue Ismail Iwu Jaffe Jankowski
Jovanovic Juarez Kagame Kalinowski Kaur Kelleher Kerr Kilbride Kinsella Kobayashi Kowalski Kruger Kumar
Lam Landry Lange Lawson Leung Lindholm Lopes Lundgren Macias Maguire Mahmoud Maldonado Mancini Marsh
Matsuda Mazur McAllister McCrae Mehta Meyer Milanovic Mistry Molina Monteiro Moran Morrow Mwangi Nagy
Nakashima Nash Neumann Nguyen Nielsen Nkosi Nordin Obi Ochoa Oliveira Omondi Onyango Ortega Osman
Otieno Paquette Pasternak Pellegrini Perera Pike Pinto Popescu Prakash Qureshi Rafferty Rana Rao
Reilly Renner Rios Rojas Romero Rossi Ruiz Sadiq Sahin Sato Schmidt Seo Shah Shimizu Sokolov Solberg
Sorensen Stewart Sutherland Tait Takeda Tiwari Torres Tran Udeh Uzor Vance Vargas Vieira Vogel Wagner
Ward Watanabe Weber Whelan Wiggins Wu Yeo Young Zhang Ziegler Ahmadi Bakker Carney Dawes Ellery
Fenner Gatti Hale Irwin Jarvis Kemp Lyle Mercer Nunes Oakes Pryor Quinlan Royce Seddon Tully Vickers""".split()

# Invented towns. UK-style towns use "Council", pounds and day-month dates; US-style towns use
# "City Council", dollars and month-day dates.
TOWNS_UK = """Wexbridge Caldmoor Hartwell Dunmere Elmstead Kingsholt Langmoor Marbury Norchester Oakhurst
Penmarsh Redcombe Thornleigh Wilmarsh Yarbury Cromwick Halbury Ashcombe Brackendale Felsham Gorringe
Hollinsby Sedgemoor Tadworth""".split()
TOWNS_US = ["Port Calder", "Millbrook Springs", "Ridgemont", "Clearwater Bend", "Granton", "Harlan Ridge",
            "Lakeview Heights", "Maple Crossing", "North Alder", "Pinecrest", "Riverton Falls", "Sable Creek",
            "Stonebrook", "Westlake City", "Willowmere", "Eastport Landing", "Fairmont Hills", "Glenwood Park",
            "Hollis Point", "Juniper Flats", "Kessler City", "Laurel Bay", "Mason Ridge", "Tallow Creek"]

UK_OUTLET_SUFFIX = ["Courier", "Gazette", "Echo", "Chronicle", "Advertiser", "Mercury", "Observer", "Standard"]
US_OUTLET_FMT = ["The {t} Tribune", "{t} Daily News", "The {t} Sentinel", "The {t} Record", "{t} Press",
                 "The {t} Ledger", "{t} Herald-Journal", "The {t} Post"]

BUSINESS_OUTLETS = ["Market Wire", "The Business Ledger", "Capital Markets Daily", "Trade & Industry Review"]
SPORTS_OUTLETS = ["Sportsdesk", "The Final Whistle", "Matchday Weekly"]
SCIENCE_OUTLETS = ["Science Bulletin", "Research Review", "The Lab Report"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth"}
QMONTHS = {1: ("January", "March"), 2: ("April", "June"), 3: ("July", "September"), 4: ("October", "December")}
QEND = {1: "March 31", 2: "June 30", 3: "September 30", 4: "December 31"}
QEND_UK = {1: "31 March", 2: "30 June", 3: "30 September", 4: "31 December"}

STOP = set("""a an the of in on at to for from by with and or but is was were be been are has have had do did does
what which who whom whose when where how much many that this these those its it his her their they he she
there as into during after before about than then so if not no any all each per up down over under out our
we you your i me my new year years last first second third fourth also more most did said says say""".split())


def norm(s):
    """Same normalisation as shared/eval/score.py."""
    s = s.lower()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"[\u2018\u2019\u201b`]", "'", s)
    s = re.sub(r"\s+", " ", s)
    return s


def content_words(s, drop=()):
    words = re.findall(r"[a-z][a-z'\-]+", norm(s))
    out = []
    dropw = set()
    for d in drop:
        for w in re.findall(r"[a-z][a-z'\-]+", norm(d)):
            dropw.add(w)
    for w in words:
        w = w.strip("'-")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in STOP or w in dropw:
            continue
        out.append(w[:5])  # crude stemming: repairs/repair, roads/road
    return out


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------
class Person:
    def __init__(self, first, last, gender):
        self.first, self.last, self.gender = first, last, gender
        self.full = f"{first} {last}"

    @property
    def he(self):
        return "she" if self.gender == "f" else "he"

    @property
    def his(self):
        return "her" if self.gender == "f" else "his"

    @property
    def him(self):
        return "her" if self.gender == "f" else "him"


class People:
    """Hands out people with unique full names; a surname is used at most `max_surname` times."""

    def __init__(self, rng, max_surname=4):
        self.rng = rng
        self.used_full = {}
        self.surname_count = {s: 0 for s in SURNAMES}
        self.max_surname = max_surname
        self.all = []

    def new(self, gender=None, avoid=()):
        rng = self.rng
        if gender is None:
            gender = rng.choice("fm")
        for _ in range(10000):
            first = rng.choice(FIRST_F if gender == "f" else FIRST_M)
            last = rng.choice(SURNAMES)
            full = f"{first} {last}"
            if full in self.used_full or self.surname_count[last] >= self.max_surname or last in avoid:
                continue
            if last in [q.last for q in self.all[-80:]]:
                continue
            p = Person(first, last, gender)
            self.used_full[full] = p
            self.surname_count[last] += 1
            self.all.append(p)
            return p
        raise RuntimeError("name pool exhausted")

    def unique_surname(self, p):
        return self.surname_count[p.last] == 1


# ---------------------------------------------------------------------------------------------
# Formatting helpers
# ---------------------------------------------------------------------------------------------
def money(amount, cur, style, dec=None):
    """Format an amount (in currency units). Returns (text, [answer phrases])."""
    sym = "£" if cur == "GBP" else "$"
    word = "pounds" if cur == "GBP" else "dollars"
    if amount >= 1e9:
        v, unit, abbr = amount / 1e9, "billion", "bn"
        num = f"{v:.2f}".rstrip("0").rstrip(".")
    elif amount >= 1e6:
        v, unit, abbr = amount / 1e6, "million", "m"
        num = f"{v:.1f}".rstrip("0").rstrip(".")
        if dec is not None:
            num = f"{v:.{dec}f}"
    else:
        return f"{sym}{amount:,.0f}", [f"{sym}{amount:,.0f}", f"{amount:,.0f}"]
    if style == "abbr":
        t = f"{sym}{num}{abbr}"
        return t, [t, f"{num}{abbr}"]
    if style == "word":
        t = f"{num} {unit} {word}"
        return t, [t, f"{num} {unit}"]
    if style == "full" and unit == "million" and amount < 50e6:
        t = f"{sym}{round(amount / 1e3) * 1000:,.0f}"
        return t, [t, t[1:]]
    t = f"{sym}{num} {unit}"
    return t, [t, f"{num} {unit}"]


def pct(v, uk=False, dec=1):
    s = f"{v:.{dec}f}"
    if uk:
        return f"{s} per cent", [f"{s} per cent", s]
    return f"{s}%", [f"{s}%", s]


def date_uk(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_us(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def day_month(d, uk):
    return f"{d.day} {MONTHS[d.month - 1]}" if uk else f"{MONTHS[d.month - 1]} {d.day}"


def a_an(s):
    """Indefinite article for a word or an amount as it would be read aloud."""
    x = s.lstrip("$£")
    if x[:1].isdigit():
        lead = re.match(r"[\d,]+", x).group(0).replace(",", "")
        grouped = re.match(r"[\d]+", x).group(0)
        if grouped.startswith("8") or grouped in ("11", "18") or (len(grouped) in (2,) and grouped.startswith("8")):
            return "an"
        if lead.startswith("8"):
            return "an"
        return "a"
    return "an" if x[:1].lower() in "aeio" else "a"


def ordinal(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def poss(name):
    return name + "'" if name.endswith("s") else name + "'s"


def bizday(d):
    """Move a Saturday back to Friday and a Sunday on to Monday."""
    if d.weekday() == 5:
        return d - dt.timedelta(days=1)
    if d.weekday() == 6:
        return d + dt.timedelta(days=1)
    return d


def wd(d):
    return WEEKDAYS[d.weekday()]


# ---------------------------------------------------------------------------------------------
# Documents and facts
# ---------------------------------------------------------------------------------------------
class Doc:
    def __init__(self, family, subject, date, uk, outlet):
        self.family = family
        self.subject = subject      # tuple identifying what the story is about (for checks)
        self.date = date            # publication date
        self.uk = uk
        self.outlet = outlet
        self.headline = None
        self.standfirst = None
        self.sentences = []
        self.facts = {}             # key -> {"phrases": [...], "sents": [sentence texts]}
        self.id = None
        self.text = None
        self.section = "News"

    def _reg(self, sent, facts):
        for key, phrases in facts:
            f = self.facts.setdefault(key, {"phrases": [], "sents": []})
            for p in phrases:
                if norm(p) not in norm(sent):
                    raise AssertionError(f"phrase {p!r} not in its sentence {sent!r}")
                if p not in f["phrases"]:
                    f["phrases"].append(p)
            f["sents"].append(sent)

    def s(self, sent, *facts):
        sent = sent[0].upper() + sent[1:]
        self.sentences.append(sent)
        self._reg(sent, facts)
        return sent

    def h(self, text, *facts):
        self.headline = text
        self._reg(text, facts)


# ---------------------------------------------------------------------------------------------
# The world
# ---------------------------------------------------------------------------------------------
class World:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.people = People(self.rng)
        self.docs = []
        self.qspecs = {}      # fact type -> spec dict (question templates etc.)
        self.towns = {}
        rng = self.rng
        for i, t in enumerate(TOWNS_UK):
            self.towns[t] = {"name": t, "uk": True, "cur": "GBP",
                             "outlet": f"The {t} {UK_OUTLET_SUFFIX[i % len(UK_OUTLET_SUFFIX)]}"}
        for i, t in enumerate(TOWNS_US):
            self.towns[t] = {"name": t, "uk": False, "cur": "USD",
                             "outlet": US_OUTLET_FMT[i % len(US_OUTLET_FMT)].format(t=t)}
        self.reporters = {}
        self.used_money = {}  # family -> set of formatted values (keeps key numbers distinct)

    def reporter(self, outlet, text=""):
        """A by-line for the outlet whose surname does not already occur in the story."""
        pool = self.reporters.setdefault(outlet, [])
        while len(pool) < 2:
            pool.append(self.people.new())
        ok = [p for p in pool if p.last not in text]
        if not ok:
            ok = [self.people.new(avoid=[w for w in re.findall(r"[A-Z][a-z]+", text)])]
            pool.append(ok[0])
        return self.rng.choice(ok)

    def town_list(self, uk=None):
        return [t for t, v in self.towns.items() if uk is None or v["uk"] == uk]

    def unique_value(self, family, gen, fmt, optional=False):
        """Draw values from gen() until fmt(value) has not been used in this family."""
        used = self.used_money.setdefault(family, [])
        for _ in range(1000):
            v = gen()
            k = fmt(v)
            if k not in used:
                used.append(k)
                return v
        if optional:
            return None
        raise RuntimeError("could not find unique value")

    def add(self, doc):
        self.docs.append(doc)
        return doc

    def spec(self, ftype, **kw):
        self.qspecs[ftype] = kw


# ---------------------------------------------------------------------------------------------
# Page furniture: what saved news pages look like around the story
# ---------------------------------------------------------------------------------------------
PRE_LINES = {
    "News": ["Skip to content", "Home > News > Local", "Menu", "Local News", "News | Local"],
    "Politics": ["Skip to main content", "Home > News > Politics", "Local Politics", "Elections"],
    "Business": ["Markets | Companies", "Home / Business / Companies", "Skip to content", "BUSINESS"],
    "Sport": ["Sport", "Home > Sport", "Skip to content", "SPORT | Results"],
    "Science": ["Science", "Home / Science & Research", "Skip to content"],
    "Weather": ["Weather", "Home > News > Weather", "LIVE", "Skip to content"],
    "Culture": ["What's On", "Home > Culture", "Arts & Culture", "Skip to content"],
}
TOPICS = {
    "News": ["Local government", "Council", "Transport", "Community"],
    "Politics": ["Elections", "Local politics", "Mayor"],
    "Business": ["Earnings", "Companies", "Markets", "Jobs"],
    "Sport": ["Football", "Results", "Athletics", "Basketball"],
    "Science": ["Science", "Research", "Awards"],
    "Weather": ["Weather", "Storms", "Climate"],
    "Culture": ["Festivals", "Music", "Things to do"],
}
FAMILY_TOPICS = {"league": ["Football", "Results", "Sport"], "cup": ["Football", "Cup", "Sport"],
                 "basketball": ["Basketball", "Results", "Sport"], "marathon": ["Athletics", "Running", "Sport"],
                 "heat": ["Weather", "Heatwave", "Climate"], "snow": ["Weather", "Winter", "Travel"]}
TEASERS = ["{T} residents asked for views on new parking rules", "Road closures planned in {T} this weekend",
           "Five things to do in {T} this week", "Weather: what to expect over the coming days",
           "{T} bakery named among the region's best", "Opinion: why local news still matters",
           "Police appeal for witnesses after crash near {T}", "Bus timetable changes coming to {T}",
           "Rail strike: which services are affected", "Primary school in {T} praised by inspectors",
           "{T} park to get new play area", "Market traders in {T} fear for the future",
           "How to watch the match tonight", "Markets wrap: shares edge higher", "The week in pictures",
           "Letters: readers on the new cycle lanes", "{T} pub reopens after refurbishment",
           "Hospital visiting hours to change in {T}", "Drivers warned of delays on the ring road",
           "Library volunteers wanted in {T}", "Why house prices in {T} keep climbing"]


def teaser(W):
    t = W.rng.choice(TEASERS)
    return t.replace("{T}", W.rng.choice(W.town_list()))


def dateline_line(W, d):
    rng = W.rng
    date = d.date
    ds = date_uk(date) if d.uk else date_us(date)
    hh, mm = rng.randint(6, 21), rng.randint(0, 59)
    t12 = f"{(hh - 1) % 12 + 1}:{mm:02d} {'AM' if hh < 12 else 'PM'}"
    rep = W.reporter(d.outlet, " ".join(d.sentences))
    forms = [
        f"{d.outlet} | {ds}",
        f"By {rep.full} | {d.outlet} | {ds}",
        f"Published {ds}, {hh:02d}:{mm:02d}" if d.uk else f"Published {ds} at {t12}",
        f"{ds} {hh:02d}:{mm:02d} · {d.section}",
        f"Posted on {ds} by {rep.full}",
        f"{d.outlet} — {ds}",
        f"Updated: {date.isoformat()} {hh:02d}:{mm:02d}",
        f"{WEEKDAYS[date.weekday()][:3]} {date.day} {MON3[date.month - 1]} {date.year}",
        f"By {rep.full}\n{ds}",
    ]
    return rng.choice(forms)


def render(W, d):
    """Lay the story out as a saved web page: furniture, headline, dateline, paragraphs."""
    rng = W.rng
    lines = []
    if rng.random() < 0.12:
        lines.append(rng.choice(PRE_LINES[d.section]))
    if d.headline:
        lines.append(d.headline)
        if d.standfirst:
            lines.append(d.standfirst)
        if rng.random() < 0.07:
            lines.append(f"Photo: {W.reporter(d.outlet, ' '.join(d.sentences)).full} / {d.outlet}")
    if getattr(d, "no_dateline", False) is False and rng.random() < 0.88:
        lines.append(dateline_line(W, d))
    sents = list(d.sentences)
    if getattr(d, "inline_dateline", None):
        sents[0] = d.inline_dateline + sents[0]
    paras = [[sents[0]]]
    i = 1
    while i < len(sents):
        k = 1 if rng.random() < 0.55 else 2
        paras.append(sents[i:i + k])
        i += k
    body = []
    for j, p in enumerate(paras):
        body.append(" ".join(p))
        if j == 0 and len(paras) > 1:
            r = rng.random()
            if r < 0.10:
                body.append(rng.choice(["Advertisement", "ADVERTISEMENT"]))
            elif r < 0.24:
                body.append(f"{rng.choice(['Read also', 'Read more', 'Also read', 'Related'])}: {teaser(W)}")
    lines.extend(body)
    r = rng.random()
    if r < 0.12:
        lines.append("Share this article")
    elif r < 0.19:
        lines.append(f"© {d.date.year} {d.outlet}. All rights reserved.")
    elif r < 0.25:
        lines.append("Topics: " + ", ".join(rng.sample(FAMILY_TOPICS.get(d.family, TOPICS[d.section]), 2)))
    elif r < 0.29:
        lines.append("Sign up to our daily newsletter")
    elif r < 0.32:
        lines.append(f"Comments ({rng.randint(0, 48)})")
    elif r < 0.35:
        lines.append(f"Read also: {teaser(W)}")
    return "\n\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Family: council budgets (town x year)
# ---------------------------------------------------------------------------------------------
BUDGET_QUOTES = [
    "Residents have told us loud and clear that the state of our roads is their number one concern",
    "This is a careful budget for difficult times",
    "We have protected front-line services while investing in the things people notice every day",
    "Nobody likes potholes, and this money will make a real difference on the ground",
    "Every line of this budget has been scrutinised, and I believe it is the right balance",
    "We are asking residents to pay a little more, and in return they will see better streets",
    "It is not everything we wanted, but it keeps the basics working",
    "Our priority has been to keep the lights on and the roads open",
]
BUDGET_ITEMS_US = ["a new youth center", "street lighting upgrades", "longer library hours",
                   "homelessness services", "storm drain repairs", "two additional firefighters",
                   "sidewalk improvements", "a downtown parking study"]
BUDGET_ITEMS_UK = ["a new youth centre", "street lighting upgrades", "longer library opening hours",
                   "homelessness services", "flood defences", "adult social care",
                   "a town centre regeneration scheme", "school transport"]
ROADS_US = ["road repairs", "street repairs", "repaving streets and filling potholes", "road maintenance",
            "pothole repairs and street resurfacing"]
ROADS_UK = ["road repairs", "highways maintenance", "resurfacing roads and fixing potholes",
            "repairs to roads and pavements", "pothole repairs"]


def fam_budget(W):
    rng = W.rng
    towns = W.town_list(True)[:15] + W.town_list(False)[:15]
    years = list(range(2017, 2025))
    fam = "budget"
    for t in towns:
        T = W.towns[t]
        uk, cur = T["uk"], T["cur"]
        total = rng.uniform(45e6, 300e6)
        roads = rng.uniform(1.6e6, 9.0e6)
        parks = rng.uniform(300e3, 800e3)
        fmt1 = lambda v: f"{v / 1e6:.1f}"
        fmt2 = lambda v: f"{v / 1e6:.2f}"
        fmtk = lambda v: f"{v:,.0f}"
        series = {}
        for y in years:
            total = round(W.unique_value(fam, lambda: round(total * rng.uniform(1.01, 1.07), -5), fmt1), -5)
            roads = round(W.unique_value(fam, lambda: round(max(1.2e6, roads * rng.uniform(0.8, 1.3)), -4), fmt2), -4)
            parks = round(W.unique_value(fam, lambda: round(min(990e3, parks * rng.uniform(0.9, 1.16)), -3), fmtk), -3)
            series[y] = (total, roads, parks)
        # finance leads change every few years
        fin = {}
        p, left = None, 0
        for y in years:
            if left <= 0:
                p, left = W.people.new(), rng.randint(2, 4)
            fin[y] = p
            left -= 1
        written = sorted(rng.sample(years[1:], 5))
        for y in written:
            tot, rd, pk = series[y]
            prev_rd = series[y - 1][1]
            if uk:
                event = bizday(dt.date(y, rng.choice([2, 2, 3]), rng.randint(1, 27)))
            else:
                event = bizday(dt.date(y - 1, rng.choice([11, 12, 12]), rng.randint(1, 20)))
            date = event + dt.timedelta(days=rng.choice([0, 1, 1]))
            d = W.add(Doc(fam, (t, str(y)), date, uk, T["outlet"]))
            d.section = "News"
            sty = rng.choice(["million", "million", "abbr", "word"] if uk else ["million", "million", "full", "abbr"])
            tot_s, tot_p = money(tot, cur, "million" if sty == "full" else sty)
            rd_s, rd_p = money(rd, cur, sty, dec=2)
            pk_s, pk_p = money(pk, cur, sty)
            roads_w = rng.choice(ROADS_UK if uk else ROADS_US)
            council = f"{t} Council" if uk else f"{t} City Council"
            members = "councillors" if uk else "council members"
            KR, KT, KP = ("budget_roads", t, y), ("budget_total", t, y), ("budget_parks", t, y)
            if uk:
                a = rng.randint(24, 38)
                b = rng.randint(6, a - 8)
                vote = f"by {a} votes to {b}"
            else:
                n = rng.choice([7, 9])
                a = rng.randint((n // 2) + 1, n)
                vote = f"{a}-{n - a}"
            # headline
            hv = rng.randint(0, 4)
            if rng.random() < 0.92:
                if hv == 0:
                    d.h(f"{t} approves {tot_s} budget for {y}", (KT, tot_p))
                elif hv == 1:
                    d.h(f"Potholes in line for {rd_s} as {t} sets {y} budget", (KR, rd_p))
                elif hv == 2:
                    d.h(f"{'Council' if uk else 'City council'} signs off {y} budget after lengthy debate")
                elif hv == 3:
                    d.h(f"{t} budget: what the {y} spending plan means for residents")
                else:
                    d.h(f"More money for roads in {poss(t)} {y} budget")
            # lead
            lv = rng.randint(0, 3)
            if lv == 0:
                d.s(f"{council} approved a {tot_s} budget for {y} on {wd(event)}, setting aside {rd_s} for {roads_w}.",
                    (KT, tot_p), (KR, rd_p))
            elif lv == 1:
                d.s(f"{members.capitalize()} in {t} have backed a {y} spending plan worth {tot_s}, "
                    f"with {rd_s} earmarked for {roads_w}.", (KT, tot_p), (KR, rd_p))
            elif lv == 2:
                d.s(f"{t} will spend {rd_s} on {roads_w} in {y} under a budget approved by "
                    f"{'the council' if uk else 'the city council'} on {wd(event)}.", (KR, rd_p))
                d.s(rng.choice([f"The overall budget comes to {tot_s}.",
                                f"In total the authority will spend {tot_s} over the year.",
                                f"The spending plan as a whole is worth {tot_s}."]), (KT, tot_p))
            else:
                d.s(f"{a_an(tot_s).capitalize()} {tot_s} budget for {y} was agreed by {council} on {wd(event)} "
                    f"{'evening' if uk else 'night'}, " + (vote if uk else f"on a {vote} vote") + ".",
                    (KT, tot_p), (("budget_vote", t, y), [vote]))
                d.s(rng.choice([f"{roads_w.capitalize()} will receive {rd_s}, the largest single increase in the plan.",
                                f"Of that, {rd_s} is set aside for {roads_w}.",
                                f"The plan includes {rd_s} for {roads_w}."]), (KR, rd_p))
            extras = []
            change = (rd - prev_rd) / prev_rd * 100
            if abs(change) >= 1:
                up = change > 0
                extras.append(lambda: d.s(rng.choice([
                    f"The roads allocation is {'up' if up else 'down'} {abs(change):.0f}{' per cent' if uk else '%'} on the previous year.",
                    f"That is {abs(change):.0f}{' per cent' if uk else '%'} {'more' if up else 'less'} than was spent on roads the year before."])))
            if rng.random() < 0.55:
                extras.append(lambda: d.s(rng.choice([
                    f"A further {pk_s} will go to parks and playgrounds.",
                    f"Parks and green spaces will receive {pk_s}.",
                    f"The budget also sets aside {pk_s} for the upkeep of parks."]), (KP, pk_p)))
            if rng.random() < 0.45:
                item = rng.choice(BUDGET_ITEMS_UK if uk else BUDGET_ITEMS_US)
                iv = W.unique_value(fam, lambda: round(rng.uniform(150e3, 950e3), -3), fmtk)
                iv_s, iv_p = money(iv, cur, sty)
                extras.append(lambda: d.s(f"There is also {iv_s} for {item}.", (("budget_item", t, y), iv_p)))
            if rng.random() < 0.5:
                if uk:
                    tax = rng.choice(["1.99", "2.99", "3.99", "4.99"])
                    extras.append(lambda: d.s(f"Council tax will rise by {tax} per cent from April.",
                                              (("budget_tax", t, y), [f"{tax} per cent"])))
                else:
                    if rng.random() < 0.4:
                        extras.append(lambda: d.s("The property tax rate will stay the same for the coming year."))
                    else:
                        tax = f"{rng.uniform(0.5, 3.5):.1f}"
                        extras.append(lambda: d.s(f"The property tax rate will rise by {tax}%.",
                                                  (("budget_tax", t, y), [f"{tax}%"])))
            if rng.random() < 0.5:
                role = rng.choice(["the cabinet member for finance, Councillor", "council leader"]) if uk else \
                    rng.choice(["Finance Director", "Budget committee chair"])
                q = rng.choice(BUDGET_QUOTES)
                extras.append(lambda: d.s(f"“{q},” said {role} {fin[y].full}."))
            if rng.random() < 0.3:
                bl = W.unique_value(fam, lambda: rng.uniform(20e6, 90e6), fmt1)
                bl_s, bl_p = money(round(bl, -5), cur, "million" if sty == "full" else sty)
                extras.append(lambda: d.s(f"Opposition {members} said the money would barely dent a repair backlog "
                                          f"estimated at {bl_s}.", (("budget_backlog", t, y), bl_p)))
            if lv != 3 and rng.random() < 0.35:
                extras.append(lambda: d.s(f"The budget was approved {vote}." if uk else f"The vote was {vote}.",
                                          (("budget_vote", t, y), [vote])))
            if rng.random() < 0.25:
                other = rng.choice([x for x in towns if x != t and W.towns[x]["uk"] == uk])
                extras.append(lambda: d.s(f"Neighbouring {other} is due to set its own budget later this month." if uk
                                          else f"Neighboring {other} is expected to vote on its own spending plan next week."))
            rng.shuffle(extras)
            for e in extras[:6 - len(d.sentences)]:
                e()
            if len(d.sentences) < 2:
                d.s("Work on the first streets is expected to begin in the spring.")
    W.spec("budget_roads", family=fam, strict=True,
           direct=["How much did {e} council allocate for road repairs in its {p} budget?",
                   "How much money did {e} set aside for roads in its {p} budget?"],
           para=["What sum was earmarked by {e} to mend its streets in {p}?",
                 "In {p}, how much was {e} planning to devote to fixing its highways?",
                 "What amount did {e} commit to pothole work for {p}?"],
           topic=["road", "pothole", "highway", "street"])
    W.spec("budget_total", family=fam, strict=True,
           direct=["What was the total size of {es} {p} budget?", "How big was the budget {e} approved for {p}?"],
           para=["What overall spending did {es} council sign off for {p}?"],
           topic=["budget", "spending plan"])
    W.spec("budget_parks", family=fam, strict=True,
           direct=["How much did {es} {p} budget set aside for parks?"],
           para=["What sum went to green spaces and play areas in {e} in {p}?"],
           followup=[("How much did {e} council allocate for road repairs in its {p} budget?",
                      "How much did it set aside for parks that year?")],
           topic=["park", "green space"])


# ---------------------------------------------------------------------------------------------
# Simulation + family: mayoral elections (town x election year)
# ---------------------------------------------------------------------------------------------
UK_PARTIES = ["Labour", "Conservative", "Liberal Democrat", "Green", "independent"]
US_BACKGROUNDS = ["a two-term city council member", "a local business owner", "a retired fire captain",
                  "a former school board president", "an attorney", "a nonprofit director",
                  "a former police sergeant", "a small-business owner", "a high school teacher",
                  "a real estate agent", "a longtime neighborhood activist", "a former county commissioner"]
WIN_QUOTES = ["Tonight belongs to everyone who knocked on a door for this campaign",
              "People in this town want change, and they have voted for it",
              "I will be a mayor for every neighbourhood, not just the ones that voted for me",
              "The hard work starts tomorrow morning",
              "We ran a positive campaign and the voters rewarded that",
              "This result is a mandate to get on with the job",
              "I am humbled by the trust people have placed in me"]
TERM_ORD = {2: "second", 3: "third", 4: "fourth"}


def first_weekday(y, m, weekday, after_day=1):
    d = dt.date(y, m, after_day)
    while d.weekday() != weekday:
        d += dt.timedelta(days=1)
    return d


def sim_elections(W):
    rng = W.rng
    W.elections = {}
    for t, T in W.towns.items():
        uk = T["uk"]
        start = rng.choice([2008, 2009, 2010, 2011])
        inc, inc_first, inc_terms, inc_tag = None, None, 0, None
        lst = []
        for y in range(start, 2025, 4):
            date = first_weekday(y, 5, 3) if uk else first_weekday(y, 11, 1, first_weekday(y, 11, 0).day + 1)
            n = rng.choice([2, 2, 3, 3, 4])
            runs = inc is not None and rng.random() < (0.8 if inc_terms < 2 else 0.35)
            if runs:
                inc_wins = rng.random() < 0.6
            tag = lambda: rng.choice(UK_PARTIES) if uk else rng.choice(US_BACKGROUNDS)
            cands = []
            if runs:
                cands.append((inc, inc_tag))
            while len(cands) < n:
                p = W.people.new(avoid=[c[0].last for c in cands])
                tg = tag()
                if uk and any(c[1] == tg and tg != "independent" for c in cands):
                    tg = "independent"
                cands.append((p, tg))
            if runs and inc_wins:
                order = cands
            elif runs:
                order = [cands[1], cands[0]] + cands[2:]
            else:
                order = cands
            while True:
                raw = sorted((rng.uniform(1.0, 10.0) for _ in range(n)), reverse=True)
                shares = [round(x / sum(raw) * 100, 1) for x in raw]
                shares[-1] = round(100 - sum(shares[:-1]), 1)
                if shares[0] - shares[1] >= 0.8 and shares[-1] >= 3.0 and shares == sorted(shares, reverse=True):
                    break
            turnout = round(rng.uniform(24, 44) if uk else rng.uniform(18, 52), 1)
            electorate = rng.randint(25000, 160000)
            total = electorate * turnout / 100
            votes = [int(round(total * s / 100)) for s in shares]
            status = "open" if not runs else ("reelected" if inc_wins else "unseated")
            e = {"year": y, "date": date, "cands": order, "shares": shares, "votes": votes, "turnout": turnout,
                 "status": status, "incumbent": inc, "inc_first": inc_first, "inc_terms": inc_terms}
            lst.append(e)
            winner = order[0]
            if status == "reelected":
                inc_terms += 1
            else:
                inc, inc_first, inc_terms, inc_tag = winner[0], y, 1, winner[1]
            e["term"] = inc_terms
        W.elections[t] = lst


def mayor_at(W, town, date):
    m = None
    for e in W.elections.get(town, []):
        if e["date"] < date:
            m = e["cands"][0][0]
    return m


def fam_elections(W):
    rng = W.rng
    fam = "election"
    towns = W.town_list(True)[6:22] + W.town_list(False)[6:22]
    for t in towns:
        T = W.towns[t]
        uk = T["uk"]
        for e in W.elections[t]:
            y = e["year"]
            if y < 2012 or rng.random() < 0.1:
                continue
            date = e["date"] + dt.timedelta(days=rng.choice([0, 1, 1]))
            d = W.add(Doc(fam, (t, str(y)), date, uk, T["outlet"]))
            d.section = "Politics"
            (Wn, wtag), (Rn, rtag) = e["cands"][0], e["cands"][1]
            sh, _ = pct(e["shares"][0], uk)
            shp = pct(e["shares"][0], uk)[1]
            rsh = pct(e["shares"][1], uk)[0]
            to_s, to_p = pct(e["turnout"], uk)
            votes = f"{e['votes'][0]:,}"
            rvotes = f"{e['votes'][1]:,}"
            KW, KS, KT_, KR, KV = [(k, t, y) for k in ("elect_winner", "elect_share", "elect_turnout",
                                                         "elect_runner", "elect_votes")]
            W.keymeta[KS] = {"he": Wn.he}
            W.keymeta[KT_] = {"w": Wn.full}
            W.keymeta[KV] = {"he": Wn.he}
            wdesc = (f"{wtag} candidate {Wn.full}" if wtag != "independent" else f"independent candidate {Wn.full}") \
                if uk else f"{Wn.full}, {wtag},"
            ev = e["date"]
            st = e["status"]
            # headline
            if rng.random() < 0.93:
                hv = rng.randint(0, 4)
                if hv == 0:
                    d.h(f"{Wn.full} elected mayor of {t}", (KW, [Wn.full]))
                elif hv == 1:
                    d.h(f"{Wn.last} wins {t} mayoral race")
                elif hv == 2 and st == "reelected":
                    d.h(f"{t} mayor re-elected for a {TERM_ORD.get(e['term'], 'further')} term")
                elif hv == 3:
                    d.h(f"Election {y}: {t} has a new mayor" if st != "reelected" else f"Election {y}: {t} sticks with its mayor")
                else:
                    d.h(f"{y} {t} mayoral election: full results")
            if st == "open":
                lv = rng.randint(0, 2)
                if lv == 0:
                    d.s(f"{wdesc} has been elected mayor of {t}, winning {sh} of the vote in {wd(ev)}'s election."
                        .replace(",, has", ", has"), (KW, [Wn.full]), (KS, shp))
                elif lv == 1:
                    d.s(f"Voters in {t} have chosen {Wn.full}, " + (f"the {wtag} candidate" if uk and wtag != "independent"
                        else ("an independent" if uk else wtag)) + ", as their next mayor.", (KW, [Wn.full]))
                    d.s(f"{Wn.last} took {sh} of the vote, ahead of {Rn.full} on {rsh}.", (KS, shp), (KR, [Rn.full]))
                else:
                    d.s(f"{Wn.full} won the {y} {t} mayoral election with {votes} votes, finishing ahead of {Rn.full}.",
                        (KW, [Wn.full]), (KV, [votes]), (KR, [Rn.full]))
                if e["incumbent"] is not None and rng.random() < 0.5:
                    d.s(f"The seat was open after Mayor {e['incumbent'].full} decided not to seek another term.")
            elif st == "reelected":
                KF = ("elect_winner", t, e["inc_first"])
                term = TERM_ORD.get(e["term"], "further")
                if rng.random() < 0.5:
                    d.s(f"Mayor {Wn.full}, who was first elected in {e['inc_first']}, won a {term} term in {t} on "
                        f"{wd(ev)}, taking {sh} of the vote against {Rn.full}.",
                        (KW, [Wn.full]), (KF, [Wn.full]), (KS, shp), (KR, [Rn.full]))
                else:
                    d.s(f"{t} has re-elected {Wn.full} as mayor, handing {Wn.him} a {term} term with {sh} of the vote.",
                        (KW, [Wn.full]), (KS, shp))
                    if rng.random() < 0.5:
                        d.s(f"{Wn.last} was first elected in {e['inc_first']}.", (KF, [Wn.last]))
                    d.s(f"The runner-up, {Rn.full}, took {rsh}.", (KR, [Rn.full]))
            else:
                inc = e["incumbent"]
                if rng.random() < 0.5:
                    d.s(f"{Wn.full} unseated Mayor {inc.full} in {poss(t)} mayoral election on {wd(ev)}, winning {sh} of the vote.",
                        (KW, [Wn.full]), (KS, shp), (KR, [inc.full]))
                else:
                    d.s(f"Voters in {t} ousted Mayor {inc.full} on {wd(ev)}, electing {Wn.full} with {sh} of the vote.",
                        (KW, [Wn.full]), (KS, shp), (KR, [inc.full]))
                d.s(f"{inc.last}, who was seeking a {TERM_ORD.get(e['inc_terms'] + 1, 'further')} term, "
                    f"{rng.choice(['conceded shortly after midnight', 'congratulated the winner in a brief statement', 'said she would not stand again' if inc.gender == 'f' else 'said he would not stand again'])}.")
            extras = []
            if rng.random() < 0.6:
                extras.append(lambda: d.s(rng.choice([f"Turnout was {to_s}.",
                                                      f"Turnout stood at {to_s}, {'up on' if rng.random() < 0.5 else 'down on'} the previous election.",
                                                      f"Just {to_s} of registered voters cast a ballot."]), (KT_, to_p)))
            if not any(KV == k for k in d.facts) and rng.random() < 0.5:
                extras.append(lambda: d.s(f"{Wn.last} received {votes} votes to {rvotes} for {Rn.full}.", (KV, [votes]), (KR, [Rn.full])))
            if len(e["cands"]) >= 3 and rng.random() < 0.5:
                P3, tag3 = e["cands"][2]
                desc3 = (f"the {tag3} candidate" if tag3 != "independent" else "standing as an independent") if uk else tag3
                extras.append(lambda: d.s(f"{P3.full}, {desc3}, finished third with {pct(e['shares'][2], uk)[0]}."))
            if rng.random() < 0.5:
                venue = rng.choice([f"the count at {t} Leisure Centre", "the town hall", "a packed function room",
                                    "a downtown hotel", "campaign headquarters"] if not uk else
                                   [f"the count at {t} Leisure Centre", "the town hall", "the count"])
                q = rng.choice(WIN_QUOTES)
                extras.append(lambda: d.s(f"“{q},” {Wn.last} told supporters at {venue}."))
            if rng.random() < 0.3 and st != "reelected":
                if uk:
                    extras.append(lambda: d.s(f"{Wn.last} will take office on {day_month(ev + dt.timedelta(days=rng.randint(3, 10)), True)}."))
                else:
                    extras.append(lambda: d.s(f"{Wn.last} will be sworn in on January {rng.randint(2, 8)}."))
            rng.shuffle(extras)
            for x in extras[:5 - len(d.sentences)]:
                x()
            alltext = " ".join(d.sentences) + " " + (d.headline or "")
            if str(y) not in alltext or len(d.sentences) < 2:
                n = len(e["cands"])
                d.s(f"{['Two', 'Three', 'Four'][n - 2]} candidates were on the ballot in the {y} race.")
    W.spec("elect_winner", family=fam, strict=False,
           direct=["Who won the {p} mayoral election in {e}?", "Who was elected mayor of {e} in {p}?"],
           para=["Which candidate triumphed in the race for {es} top job in {p}?",
                 "Who came out on top when {e} picked its city leader in {p}?"],
           topic=["mayor"])
    W.spec("elect_share", family=fam, strict=True,
           direct=["What share of the vote did the winner of {es} {p} mayoral election receive?"],
           para=["What percentage of ballots went to the victorious candidate in {es} {p} mayoral contest?"],
           followup=[("Who won the {p} mayoral election in {e}?", "What share of the vote did {he} get?")],
           topic=["vote"])
    W.spec("elect_turnout", family=fam, strict=True,
           direct=["What was the turnout in the {p} mayoral election in {e}?"],
           para=["What proportion of the electorate took part when {e} chose its mayor in {p}?"],
           followup=[("Which town elected {w} as mayor in {p}?", "What was the turnout there?")],
           topic=["turnout", "cast a ballot"])
    W.spec("elect_runner", family=fam, strict=False,
           direct=["Who finished second in the {p} mayoral election in {e}?"],
           para=["Who was the defeated candidate in {es} {p} race for mayor?"],
           topic=["mayor"])
    W.spec("elect_votes", family=fam, strict=True,
           direct=["How many votes did the winner of the {p} mayoral election in {e} receive?"],
           para=[], topic=["votes"])


# ---------------------------------------------------------------------------------------------
# Family: sport (league titles, basketball finals, cup finals, marathons)
# ---------------------------------------------------------------------------------------------
FOOT_SUFFIX = ["United", "Rovers", "Athletic", "Town", "Wanderers", "Albion", "Rangers", "Borough",
               "Harriers", "Villa", "Celtic", "Swifts"]
BB_NICK = ["Falcons", "Comets", "Lumberjacks", "Monarchs", "Riverhawks", "Bulldogs", "Pioneers", "Stallions",
           "Otters", "Thunder", "Foxes", "Knights"]
MANAGER_QUOTES = ["I could not be prouder of this group of players",
                  "We have been the most consistent side all season and we deserve it",
                  "Nobody gave us a chance in August",
                  "The lads have given everything, and this is for the supporters",
                  "It has been a long season, but the best team won",
                  "We will enjoy tonight and then start planning for next season"]


CUP_QUOTES = ["Cup finals are about winning, and we did that", "This club has waited a long time for a day like this",
              "The supporters were incredible from the first minute", "We rode our luck at times, but nobody will remember that"]


def season_label(y):
    return f"{y}-{(y + 1) % 100:02d}"


def fam_sport(W):
    rng = W.rng
    uk_towns = W.town_list(True)
    us_towns = W.town_list(False)
    leagues = [("Western Counties League", uk_towns[:12]), ("Eastern Counties League", uk_towns[12:24])]
    W.clubs = {}
    all_clubs = []
    for lname, towns in leagues:
        clubs = []
        suffixes = list(FOOT_SUFFIX)
        rng.shuffle(suffixes)
        for i, t in enumerate(towns):
            c = f"{t} {suffixes[i]}"
            clubs.append(c)
            W.clubs[c] = {"town": t, "manager": W.people.new("m")}
        all_clubs += clubs
        for y in range(2012, 2024):
            if rng.random() < 0.08:
                continue
            sl = season_label(y)
            champ, runner, opp = rng.sample(clubs, 3)
            pts = W.unique_value("league_points", lambda: rng.randint(68, 99), str)
            margin = rng.randint(1, 11)
            games = 38 if lname.startswith("Western") else 34
            if rng.random() < 0.3:
                W.clubs[champ]["manager"] = W.people.new("m")
            mgr = W.clubs[champ]["manager"]
            scorer = W.people.new("m")
            sclub = rng.choice([champ, runner] + rng.sample(clubs, 2))
            goals = rng.randint(18, 34)
            date = first_weekday(y + 1, 5, rng.choice([5, 6]), rng.randint(1, 20))
            score = f"{rng.randint(1, 4)}-{rng.randint(0, 1)}"
            d = W.add(Doc("league", (lname, sl), date, True, rng.choice(SPORTS_OUTLETS + [W.towns[W.clubs[champ]['town']]['outlet']])))
            d.section = "Sport"
            KC, KP, KRu, KSc = [(k, lname, sl) for k in ("league_champ", "league_points", "league_runner", "league_scorer")]
            W.keymeta[KSc] = {}
            if rng.random() < 0.93:
                hv = rng.randint(0, 3)
                if hv == 0:
                    d.h(f"{champ} crowned {lname} champions", (KC, [champ]))
                elif hv == 1:
                    d.h(f"{champ} clinch the title on the final day", (KC, [champ]))
                elif hv == 2:
                    d.h(f"Title joy for {champ} as {runner} fall short", (KC, [champ]))
                else:
                    d.h(f"{lname}: {sl} season review")
            lv = rng.randint(0, 2)
            if lv == 0:
                d.s(f"{champ} won the {lname} title for the {sl} season with a {score} victory over {opp} on {wd(date)}.",
                    (KC, [champ]))
            elif lv == 1:
                d.s(f"{champ} are {lname} champions for {sl} after finishing {margin} point{'s' if margin > 1 else ''} "
                    f"clear of {runner}.", (KC, [champ]), (KRu, [runner]))
            else:
                d.s(f"A {score} win at home to {opp} on {wd(date)} sealed the {sl} {lname} title for {champ}.",
                    (KC, [champ]))
            if lv == 1:
                d.s(rng.choice([f"They finished the season on {pts} points.",
                                f"{mgr.full}'s side ended the campaign with {pts} points from {games} games."]),
                    (KP, [f"{pts} points"]))
            else:
                d.s(rng.choice([f"They finished the season on {pts} points, {margin} ahead of {runner}.",
                                f"{mgr.full}'s side ended the campaign with {pts} points from {games} games, "
                                f"{margin} more than second-placed {runner}."]),
                    (KP, [f"{pts} points"]), (KRu, [runner]))
            if rng.random() < 0.7:
                d.s(rng.choice([f"{scorer.full} of {sclub} finished as the league's top scorer with {goals} goals.",
                                f"The golden boot went to {sclub} striker {scorer.full}, who scored {goals} times."]),
                    (KSc, [scorer.full]))
            if rng.random() < 0.6:
                d.s(f"“{rng.choice(MANAGER_QUOTES)},” said manager {mgr.full}.")
            if rng.random() < 0.3:
                r1, r2 = rng.sample([c for c in clubs if c not in (champ, runner, opp)], 2)
                d.s(f"At the other end of the table, {r1} and {r2} were relegated.")
    # basketball conference
    bb = [f"{t} {BB_NICK[i]}" for i, t in enumerate(us_towns[:10])]
    for y in range(2015, 2025):
        if rng.random() < 0.12:
            continue
        champ, opp = rng.sample(bb, 2)
        wins = 4
        losses = rng.randint(0, 3)
        mvp = W.people.new("m")
        ppg = f"{rng.uniform(18, 31):.1f}"
        date = dt.date(y, 6, 1) + dt.timedelta(days=rng.randint(0, 24))
        d = W.add(Doc("basketball", ("Central Basketball Conference", str(y)), date, False,
                      rng.choice(SPORTS_OUTLETS)))
        d.section = "Sport"
        KC, KM = ("bb_champ", "Central Basketball Conference", y), ("bb_mvp", "Central Basketball Conference", y)
        if rng.random() < 0.9:
            d.h(rng.choice([f"{champ} win {y} Central Basketball Conference title",
                            f"{champ} beat {opp} to claim the championship"]), (KC, [champ]))
        d.s(rng.choice([f"The {champ} won the {y} Central Basketball Conference championship on {wd(date)}, "
                        f"beating the {opp} {wins}-{losses} in the finals.",
                        f"The {champ} are Central Basketball Conference champions for {y} after closing out the "
                        f"finals against the {opp} in {['four', 'five', 'six', 'seven'][losses]} games."]), (KC, [champ]))
        d.s(rng.choice([f"{mvp.full} was named finals MVP after averaging {ppg} points a game.",
                        f"Guard {mvp.full}, who averaged {ppg} points in the series, took the finals MVP award."]),
            (KM, [mvp.full]))
        if rng.random() < 0.6:
            coach = W.people.new()
            d.s(f"Coach {coach.full} called it “{rng.choice(['the best week of my life', 'a reward for a lot of hard work', 'a team effort from start to finish'])}.”")
    # cup finals
    venues = ["Crown Meadow in Norchester", "Ashcombe Park"]
    for y in range(2012, 2025):
        if rng.random() < 0.05:
            continue
        win, lose = rng.sample(all_clubs, 2)
        g1 = rng.randint(1, 4)
        g2 = rng.randint(0, g1 - 1)
        att = W.unique_value("cup", lambda: rng.randint(18000, 64000), lambda v: f"{v:,}")
        scorer = W.people.new("m")
        minute = rng.randint(5, 89)
        venue = venues[0] if y not in (2019, 2020) else venues[1]
        date = first_weekday(y, 5, 5, rng.randint(8, 24))
        d = W.add(Doc("cup", ("Westland Cup", str(y)), date, True, rng.choice(SPORTS_OUTLETS)))
        d.section = "Sport"
        KW_, KA, KS_, KSc = [(k, "Westland Cup", y) for k in ("cup_winner", "cup_attendance", "cup_score", "cup_scorer")]
        if rng.random() < 0.9:
            d.h(rng.choice([f"{win} lift the Westland Cup", f"Westland Cup final: {win} {g1}-{g2} {lose}",
                            f"Cup glory for {win}"]), (KW_, [win]))
        d.s(rng.choice([f"{win} won the {y} Westland Cup final, beating {lose} {g1}-{g2} at {venue} on {wd(date)}.",
                        f"{win} beat {lose} {g1}-{g2} in the {y} Westland Cup final at {venue}."]),
            (KW_, [win]), (KS_, [f"{g1}-{g2}"]))
        d.s(rng.choice([f"{scorer.full} scored the decisive goal in the {ordinal(minute)} minute.",
                        f"The winning goal came from {scorer.full} after {minute} minutes."]) if g1 - g2 == 1 else
            f"{scorer.full} opened the scoring in the {ordinal(minute)} minute.", (KSc, [scorer.full]))
        d.s(rng.choice([f"A crowd of {att:,} watched the final.", f"The attendance was {att:,}.",
                        f"{att:,} spectators were in the ground."]), (KA, [f"{att:,}"]))
        if rng.random() < 0.5:
            d.s(f"“{rng.choice(CUP_QUOTES)},” said {win} manager {W.clubs[win]['manager'].full}.")
    # marathons
    mtowns = ["Wexbridge", "Norchester", "Port Calder", "Riverton Falls", "Hartwell", "Lakeview Heights"]
    for t in mtowns:
        T = W.towns[t]
        uk = T["uk"]
        for y in range(2015, 2025):
            if y == 2020 or rng.random() < 0.15:
                continue
            men, women = W.people.new("m"), W.people.new("f")
            mt = W.unique_value("marathon", lambda: f"2:{rng.randint(6, 14):02d}:{rng.randint(0, 59):02d}", str)
            wt = W.unique_value("marathon", lambda: f"2:{rng.randint(21, 32):02d}:{rng.randint(0, 59):02d}", str)
            fin = W.unique_value("marathon", lambda: rng.randint(3800, 21000), lambda v: f"{v:,}")
            date = first_weekday(y, rng.choice([4, 5, 9, 10]), 6, rng.randint(1, 20))
            d = W.add(Doc("marathon", (f"{t} Marathon", str(y)), date, uk, T["outlet"]))
            d.section = "Sport"
            KM, KMT, KWn, KWT, KF = [(k, f"{t} Marathon", y) for k in
                                     ("mar_men", "mar_men_time", "mar_women", "mar_women_time", "mar_finishers")]
            W.keymeta[KWT] = {"she": "she"}
            hv = rng.randint(0, 3)
            if hv == 0:
                d.h(f"{men.full} and {women.full} win {t} Marathon", (KM, [men.full]), (KWn, [women.full]))
            elif hv == 1:
                d.h(f"{t} Marathon {y}: results and highlights")
            elif hv == 2:
                d.h(f"Thousands take to the streets for {t} Marathon")
            lv = rng.randint(0, 1)
            if lv == 0:
                d.s(f"{men.full} won the men's race at the {y} {t} Marathon on {wd(date)} in {mt}.",
                    (KM, [men.full]), (KMT, [mt]))
                d.s(f"The women's title went to {women.full}, who crossed the line in {wt}.",
                    (KWn, [women.full]), (KWT, [wt]))
            else:
                d.s(f"{women.full} and {men.full} were the winners of the {y} {t} Marathon on {wd(date)}.",
                    (KWn, [women.full]), (KM, [men.full]))
                d.s(f"{men.last} finished in {mt}, while {women.last} clocked {wt} in the women's race.",
                    (KMT, [mt]), (KWT, [wt]))
            if rng.random() < 0.7:
                d.s(rng.choice([f"Organisers said {fin:,} runners finished the course." if uk else
                                f"Organizers said {fin:,} runners finished the course.",
                                f"A total of {fin:,} runners completed the race."]), (KF, [f"{fin:,}"]))
            if rng.random() < 0.5:
                d.s(rng.choice(["Warm conditions slowed the leaders over the second half of the course.",
                                "Runners faced a stiff headwind along the river section.",
                                "Several roads in the town centre were closed until mid-afternoon." if uk else
                                "Several downtown streets were closed until mid-afternoon.",
                                "Money raised by participants will go to local charities."]))
    W.spec("league_champ", family="league", strict=False,
           direct=["Which club won the {e} in the {p} season?", "Who were the {e} champions in {p}?"],
           para=["Which side took the {e} crown in {p}?"], topic=["champion", "title"])
    W.spec("league_points", family="league", strict=True,
           direct=["How many points did the {e} champions finish with in {p}?"],
           para=["What was the final tally of the side that topped the {e} table in {p}?"], topic=["points"])
    W.spec("league_scorer", family="league", strict=True,
           direct=["Who was the top scorer in the {e} in the {p} season?"],
           para=["Which striker found the net most often in the {e} during {p}?"],
           followup=[("Which club won the {e} in the {p} season?", "Who was the league's top scorer in the season they won it?")],
           topic=["top scorer", "golden boot"])
    W.spec("bb_mvp", family="basketball", strict=True,
           direct=["Who was named finals MVP of the {e} in {p}?"],
           para=["Which player was voted the most valuable player of the {p} {e} finals?"], topic=["MVP"])
    W.spec("bb_champ", family="basketball", strict=False,
           direct=["Which team won the {p} {e} championship?"], para=[], topic=["champion"])
    W.spec("cup_attendance", family="cup", strict=True,
           direct=["What was the attendance at the {p} {e} final?"],
           para=["How many people watched the {e} final in the stadium in {p}?"], topic=["crowd", "attendance", "spectators"])
    W.spec("cup_scorer", family="cup", strict=True,
           direct=["Who scored the winning goal in the {p} {e} final?", "Who scored first in the {p} {e} final?"],
           para=[], topic=["goal"])
    W.spec("cup_winner", family="cup", strict=False,
           direct=["Which club won the {p} {e}?"], para=["Who lifted the {e} trophy in {p}?"], topic=["final"])
    W.spec("mar_men_time", family="marathon", strict=True,
           direct=["What was the men's winning time at the {p} {e}?"],
           para=["How fast did the fastest male runner complete the {p} {e}?"], topic=["marathon"])
    W.spec("mar_women", family="marathon", strict=True,
           direct=["Who won the women's race at the {p} {e}?"],
           para=["Which female athlete triumphed over 26.2 miles at the {p} {e}?"], topic=["marathon"])
    W.spec("mar_women_time", family="marathon", strict=True,
           direct=["What was the women's winning time at the {p} {e}?"], para=[],
           followup=[("Who won the women's race at the {p} {e}?", "What was her finishing time?")], topic=["marathon"])
    W.spec("mar_men", family="marathon", strict=True,
           direct=["Who won the men's race at the {p} {e}?"], para=[], topic=["marathon"])
    W.spec("mar_finishers", family="marathon", strict=True,
           direct=["How many runners finished the {p} {e}?"],
           para=["How many participants made it to the finish line of the {p} {e}?"], topic=["finished", "completed"])


# ---------------------------------------------------------------------------------------------
# Family: quarterly earnings (company x quarter)
# ---------------------------------------------------------------------------------------------
COMPANIES = [
    ("Calloway Foods", "packaged food maker", "Wexbridge", ["Price increases offset slightly lower volumes.", "Demand for its frozen ranges stayed strong."]),
    ("Brightline Logistics", "logistics group", "Port Calder", ["Parcel volumes rose on the back of online shopping.", "Fuel costs weighed on margins."]),
    ("Norvane Telecom", "telecoms operator", "Norchester", ["The company added broadband customers for the fifth quarter running.", "Spending on its fibre network continued."]),
    ("Halberd Steel", "steelmaker", "Granton", ["Shipments fell as construction demand cooled.", "Higher energy prices pushed up costs at its mills."]),
    ("Quillon Pharmaceuticals", "drugmaker", "Ridgemont", ["Sales of its best-selling heart drug grew strongly.", "Research spending rose as two late-stage trials advanced."]),
    ("Vantora Software", "software company", "Westlake City", ["Subscription revenue grew faster than licence sales.", "The company signed several large government contracts."]),
    ("Meridale Retail Group", "retailer", "Kingsholt", ["Like-for-like sales were helped by a strong Christmas season.", "Footfall in its high-street stores remained weak."]),
    ("Sorrel Energy", "energy supplier", "Marbury", ["Wholesale gas prices fell during the period.", "The number of customers in arrears increased."]),
    ("Pelham Motors", "carmaker", "Harlan Ridge", ["Deliveries of its electric pickup truck picked up.", "Supply problems with semiconductors eased."]),
    ("Tarrow Shipping", "container shipping company", "Eastport Landing", ["Freight rates came down from their peak.", "Congestion at major ports cleared."]),
    ("Kestrel Airways", "airline", "Thornleigh", ["Passenger numbers recovered strongly.", "Higher jet fuel costs ate into profits."]),
    ("Oberly Chemicals", "chemicals maker", "Sable Creek", ["Demand from farming customers was strong.", "Destocking by industrial customers hit volumes."]),
    ("Fernhill Brewing", "brewer", "Redcombe", ["Sales of its low-alcohol beers doubled.", "Pub closures weighed on draught volumes."]),
    ("Altrix Semiconductors", "chipmaker", "Millbrook Springs", ["Orders from data-centre customers surged.", "Demand for chips used in phones slowed."]),
    ("Bramwell Home Stores", "home furnishings retailer", "Pinecrest", ["Big-ticket furniture sales slowed.", "Online orders made up a growing share of sales."]),
]
CEO_GOOD = ["We delivered a solid quarter despite a challenging market", "Demand held up better than we expected",
            "These results show the progress we have made on our strategy", "Our teams executed well in every region",
            "We are confident about the rest of the year"]
CEO_BAD = ["The quarter was tougher than we hoped, but we are taking action", "Trading conditions remain difficult",
           "We are not satisfied with these results", "Cost discipline remains our priority"]


def fam_earnings(W):
    rng = W.rng
    fam = "earnings"
    W.companies = {}
    quarters = [(y, q) for y in range(2020, 2025) for q in range(1, 5) if (y, q) <= (2024, 2)]
    fmtm = lambda v: money(v, "USD", "million")[0][1:]
    bases = [90e6 * (80 ** (i / (len(COMPANIES) - 1))) for i in range(len(COMPANIES))]
    rng.shuffle(bases)
    for (name, desc, hq, drivers), base in zip(COMPANIES, bases):
        T = W.towns[hq]
        uk, cur = T["uk"], T["cur"]
        ceo, cfo = W.people.new(), W.people.new()
        W.companies[name] = {"hq": hq, "ceo": ceo, "cur": cur, "uk": uk}
        growth = rng.uniform(-0.03, 0.12)
        margin = rng.uniform(0.0, 0.12)
        season = [rng.uniform(0.9, 1.1) for _ in range(4)]
        sim = {}
        for i, (y, q) in enumerate(quarters):
            rv = base * (1 + growth) ** (i / 4) * season[q - 1] * rng.uniform(0.95, 1.05)
            rv = W.unique_value(fam, lambda: rv * rng.uniform(0.92, 1.08), fmtm)
            np_ = rv * (margin + rng.gauss(0, 0.035))
            np_ = W.unique_value(fam, lambda: np_ * rng.uniform(0.93, 1.07) if abs(np_) > 12e6 else (1 if np_ >= 0 else -1) * rng.uniform(1.5e6, 14e6), lambda v: fmtm(abs(v)))
            sim[(y, q)] = (rv, np_)
        written = sorted(rng.sample(quarters[4:], 10))
        for (y, q) in written:
            rv, np_ = sim[(y, q)]
            prv, pnp = sim[(y - 1, q)]
            chg = (rv - prv) / prv * 100
            up = chg >= 0
            end = dt.date(y, q * 3, 28)
            date = bizday(end + dt.timedelta(days=rng.randint(22, 48)))
            outlet = rng.choice(BUSINESS_OUTLETS + [T["outlet"]])
            d = W.add(Doc(fam, (name, f"{y} Q{q}"), date, uk, outlet))
            d.section = "Business"
            sty = rng.choice(["million", "million", "abbr"] if uk else ["million", "million", "million", "word"])
            rv_s, rv_p = money(rv, cur, sty)
            np_s, np_p = money(abs(np_), cur, sty)
            pnp_s, pnp_p = money(abs(pnp), cur, sty)
            chg_s = f"{abs(chg):.0f}{' per cent' if uk else '%'}"
            o = ORD[q]
            KR, KP, KL, KG = [(k, name, y, q) for k in ("earn_revenue", "earn_profit", "earn_loss", "earn_guidance")]
            KPp, KLp = ("earn_profit", name, y - 1, q), ("earn_loss", name, y - 1, q)
            KNP = KP if np_ >= 0 else KL
            KNPp = KPp if pnp >= 0 else KLp
            hv = rng.randint(0, 4)
            if rng.random() < 0.94:
                if hv == 0:
                    d.h(f"{name} {o}-quarter revenue {'rises' if up else 'falls'} {chg_s} to {rv_s}", (KR, rv_p))
                elif hv == 1:
                    d.h(f"{name} swings to {o}-quarter loss" if np_ < 0 and pnp >= 0 else
                        f"{name} profit {'jumps' if np_ > pnp else 'slips'} in {o} quarter")
                elif hv == 2:
                    d.h(f"{name} results: what analysts are saying")
                elif hv == 3:
                    d.h(f"{name} Q{q} {y}: revenue {rv_s}, net {'profit' if np_ >= 0 else 'loss'} {np_s}",
                        (KR, rv_p), (KNP, np_p))
                else:
                    d.h(f"{name} {'beats' if up else 'misses'} forecasts as sales {'rise' if up else 'fall'}")
            lv = rng.randint(0, 3)
            if lv == 0:
                d.s(f"{name} reported revenue of {rv_s} for the {o} quarter of {y}, {'up' if up else 'down'} {chg_s} "
                    f"from a year earlier.", (KR, rv_p))
            elif lv == 1:
                per = f"the three months to {QEND_UK[q]} {y}" if uk else f"the three months ended {QEND[q]}, {y}"
                d.s(f"{name}, the {hq}-based {desc}, said on {wd(date)} that sales {'rose' if up else 'fell'} {chg_s} "
                    f"to {rv_s} in {per}.", (KR, rv_p))
            elif lv == 2:
                d.s(f"Revenue at {name} {'climbed' if up else 'slipped'} to {rv_s} in the {o} quarter of {y}, "
                    f"the {desc} said on {wd(date)}.", (KR, rv_p))
            else:
                d.s(f"{name} posted {o}-quarter {y} revenue of {rv_s} on {wd(date)}, "
                    f"{'ahead of' if rng.random() < 0.5 else 'short of'} analysts' expectations.", (KR, rv_p))
            pv = rng.randint(0, 2)
            if np_ >= 0:
                if pv == 0:
                    prev = f"a loss of {pnp_s}" if pnp < 0 else pnp_s
                    d.s(f"Net profit was {np_s}, compared with {prev} in the same period a year earlier.",
                        (KP, np_p), (KNPp, pnp_p))
                elif pv == 1:
                    d.s(f"Net income came in at {np_s}.", (KP, np_p))
                else:
                    d.s(f"Profit after tax {'rose' if np_ > pnp else 'fell'} to {np_s}.", (KP, np_p))
            else:
                if pv == 0:
                    prev = f"a profit of {pnp_s}" if pnp >= 0 else f"a loss of {pnp_s}"
                    d.s(f"The company posted a net loss of {np_s}, compared with {prev} a year earlier.",
                        (KL, np_p), (KNPp, pnp_p))
                else:
                    d.s(f"It made a net loss of {np_s} for the period.", (KL, np_p))
            extras = []
            yr = sum(sim.get((y, k), sim[(y - 1, k)])[0] for k in range(1, 5))
            # a fourth-quarter report closes the year, so it carries no full-year forecast
            g = W.unique_value(fam, lambda: yr * rng.uniform(0.94, 1.06), fmtm, optional=True) \
                if q < 4 and rng.random() < 0.45 else None
            if g is not None:
                g_s, g_p = money(g, cur, sty)
                verb = rng.choice(["raised its forecast for full-year revenue to about",
                                   "now expects full-year revenue of around",
                                   "kept its forecast for full-year revenue of about"])
                extras.append(lambda: d.s(f"The company {verb} {g_s}.", (KG, g_p)))
            if rng.random() < 0.4:
                mv = rng.uniform(0.5, 9.5)
                extras.append(lambda: d.s(f"Shares {'rose' if up else 'fell'} {mv:.1f}{' per cent' if uk else '%'} in "
                                          f"{rng.choice(['early', 'afternoon', 'morning'])} trading."))
            if rng.random() < 0.55:
                qt = rng.choice(CEO_GOOD if (np_ > 0 and np_ >= 0.9 * pnp and up) else CEO_BAD)
                extras.append(lambda: d.s(rng.choice([f"“{qt},” Chief Executive {ceo.full} said in a statement.",
                                                      f"“{qt},” said chief executive {ceo.full}."])))
            if rng.random() < 0.45:
                extras.append(lambda: d.s(rng.choice(drivers)))
            if rng.random() < 0.15:
                extras.append(lambda: d.s(f"Finance chief {cfo.full} said the company would keep a tight grip on costs."))
            rng.shuffle(extras)
            for x in extras[:6 - len(d.sentences)]:
                x()
            W.keymeta[KP] = {"qn": q, "o": o}
    W.spec("earn_revenue", family=fam, strict=True,
           direct=["What revenue did {e} report for the {o} quarter of {p}?", "How much revenue did {e} make in Q{qn} {p}?"],
           para=["How much did {e} take in from sales between {m1} and {m3} {p}?",
                 "What were {es} total takings for the {m1}-to-{m3} period of {p}?"],
           topic=["revenue", "sales"])
    W.spec("earn_profit", family=fam, strict=True,
           direct=["What net profit did {e} report for the {o} quarter of {p}?"],
           para=["How much did {e} earn once all costs and taxes were paid in the {o} quarter of {p}?"],
           followup=[("What revenue did {e} report for the {o} quarter of {p}?", "And what was its net profit in that quarter?")],
           topic=["net profit", "net income", "profit after tax"])
    W.spec("earn_guidance", family=fam, strict=True,
           direct=["What full-year revenue forecast did {e} give with its {o}-quarter {p} results?"],
           para=["What annual sales outlook did {e} offer when it published figures for the {o} quarter of {p}?"],
           topic=["forecast", "expects"])


# ---------------------------------------------------------------------------------------------
# Family: senior appointments (organisation x year)
# ---------------------------------------------------------------------------------------------
ORG_TYPES = {
    # key: (org name fmt, role, short, board, [(short prev, long prev fmt)], uk?)
    "police": ("{t} Police Department", "police chief", "the department", "the {t} City Council",
               [("deputy chief", "deputy chief of the {o} Police Department"),
                ("assistant chief", "assistant chief of police in {o}"),
                ("commander", "a commander in the {o} Police Department")], False),
    "fire": ("{t} Fire Department", "fire chief", "the department", "the {t} City Council",
             [("deputy fire chief", "deputy fire chief in {o}"),
              ("battalion chief", "a battalion chief with the {o} Fire Department")], False),
    "school": ("{t} Unified School District", "superintendent", "the district", "the school board",
               [("deputy superintendent", "deputy superintendent in {o}"),
                ("superintendent", "superintendent of the {o} Unified School District")], False),
    "stateuni": ("{t} State University", "president", "the university", "the board of trustees",
                 [("provost", "provost of {o} State University"),
                  ("dean of engineering", "dean of engineering at {o} State University")], False),
    "orchestra": ("{t} Symphony Orchestra", "music director", "the orchestra", "the orchestra's board",
                  [("principal guest conductor", "principal guest conductor of the {o} Symphony Orchestra"),
                   ("assistant conductor", "assistant conductor of the {o} Philharmonic")], False),
    "council": ("{t} Council", "chief executive", "the council", "councillors",
                [("director of resources", "director of resources at {o} Council"),
                 ("deputy chief executive", "deputy chief executive of {o} Council")], True),
    "hospital": ("{t} General Hospital", "chief executive", "the hospital", "the hospital's board",
                 [("chief operating officer", "chief operating officer at {o} General Hospital"),
                  ("director of nursing", "director of nursing at {o} General Hospital")], True),
    "ukuni": ("University of {t}", "vice-chancellor", "the university", "the university's governing council",
              [("deputy vice-chancellor", "deputy vice-chancellor at the University of {o}"),
               ("pro vice-chancellor for research", "pro vice-chancellor for research at the University of {o}")], True),
    "museum": ("{t} Museum of Art", "director", "the museum", "the museum's trustees",
               [("chief curator", "chief curator at the {o} Museum of Art"),
                ("deputy director", "deputy director of the {o} Museum of Art")], True),
}
def org_subject(org):
    if org.startswith("University of") or org.endswith(("Police Department", "Fire Department", "Unified School District",
                                                         "Symphony Orchestra", "Museum of Art")):
        return "the " + org
    return org


INTERNAL_PREV = {
    "police": ("deputy chief", "the department's deputy chief"),
    "fire": ("assistant chief", "the department's assistant chief"),
    "school": ("deputy superintendent", "the district's deputy superintendent"),
    "stateuni": ("provost", "the university's provost"),
    "orchestra": ("associate conductor", "the orchestra's associate conductor"),
    "council": ("deputy chief executive", "the council's deputy chief executive"),
    "hospital": ("chief operating officer", "the hospital's chief operating officer"),
    "ukuni": ("deputy vice-chancellor", "the university's deputy vice-chancellor"),
    "museum": ("deputy director", "the museum's deputy director"),
}
APPOINT_QUOTES = ["brings exactly the experience we were looking for",
                  "impressed the panel with a clear vision for the future",
                  "is the right person to lead us through the next chapter",
                  "stood out in a very strong field of candidates"]


def fam_appointments(W):
    rng = W.rng
    fam = "appointment"
    uk_t, us_t = W.town_list(True), W.town_list(False)
    plan = [("police", us_t[0:7]), ("fire", us_t[7:10]), ("school", us_t[10:14]), ("stateuni", us_t[14:16]),
            ("orchestra", us_t[16:18]), ("council", uk_t[0:4]), ("hospital", uk_t[4:9]), ("ukuni", uk_t[9:12]),
            ("museum", uk_t[12:15])]
    W.orgs = {}
    for typ, towns in plan:
        fmt, role, short, board, prevs, uk = ORG_TYPES[typ]
        for t in towns:
            org = fmt.format(t=t)
            y = rng.randint(2003, 2009)
            head, hy = W.people.new(), y
            chain = [(hy, head)]
            while True:
                y = y + rng.randint(3, 6)
                if y > 2024:
                    break
                chain.append((y, W.people.new()))
            W.orgs[org] = {"town": t, "role": role, "chain": chain}
            others = [o for o in (uk_t if uk else us_t) if o != t]
            for i in range(1, len(chain)):
                y, p = chain[i]
                py, pred = chain[i - 1]
                if y < 2012 or rng.random() < 0.12:
                    continue
                date = bizday(dt.date(y, rng.randint(1, 11), rng.randint(1, 28)))
                start = date + dt.timedelta(days=rng.randint(35, 120))
                d = W.add(Doc(fam, (org, str(y)), date, uk, W.towns[t]["outlet"]))
                d.section = "News"
                d.need_year = str(y)
                KA, KPv, KS, KPd = [(k, org, y) for k in ("appoint_name", "appoint_prev", "appoint_start", "appoint_pred")]
                W.keymeta[KPv] = {"he": p.he, "his": p.his, "role": role}
                W.keymeta[KA] = {"role": role}
                W.keymeta[KS] = {"he": p.he, "role": role}
                if rng.random() < 0.2:
                    pshort, plong = INTERNAL_PREV[typ]
                    plong = plong.format(org=org)
                else:
                    o = rng.choice(others)
                    pshort, plong = rng.choice(prevs)
                    plong = plong.format(o=o)
                if rng.random() < 0.93:
                    hv = rng.randint(0, 3)
                    if hv == 0:
                        d.h(f"{t} names new {role}")
                    elif hv == 1:
                        d.h(f"{p.full} to lead {org}", (KA, [p.full]))
                    elif hv == 2:
                        d.h(f"New {role} appointed at {org}")
                    else:
                        d.h(f"{org} picks {p.last} as next {role}")
                lv = rng.randint(0, 3)
                so = org_subject(org)
                So = so[0].upper() + so[1:]
                if lv == 0:
                    d.s(f"{So} has appointed {p.full} as its new {role}.", (KA, [p.full]))
                    d.s(rng.choice([f"{p.last} is currently {plong}.",
                                    f"{p.he.capitalize()} has been {plong} for the past {rng.randint(3, 9)} years."]),
                        (KPv, [plong, pshort]))
                elif lv == 1:
                    d.s(f"{p.full}, currently {plong}, has been named the next {role} of {so}, officials announced on {wd(date)}.",
                        (KA, [p.full]), (KPv, [plong, pshort]))
                elif lv == 2:
                    b = board.format(t=t)
                    d.s(f"{b[0].upper() + b[1:]} on {wd(date)} confirmed {p.full} as the next {role} of {so}.", (KA, [p.full]))
                    d.s(f"{p.last}, {plong}, was chosen from a shortlist of {rng.choice(['three', 'four', 'five', 'six'])} candidates.",
                        (KPv, [plong, pshort]))
                else:
                    d.s(f"{So} has chosen {p.full}, {plong}, to succeed {pred.full} as {role}.",
                        (KA, [p.full]), (KPv, [plong, pshort]), (KPd, [pred.full]))
                extras = []
                sv = rng.random()
                if sv < 0.6:
                    sd = day_month(start, uk)
                    extras.append(lambda: d.s(rng.choice([f"{p.he.capitalize()} will take up the post on {sd}.",
                                                          f"{p.last} is due to start on {sd}."]), (KS, [sd])))
                elif sv < 0.8:
                    sm = f"{MONTHS[start.month - 1]} {start.year}"
                    extras.append(lambda: d.s(f"{p.last} is expected to start in {sm}.", (KS, [sm])))
                if lv != 3:
                    KPy = ("appoint_name", org, py)
                    rv = rng.randint(0, 2)
                    if rv == 0:
                        extras.append(lambda: d.s(f"{p.last} succeeds {pred.full}, who is retiring after {y - py} years in the role.",
                                                  (KPd, [pred.full])))
                    elif rv == 1:
                        extras.append(lambda: d.s(f"{p.he.capitalize()} replaces {pred.full}, who has led {short} since {py}.",
                                                  (KPd, [pred.full]), (KPy, [pred.full])))
                    else:
                        o2 = rng.choice(others)
                        extras.append(lambda: d.s(f"The post became vacant when {pred.full} left to take a job in {o2}.",
                                                  (KPd, [pred.full])))
                if rng.random() < 0.55:
                    if not uk and typ in ("police", "fire", "school"):
                        m = mayor_at(W, t, date)
                        who = f"Mayor {m.full}" if m else f"council president {W.people.new().full}"
                    else:
                        who = f"{'chair' if uk else 'board chair'} {W.people.new().full}"
                    qt = rng.choice(APPOINT_QUOTES)
                    extras.append(lambda: d.s(f"“{p.first} {qt},” said {who}."))
                rng.shuffle(extras)
                for x in extras[:5 - len(d.sentences)]:
                    x()
                if len(d.sentences) < 2:
                    d.s(f"{p.last} was chosen after a national search that began {rng.choice(['last year', 'in the spring', 'several months ago'])}.")
    W.spec("appoint_name", family=fam, strict=False,
           direct=["Who was appointed {role} of {te} in {p}?", "Who was named {role} of {te} in {p}?"],
           para=["Who was picked to head {te} in {p}?", "Who was chosen to take charge of {te} in {p}?"],
           topic=["appoint", "named", "chosen", "confirmed"])
    W.spec("appoint_prev", family=fam, strict=False,
           direct=["What job did the person appointed {role} of {te} in {p} hold before the appointment?"],
           para=[],
           followup=[("Who was appointed {role} of {te} in {p}?", "What position did {he} hold before that?"),
                     ("Who became the new {role} of {te} in {p}?", "What was {his} job before the appointment?")],
           topic=["currently", "has been", "was chosen"])
    W.spec("appoint_start", family=fam, strict=False,
           direct=["When was the {role} appointed by {te} in {p} due to start?"],
           para=["On what date does the {role} whom {te} hired in {p} begin work?"],
           topic=["start", "take up the post"])


# ---------------------------------------------------------------------------------------------
# Family: weather (named storms x town, US snowstorms x town, hottest day town x year)
# ---------------------------------------------------------------------------------------------
STORMS = [("Alder", 2016, 1), ("Brannock", 2017, 10), ("Corvin", 2018, 2), ("Delphine", 2019, 12),
          ("Eskil", 2020, 2), ("Fenella", 2021, 11), ("Hesper", 2022, 2), ("Jorunn", 2023, 1),
          ("Kenrick", 2024, 3)]
SNOWSTORMS = [(2019, 1), (2021, 2), (2022, 12), (2024, 1)]


def fam_weather(W):
    rng = W.rng
    uk_t, us_t = W.town_list(True), W.town_list(False)
    fam = "storm"
    for name, y, m in STORMS:
        hit = rng.sample(uk_t, 5)
        day = dt.date(y, m, rng.randint(2, 25))
        for t in hit:
            T = W.towns[t]
            homes = W.unique_value(fam, lambda: rng.randint(8, 420) * 100 + rng.choice([0, 20, 50, 80]), lambda v: f"{v:,}")
            gust = W.unique_value(fam + name, lambda: rng.randint(58, 96), str)
            rain = f"{rng.randint(22, 95)}mm"
            date = day + dt.timedelta(days=rng.choice([0, 1]))
            d = W.add(Doc(fam, (f"Storm {name}", t), date, True, T["outlet"]))
            d.section = "Weather"
            KPw, KG, KRn = [(k, f"Storm {name}", t) for k in ("storm_power", "storm_gust", "storm_rain")]
            W.keymeta[KPw] = {}
            hv = rng.randint(0, 3)
            if hv == 0:
                d.h(f"Storm {name}: thousands without power in {t}")
            elif hv == 1:
                d.h(f"{t} counts the cost after Storm {name}")
            elif hv == 2:
                d.h(f"Storm {name} brings {gust}mph gusts to {t}", (KG, [f"{gust}mph"]))
            lv = rng.randint(0, 2)
            if lv == 0:
                d.s(f"Around {homes:,} homes in {t} were left without power on {wd(date)} as Storm {name} swept across the region.",
                    (KPw, [f"{homes:,}"]))
                d.s(f"Gusts of up to {gust}mph were recorded in the town.", (KG, [f"{gust}mph"]))
            elif lv == 1:
                d.s(f"Storm {name} brought gusts of up to {gust}mph to {t} overnight, bringing down trees and cutting power "
                    f"to {homes:,} properties.", (KG, [f"{gust}mph"]), (KPw, [f"{homes:,}"]))
            else:
                d.s(f"Engineers were working on {wd(date)} to reconnect {homes:,} homes in {t} after Storm {name} "
                    f"brought down power lines.", (KPw, [f"{homes:,}"]))
                if rng.random() < 0.6:
                    d.s(f"The strongest gust, {gust}mph, was measured on high ground north of the town.", (KG, [f"{gust}mph"]))
            extras = []
            if rng.random() < 0.5:
                extras.append(lambda: d.s(f"Forecasters said {rain} of rain fell in 24 hours.", (KRn, [rain])))
            extras.append(lambda: d.s(rng.choice([
                "A section of the ring road was closed after a tree fell across the carriageway.",
                "Several schools in the area stayed closed for the day.",
                "No injuries were reported.",
                "Rail services were suspended until the line could be cleared of debris.",
                "The council opened a rest centre at the leisure centre for residents without heating."])))
            if rng.random() < 0.5:
                extras.append(lambda: d.s(f"Western Power Networks said most customers should be reconnected by "
                                          f"{WEEKDAYS[(date.weekday() + rng.randint(1, 2)) % 7]}."))
            if rng.random() < 0.3:
                extras.append(lambda: d.s(f"{name} is the {rng.choice(['second', 'third', 'fourth'])} named storm of the season."))
            rng.shuffle(extras)
            for x in extras[:5 - len(d.sentences)]:
                x()
    # US snowstorms
    fam2 = "snow"
    for y, m in SNOWSTORMS:
        label = f"{MONTHS[m - 1]} {y}"
        hit = rng.sample(us_t, 5)
        day = dt.date(y, m, rng.randint(3, 24))
        for t in hit:
            T = W.towns[t]
            inches = W.unique_value(fam2, lambda: f"{rng.uniform(6, 30):.1f}", str)
            cust = W.unique_value(fam2, lambda: rng.randint(12, 380) * 100 + rng.choice([0, 40, 60]), lambda v: f"{v:,}")
            date = day + dt.timedelta(days=rng.choice([0, 1]))
            d = W.add(Doc(fam2, (label, t), date, False, T["outlet"]))
            d.section = "Weather"
            d.need_year = str(y)
            KSn, KC = ("snow_depth", label, t), ("snow_power", label, t)
            if rng.random() < 0.9:
                if rng.random() < 0.4:
                    d.h(f"Snowstorm buries {t} under {inches} inches", (KSn, [f"{inches} inches"]))
                else:
                    d.h(rng.choice([f"{t} digs out after heavy snow", f"Winter storm closes schools across {t}"]))
            lv = rng.randint(0, 1)
            if lv == 0:
                d.s(f"{t} was blanketed by {inches} inches of snow on {wd(date)}, {MONTHS[date.month - 1]} {date.day}, the National Weather Service said.",
                    (KSn, [f"{inches} inches"]))
                d.s(f"About {cust:,} customers lost power at the height of the storm.", (KC, [f"{cust:,}"]))
            else:
                d.s(f"A winter storm that dumped {inches} inches of snow on {t} left {cust:,} customers without "
                    f"electricity on {wd(date)}, {MONTHS[date.month - 1]} {date.day}.", (KSn, [f"{inches} inches"]), (KC, [f"{cust:,}"]))
            if rng.random() < 0.6:
                d.s(rng.choice(["Schools and city offices were closed.", "Plow crews worked through the night.",
                                "The airport canceled more than half of its departures.",
                                "Police urged residents to stay off the roads."]))
            if rng.random() < 0.4 or len(d.sentences) < 2:
                d.s(f"Temperatures were expected to stay below freezing until {WEEKDAYS[(date.weekday() + 3) % 7]}.")
    # hottest day of the year
    fam3 = "heat"
    heat_towns = uk_t[2:8] + us_t[3:9]
    for t in heat_towns:
        T = W.towns[t]
        uk = T["uk"]
        base = rng.uniform(28.5, 32.0) if uk else rng.uniform(94, 101)
        maxima = {}
        for y in range(2005, 2025):
            v = base + (y - 2005) * (0.08 if uk else 0.15) + rng.gauss(0, 1.3 if uk else 2.5)
            maxima[y] = round(v, 1) if uk else int(round(v))
        fmtT = (lambda v: f"{v:.1f}C") if uk else (lambda v: f"{v} degrees")
        for y in sorted(rng.sample(range(2017, 2025), 5)):
            v = maxima[y]
            prior = {k: x for k, x in maxima.items() if k < y}
            rec_y = max(prior, key=lambda k: (prior[k], -k))
            is_rec = v > prior[rec_y]
            date = dt.date(y, rng.choice([6, 7, 7, 8]), rng.randint(1, 28))
            d = W.add(Doc(fam3, (t, str(y)), date, uk, T["outlet"]))
            d.section = "Weather"
            d.need_year = str(y)
            KH = ("heat_temp", t, y)
            KHr = ("heat_temp", t, rec_y)
            vs = fmtT(v)
            ph = [vs, f"{v:.1f}"] if uk else [vs]
            hv = rng.randint(0, 3)
            if hv == 0:
                d.h(f"{t} swelters as temperature hits {vs}" if uk else f"{t} hits {v} degrees", (KH, ph))
            elif hv == 1:
                d.h(f"Hottest day of the year in {t}")
            elif hv == 2:
                d.h(f"Heatwave: {t} {'breaks temperature record' if is_rec else 'bakes in the sunshine'}")
            lv = rng.randint(0, 1)
            if lv == 0:
                d.s(f"{t} recorded its hottest day of {y} on {wd(date)}, with the temperature reaching {vs}.", (KH, ph))
            else:
                d.s(f"Temperatures in {t} climbed to {vs} on {wd(date)}, the highest reading of {y}.", (KH, ph))
            if is_rec:
                d.s(f"That beat the town's previous record of {fmtT(prior[rec_y])}, set in {rec_y}.", (KHr, [fmtT(prior[rec_y])]))
            elif v == prior[rec_y]:
                d.s(f"That equalled the town's all-time record of {vs}, first set in {rec_y}.", (KHr, [vs]))
            elif rng.random() < 0.6:
                d.s(f"The all-time record for {t} remains {fmtT(prior[rec_y])}, set in {rec_y}.", (KHr, [fmtT(prior[rec_y])]))
            d.s(rng.choice(["Health officials advised people to stay out of the sun during the hottest part of the day.",
                            "Water companies asked customers to use water wisely.",
                            "Beaches and parks were packed by early afternoon.",
                            "Several trains were delayed because of speed restrictions over concerns about the tracks buckling."]))
            if rng.random() < 0.4:
                d.s("Cooler, more unsettled weather is expected from the weekend.")
    W.spec("storm_power", family=fam, strict=True,
           direct=["How many homes lost power in {p} during {e}?", "How many properties in {p} were left without electricity by {e}?"],
           para=["How many households in {p} had their electricity cut off when {e} struck?"],
           followup=[("When did {e} hit {p}?", "How many homes lost power there?")],
           topic=["power", "reconnect"])
    W.spec("storm_gust", family=fam, strict=True,
           direct=["How strong were the gusts in {p} during {e}?"], para=["What top wind speed did {e} bring to {p}?"],
           topic=["gust"])
    W.spec("snow_depth", family=fam2, strict=True,
           direct=["How much snow fell in {p} in the {e} snowstorm?"],
           para=["What depth of snow was left on {p} by the {e} winter storm?"], topic=["snow"])
    W.spec("snow_power", family=fam2, strict=True,
           direct=["How many customers lost power in {p} during the {e} snowstorm?"], para=[], topic=["power", "electricity"])
    W.spec("heat_temp", family=fam3, strict=True,
           direct=["What was the highest temperature recorded in {e} in {p}?", "How hot did it get in {e} on the hottest day of {p}?"],
           para=["What was the peak reading on the thermometer in {e} during {p}?"], topic=["temperature", "hottest", "highest"])


# ---------------------------------------------------------------------------------------------
# Family: science prizes (prize x year)
# ---------------------------------------------------------------------------------------------
PRIZES = [
    ("Halvorsen Prize in Chemistry", "chemist", "Halvorsen Foundation", 250000, [
        ("catalysts", "developing cheap catalysts that turn carbon dioxide into fuel"),
        ("self-healing polymers", "her work on self-healing polymers"),
        ("battery electrolytes", "research into solid battery electrolytes"),
        ("enzyme design", "pioneering methods of enzyme design"),
        ("water filters", "inventing low-cost membranes for water filters"),
        ("mixed plastic waste", "a chemical route to recycling mixed plastic waste"),
        ("molecular machines", "building molecular machines that move on command"),
        ("crystal structures", "predicting crystal structures with computer models"),
        ("green ammonia", "a low-energy process for making green ammonia"),
        ("perovskite", "improving the stability of perovskite solar materials"),
        ("soil chemistry", "work on how soil chemistry locks away carbon"),
        ("drug synthesis", "faster and cleaner routes for drug synthesis"),
        ("lithium recovery", "a method for lithium recovery from brine")]),
    ("Aldermere Medal for Physics", "physicist", "Aldermere Society", 180000, [
        ("quantum sensors", "building quantum sensors that detect tiny magnetic fields"),
        ("dark matter", "new experimental limits on dark matter"),
        ("gravitational waves", "techniques for detecting gravitational waves"),
        ("superconductors", "the discovery of a new family of superconductors"),
        ("laser cooling", "advances in laser cooling of molecules"),
        ("fusion plasmas", "understanding turbulence in fusion plasmas"),
        ("atomic clocks", "making atomic clocks smaller and more precise"),
        ("neutrino", "precise measurements of neutrino masses"),
        ("topological materials", "predicting topological materials"),
        ("solar wind", "explaining how the solar wind is heated"),
        ("graphene", "work on electrons in twisted graphene"),
        ("exoplanet", "new methods for exoplanet detection"),
        ("photonic chips", "designing photonic chips for computing")]),
    ("Castellan Award for Medical Research", "researcher", "Castellan Trust", 300000, [
        ("malaria vaccine", "her role in developing a malaria vaccine"),
        ("antibiotic resistance", "research on antibiotic resistance in hospitals"),
        ("sickle cell", "a gene therapy for sickle cell disease"),
        ("early dementia", "a blood test that spots early dementia"),
        ("childhood leukaemia", "improving survival from childhood leukaemia"),
        ("heart failure", "a new treatment for heart failure"),
        ("tuberculosis", "faster diagnosis of tuberculosis"),
        ("gut bacteria", "work linking gut bacteria to autoimmune disease"),
        ("organ transplants", "reducing rejection in organ transplants"),
        ("hearing loss", "restoring hearing in mice with inherited hearing loss"),
        ("cervical cancer", "screening programmes for cervical cancer"),
        ("snakebite", "a universal antivenom for snakebite"),
        ("long-term asthma", "studies of long-term asthma in children")]),
    ("Wrenfield Prize in Mathematics", "mathematician", "Wrenfield Institute", 150000, [
        ("prime numbers", "new results on the gaps between prime numbers"),
        ("random networks", "the theory of random networks"),
        ("fluid flow", "proofs about the equations of fluid flow"),
        ("knot theory", "contributions to knot theory"),
        ("cryptography", "mathematics underpinning post-quantum cryptography"),
        ("optimal transport", "work on optimal transport"),
        ("algebraic geometry", "solving a long-standing problem in algebraic geometry"),
        ("probability theory", "contributions to probability theory"),
        ("elliptic curves", "the arithmetic of elliptic curves"),
        ("number theory", "methods linking number theory and geometry"),
        ("machine learning theory", "foundations of machine learning theory"),
        ("tilings", "the classification of aperiodic tilings"),
        ("epidemic models", "mathematical epidemic models")]),
]
INSTITUTES = ["Ostrander Institute", "Kellaway Research Centre", "Brightmoor Institute of Technology",
              "Lanyard Medical Institute", "Pellworth Laboratory"]


def the_inst(inst):
    return "the " + inst if inst.startswith("University of") or inst in INSTITUTES else inst


def fam_awards(W):
    rng = W.rng
    fam = "award"
    insts = [f"University of {t}" for t in W.town_list(True)[:8]] + [f"{t} State University" for t in W.town_list(False)[14:16]] + INSTITUTES
    for prize, noun, body, money_v, topics in PRIZES:
        tp = list(topics)
        rng.shuffle(tp)
        years = [y for y in range(2012, 2025)]
        winners = {}
        for i, y in enumerate(years):
            g = "f" if rng.random() < 0.45 else "m"
            winners[y] = (W.people.new(g), rng.choice(insts), tp[i % len(tp)])
        for y in years:
            if rng.random() < 0.15:
                continue
            p, inst, (tshort, tlong) = winners[y]
            if "her " in tlong and p.gender == "m":
                tlong = tlong.replace("her ", "his ")
            date = bizday(dt.date(y, rng.choice([3, 5, 9, 10]), rng.randint(1, 28)))
            uk = rng.random() < 0.5
            d = W.add(Doc(fam, (prize, str(y)), date, uk, rng.choice(SCIENCE_OUTLETS)))
            d.section = "Science"
            KW_, KI, KT_ = [(k, prize, y) for k in ("award_winner", "award_inst", "award_topic")]
            W.keymeta[KT_] = {"he": p.he}
            W.keymeta[KI] = {"he": p.he}
            hv = rng.randint(0, 3)
            if hv == 0:
                d.h(f"{p.full} wins {y} {prize}", (KW_, [p.full]))
            elif hv == 1:
                d.h(f"{prize} goes to {inst} {noun}", (KI, [inst]))
            elif hv == 2:
                d.h(f"{inst} {noun} honoured for work on {tshort}", (KI, [inst]), (KT_, [tshort]))
            lv = rng.randint(0, 2)
            if lv == 0:
                d.s(f"{p.full}, a {noun} at {the_inst(inst)}, has won the {y} {prize} for {tlong}.",
                    (KW_, [p.full]), (KI, [inst]), (KT_, [tshort]))
            elif lv == 1:
                d.s(f"The {y} {prize} has been awarded to {p.full} of {the_inst(inst)} for {tlong}, the {body} announced on {wd(date)}.",
                    (KW_, [p.full]), (KI, [inst]), (KT_, [tshort]))
            else:
                d.s(f"{inst} {noun} {p.full} is the winner of this year's {prize}.", (KW_, [p.full]), (KI, [inst]))
                d.s(f"The {body} said {p.he} was recognised for {tlong}.", (KT_, [tshort]))
            extras = []
            mv = money_v if y < 2019 else int(money_v * 1.2)
            extras.append(lambda: d.s(f"The prize, worth ${mv:,}, will be presented at a ceremony in {rng.choice(W.town_list())} in "
                                      f"{MONTHS[(date.month + 1) % 12]}."))
            if y - 1 in winners and rng.random() < 0.4:
                pw = winners[y - 1][0]
                extras.append(lambda: d.s(f"Last year's prize went to {pw.full}.", (("award_winner", prize, y - 1), [pw.full])))
            if rng.random() < 0.5:
                extras.append(lambda: d.s(f"“{rng.choice(['I am delighted and a little stunned', 'This belongs to everyone in the lab', 'It is wonderful to see this field recognised'])},” {p.last} said."))
            if rng.random() < 0.35:
                extras.append(lambda: d.s(f"{p.last} joined {the_inst(inst)} in {y - rng.randint(6, 20)}."))
            rng.shuffle(extras)
            for x in extras[:5 - len(d.sentences)]:
                x()
            if str(y) not in " ".join(d.sentences) + (d.headline or ""):
                d.need_year = str(y)
    W.spec("award_winner", family=fam, strict=False,
           direct=["Who won the {p} {e}?", "Who received the {e} in {p}?"],
           para=["Which scientist was honoured with the {e} in {p}?", "To whom did the {e} go in {p}?"],
           topic=["prize", "award", "medal"])
    W.spec("award_topic", family=fam, strict=True,
           direct=["What was the {p} {e} awarded for?"],
           para=["Which research earned its author the {e} in {p}?"],
           followup=[("Who won the {e} in {p}?", "What was {he} honoured for?")],
           topic=["for"])
    W.spec("award_inst", family=fam, strict=False,
           direct=["Which institution is the winner of the {p} {e} from?"],
           para=[],
           followup=[("Who received the {e} in {p}?", "Where does {he} work?")],
           topic=["university", "institute"])


# ---------------------------------------------------------------------------------------------
# Family: openings of public buildings (town x type x year)
# ---------------------------------------------------------------------------------------------
OPEN_TYPES = {
    # typ: (uk noun, us noun, cost range (millions), capacity fn)
    "library": ("library", "library", (3, 18)),
    "leisure": ("leisure centre", "recreation center", (8, 35)),
    "bridge": ("footbridge", "pedestrian bridge", (1.5, 12)),
    "bus": ("bus station", "transit center", (4, 20)),
    "school": ("primary school", "elementary school", (6, 30)),
    "health": ("health centre", "health clinic", (3, 15)),
}


def open_capacity(rng, typ, uk, noun):
    if typ == "library":
        n = rng.randint(30, 140) * 1000 + rng.randint(0, 9) * 100
        return f"It holds {n:,} books and has {rng.randint(12, 60)} computers for public use.", f"{n:,} books"
    if typ == "leisure":
        n = rng.choice([25, 25, 50])
        return (f"The centre includes a {n}-metre pool, a sports hall and a gym." if uk else
                f"The center includes a {n}-meter pool, two basketball courts and a fitness room."), None
    if typ == "bridge":
        n = rng.randint(40, 260)
        return (f"The bridge is {n} metres long." if uk else f"The bridge is {n} feet long."), \
            (f"{n} metres" if uk else f"{n} feet")
    if typ == "bus":
        n = rng.randint(8, 24)
        return f"The {noun} has {n} bus bays and a covered waiting area.", f"{n} bus bays"
    if typ == "school":
        n = rng.randint(21, 70) * 10
        return f"The school has room for {n} {'pupils' if uk else 'students'}.", f"{n} {'pupils' if uk else 'students'}"
    n = rng.randint(8, 30) * 1000 + rng.randint(1, 9) * 100
    return f"The {'centre' if uk else 'clinic'} will serve about {n:,} patients.", f"{n:,} patients"


def fam_openings(W):
    rng = W.rng
    fam = "opening"
    towns = W.town_list()
    pairs = []
    for t in towns:
        for typ in rng.sample(list(OPEN_TYPES), 2):
            pairs.append((t, typ))
    rng.shuffle(pairs)
    pairs = pairs[:84]
    seen = {}
    for t, typ in pairs:
        T = W.towns[t]
        uk, cur = T["uk"], T["cur"]
        noun = OPEN_TYPES[typ][0 if uk else 1]
        lo, hi = OPEN_TYPES[typ][2]
        n_years = 2 if rng.random() < 0.12 else 1
        for y in sorted(rng.sample(range(2015, 2025), n_years)):
            cost = W.unique_value(fam, lambda: rng.uniform(lo, hi) * 1e6, lambda v: f"{v / 1e6:.1f}")
            cost = round(cost, -5)
            date = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
            d = W.add(Doc(fam, (t, f"{typ} {y}"), date, uk, T["outlet"]))
            d.section = "News"
            d.need_year = str(y)
            KC, KCap, KB = [(k, t, y, typ) for k in ("open_cost", "open_capacity", "open_by")]
            W.keymeta[KC] = {"noun": noun}
            W.keymeta[KCap] = {"noun": noun}
            cs, cp = money(cost, cur, rng.choice(["million", "abbr"] if uk else ["million", "million", "full"]))
            m = mayor_at(W, t, date)
            opener = rng.choice([f"Mayor {m.full}" if m else f"council leader {W.people.new().full}",
                                 f"{'local MP' if uk else 'state Senator'} {W.people.new().full}"])
            hv = rng.randint(0, 3)
            if hv == 0:
                d.h(f"New {noun} opens in {t}")
            elif hv == 1:
                d.h(f"{poss(t)} {cs} {noun} opens its doors", (KC, cp))
            elif hv == 2:
                d.h(f"First look inside {poss(t)} new {noun}")
            lv = rng.randint(0, 2)
            if lv == 0:
                k = rng.randint(11, 30)
                d.s(f"{poss(t)} new {noun} opened to the public on {wd(date)}, {k} months after building work began.")
                d.s(rng.choice([f"The project cost {cs}.", f"It was built at a cost of {cs}."]), (KC, cp))
            elif lv == 1:
                d.s(f"{a_an(cs).capitalize()} {cs} {noun} in {t} was officially opened by {opener} on {wd(date)}.", (KC, cp), (KB, [opener.split(' ', 1)[1] if opener.startswith('Mayor') else opener]))
            else:
                d.s(f"The doors of {poss(t)} new {noun} opened on {wd(date)}, with {opener} cutting the ribbon.",
                    (KB, [opener.split(' ', 1)[1] if opener.startswith('Mayor') else opener]))
                d.s(f"It was built at a cost of {cs}, {rng.choice(['slightly over budget', 'on budget', 'below the original estimate'])}.",
                    (KC, cp))
            extras = []
            cap_s, cap_p = open_capacity(rng, typ, uk, noun)
            extras.append(lambda: d.s(cap_s, *([(KCap, [cap_p])] if cap_p else [])))
            if rng.random() < 0.35:
                g = W.unique_value(fam, lambda: cost * rng.uniform(0.2, 0.6), lambda v: f"{v / 1e6:.1f}")
                gs, gp = money(round(g, -5), cur, "million")
                extras.append(lambda: d.s(f"The scheme was funded partly by a {gs} government grant.",
                                          (("open_grant", t, y, typ), gp)))
            if rng.random() < 0.4:
                if typ == "bridge":
                    opts = [f"Residents had campaigned for a crossing at the site for more than a decade.",
                            f"The bridge replaces a ferry service that stopped running in {y - rng.randint(3, 9)}.",
                            "Cyclists and pedestrians will be able to use it around the clock."]
                elif typ == "bus":
                    opts = [f"The {noun} replaces a cramped {rng.choice(['1960s', '1970s'])} building that was demolished in {y - rng.randint(2, 4)}.",
                            "Real-time departure screens have been installed at every bay.",
                            "Some routes will be renumbered when the new timetable starts."]
                else:
                    opts = [f"Residents had campaigned for the {noun} for more than a decade.",
                            f"The building replaces a {rng.choice(['1960s', '1970s', 'Victorian' if uk else '1950s'])} structure that was demolished in {y - rng.randint(2, 4)}.",
                            "Solar panels on the roof will provide part of its electricity."]
                    if typ in ("library", "leisure"):
                        opts.append(f"Opening hours will be extended at weekends from next {rng.choice(['month', 'spring'])}.")
                extras.append(lambda: d.s(rng.choice(opts)))
            if rng.random() < 0.35:
                extras.append(lambda: d.s(f"“{rng.choice(['This is a building the whole town can be proud of', 'It has been a long wait, but it was worth it', 'Facilities like this are what make a community'])},” said {opener}."))
            rng.shuffle(extras)
            for x in extras[:5 - len(d.sentences)]:
                x()
    W.spec("open_cost", family=fam, strict=True,
           direct=["How much did the new {noun} that opened in {e} in {p} cost?",
                   "What did the {noun} opened in {e} in {p} cost to build?"],
           para=["What was the price tag of the {noun} {e} unveiled in {p}?"],
           followup=[("When did {es} new {noun} open?", "How much did it cost?")], unique_entity=True,
           topic=["cost"])
    W.spec("open_capacity", family=fam, strict=True,
           direct=["How big is the {noun} that opened in {e} in {p}?"],
           para=[], topic=["books", "bays", "pupils", "students", "patients", "metres", "feet"])


# ---------------------------------------------------------------------------------------------
# Family: factories / warehouses / offices (company x town)
# ---------------------------------------------------------------------------------------------
EXTRA_COMPANIES = [("Greyfield Packaging", ["packaging plant", "distribution centre"]),
                   ("Solvane Batteries", ["battery factory", "research centre"]),
                   ("Thistledown Dairies", ["cheese plant", "bottling plant"]),
                   ("Orrin Data Systems", ["data centre", "customer service centre"]),
                   ("Maplestone Furniture", ["furniture factory", "distribution centre"]),
                   ("Veltra Medical Devices", ["manufacturing plant", "research centre"]),
                   ("Harbourline Seafoods", ["processing plant", "cold store"]),
                   ("Tanager Textiles", ["weaving mill", "distribution centre"])]
FACILITY_BY_CO = {"Calloway Foods": ["bakery", "frozen food plant"], "Brightline Logistics": ["distribution centre", "parcel hub"],
                  "Norvane Telecom": ["call centre", "network operations centre"], "Halberd Steel": ["rolling mill", "steel service centre"],
                  "Quillon Pharmaceuticals": ["research centre", "manufacturing plant"], "Vantora Software": ["engineering office", "data centre"],
                  "Meridale Retail Group": ["distribution centre", "flagship store"], "Sorrel Energy": ["solar farm", "customer service centre"],
                  "Pelham Motors": ["assembly plant", "battery plant"], "Tarrow Shipping": ["container terminal", "regional office"],
                  "Kestrel Airways": ["maintenance hangar", "training centre"], "Oberly Chemicals": ["chemical plant", "research centre"],
                  "Fernhill Brewing": ["brewery", "bottling plant"], "Altrix Semiconductors": ["chip factory", "design centre"],
                  "Bramwell Home Stores": ["distribution centre", "flagship store"]}


SMALL_FACILITIES = ["call centre", "regional office", "engineering office", "flagship store",
                    "customer service centre", "design centre", "training centre", "network operations centre"]


def us_spell(s):
    return s.replace("centre", "center")


def fam_plants(W):
    rng = W.rng
    fam = "plant"
    cos = [(c, FACILITY_BY_CO[c]) for c, *_ in COMPANIES] + EXTRA_COMPANIES
    towns = W.town_list()
    for co, facs in cos:
        k = rng.randint(3, 5)
        for t in rng.sample(towns, k):
            T = W.towns[t]
            uk, cur = T["uk"], T["cur"]
            fac = rng.choice(facs)
            small = fac in SMALL_FACILITIES
            if fac == "solar farm":
                jl, jh, il, ih = 2, 8, 20e6, 90e6
            elif small:
                jl, jh, il, ih = 6, 60, 4e6, 45e6
            else:
                jl, jh, il, ih = 8, 120, 30e6, 480e6
            fac = fac if uk else us_spell(fac)
            jobs = W.unique_value(fam, lambda: rng.randint(jl, jh) * 10 + rng.choice([0, 0, 5]), str)
            inv = W.unique_value(fam, lambda: rng.uniform(il, ih), lambda v: money(v, "USD", "million")[0][1:])
            y = rng.randint(2016, 2024)
            date = bizday(dt.date(y, rng.randint(1, 12), rng.randint(1, 20)))
            d = W.add(Doc(fam, (co, t), date, uk, rng.choice([T["outlet"], T["outlet"], rng.choice(BUSINESS_OUTLETS)])))
            d.section = "Business"
            KJ, KI, KO = [(k_, co, t) for k_ in ("plant_jobs", "plant_invest", "plant_open")]
            for K in (KJ, KI, KO):
                W.keymeta[K] = {"fac": fac}
            inv_s, inv_p = money(inv, cur, rng.choice(["million", "abbr"] if uk else ["million", "million", "word"]))
            js = f"{jobs:,}"
            hv = rng.randint(0, 3)
            if hv == 0:
                d.h(f"{co} to build {fac} in {t}, creating {js} jobs", (KJ, [js]))
            elif hv == 1:
                d.h(f"{js} jobs boost for {t} as {co} picks town for new {fac}", (KJ, [js]))
            elif hv == 2:
                d.h(f"{co} confirms plans for {t} {fac}")
            else:
                d.h(f"Work to start on {poss(co)} {t} {fac}")
            lv = rng.randint(0, 2)
            if lv == 0:
                d.s(f"{co} will build {a_an(fac)} {fac} in {t}, creating {js} jobs, the company said on {wd(date)}.", (KJ, [js]))
            elif lv == 1:
                d.s(f"{co} is to invest {inv_s} in a new {fac} in {t} that will employ {js} people.", (KI, inv_p), (KJ, [js]))
            else:
                d.s(f"{t} has been chosen as the site of a new {co} {fac}, which will bring {js} jobs to the area.", (KJ, [js]))
            extras = []
            if lv != 1:
                extras.append(lambda: d.s(rng.choice([f"The project represents an investment of {inv_s}.",
                                                      f"The company will spend {inv_s} on the site."]), (KI, inv_p)))
            oy = y + rng.randint(1, 3)
            if rng.random() < 0.6:
                extras.append(lambda: d.s(f"The {fac} is expected to open in {oy}.", (KO, [str(oy)])))
            if rng.random() < 0.4:
                if uk:
                    sz = rng.randint(15, 120) * 100 if small else rng.randint(8, 90) * 1000
                else:
                    sz = rng.randint(15, 120) * 1000 if small else rng.randint(80, 900) * 1000
                extras.append(lambda: d.s(f"The site will cover {sz:,} square {'metres' if uk else 'feet'}."))
            if rng.random() < 0.45:
                m = mayor_at(W, t, date)
                if m:
                    extras.append(lambda: d.s(f"“This is a vote of confidence in {t},” said Mayor {m.full}."))
            if rng.random() < 0.3:
                extras.append(lambda: d.s(rng.choice(["Construction is due to start next spring.",
                                                      "The plans still need final approval from planners.",
                                                      "Recruitment will begin later this year."])))
            rng.shuffle(extras)
            for x in extras[:5 - len(d.sentences)]:
                x()
            if len(d.sentences) < 2:
                d.s(rng.choice(["Construction is due to start next spring.", "Recruitment will begin later this year."]))
    W.spec("plant_jobs", family=fam, strict=True,
           direct=["How many jobs will {es} new {fac} in {p} create?"],
           para=["How many people are expected to be employed at the site {e} is putting up in {p}?"],
           topic=["jobs", "employ"])
    W.spec("plant_invest", family=fam, strict=True,
           direct=["How much is {e} investing in its new {fac} in {p}?"],
           para=["What is the price tag of the facility {e} is putting up in {p}?"], topic=["invest", "spend"])


# ---------------------------------------------------------------------------------------------
# Family: festivals (festival x year)
# ---------------------------------------------------------------------------------------------
BANDS = ["The Hollow Pines", "Velvet Harbour", "Northern Static", "Glass Meridian", "Marigold Avenue",
         "The Lantern Thieves", "Copper Tide", "Saltmarsh Choir", "The Quiet Engines", "Paper Lighthouse",
         "Juniper Rail", "The Stray Comets", "Blue Orchard", "The Wild Loam", "Tin Cathedral",
         "The Midnight Ferry", "Orchid Static", "Kite Parade", "The Fenland Sisters", "Amber Relay", "Low Meadow",
         "The Brass Foxes", "Cinder Bay", "The Ferryman's Daughters", "Moth & Lantern", "Rosewater Drive",
         "The Gravel Saints", "Iron Lullaby", "Sundial Club", "The Palisades Trio", "Winter Orchard",
         "Neon Harvest", "The Weather Vanes", "Drift Theory", "The Ochre Room", "Tidal Hymns", "Lowland Radio",
         "The Copper Kettles", "Starling Road", "The Distant Bells", "Harbour Sirens", "The Slate Quartet",
         "Violet Causeway", "The Meadow Larks", "Bramble Union", "The Signal Fires", "Pale Horizon",
         "Clockwork Heron", "The Driftwood Band", "Sable Lanterns"]
FESTIVALS = [("Wexbridge Jazz Festival", "music"), ("Hartwell Folk Festival", "music"),
             ("Redcombe Food and Drink Festival", "food"), ("Elmstead Literary Festival", "books"),
             ("Yarbury Summer Music Festival", "music"), ("Laurel Bay Jazz Festival", "music"),
             ("Sable Creek Bluegrass Festival", "music"), ("Maple Crossing Food Festival", "food"),
             ("Fairmont Hills Book Festival", "books"), ("Juniper Flats Music Festival", "music"),
             ("Ashcombe Folk Festival", "music")]


def fam_festivals(W):
    rng = W.rng
    fam = "festival"
    bands = list(BANDS)
    rng.shuffle(bands)
    for fest, kind in FESTIVALS:
        t = next(x for x in W.towns if fest.startswith(x + " "))
        T = W.towns[t]
        uk = T["uk"]
        venue = rng.choice(["the showground", "the riverside park", "the town centre", "the old market square",
                            "the racecourse"] if uk else ["Riverside Park", "the fairgrounds", "downtown", "the waterfront"])
        base = rng.randint(6, 45) * 1000
        for y in range(2015, 2025):
            if y == 2020 or rng.random() < 0.12:
                continue
            n = W.unique_value(fam, lambda: int(base * rng.uniform(0.8, 1.4)) // 10 * 10 + rng.choice([0, 0, 0, 1]) * 130, lambda v: f"{v:,}")
            if n % 1000 == 0:
                n += 240
            if kind == "music" and (rng.random() < 0.6 or not bands):
                p = W.people.new()
                head = p.full
                head_s = f"singer-songwriter {head}"
            elif kind == "music":
                head = bands.pop()
                head_s = head
            else:
                p = W.people.new()
                head = p.full
                head_s = (f"novelist {head}" if kind == "books" else f"chef {head}")
            start = first_weekday(y, rng.choice([6, 7, 8]), 4, rng.randint(1, 20))
            end = start + dt.timedelta(days=2)
            dates = (f"{start.day}-{end.day} {MONTHS[start.month - 1]}" if uk else
                     f"{MONTHS[start.month - 1]} {start.day}-{end.day}")
            date = end + dt.timedelta(days=1)
            d = W.add(Doc(fam, (fest, str(y)), date, uk, T["outlet"]))
            d.section = "Culture"
            d.need_year = str(y)
            KA, KH = ("fest_attendance", fest, y), ("fest_headliner", fest, y)
            ns = f"{n:,}"
            hv = rng.randint(0, 3)
            if hv == 0:
                d.h(f"{fest} draws {ns} visitors", (KA, [ns]))
            elif hv == 1 and kind == "music":
                d.h(f"{head} {'headline' if head_s == head else 'headlines'} {fest}", (KH, [head]))
            elif hv == 2:
                d.h(f"{fest} {y}: the highlights")
            else:
                d.h(f"Crowds flock to {t} for {fest.replace(t + ' ', '')}")
            lv = rng.randint(0, 2)
            org = "Organisers" if uk else "Organizers"
            if lv == 0:
                d.s(f"{org} said {ns} people attended the {y} {fest} over the weekend of {dates}.", (KA, [ns]))
            elif lv == 1:
                d.s(f"The {y} {fest} drew a crowd of {ns} to {venue}, {org.lower()} said on {wd(date)}.", (KA, [ns]))
            else:
                if kind == "music":
                    d.s(f"{head_s[0].upper() + head_s[1:]} closed the {y} {fest} on {wd(end)} night in front of a sell-out crowd.", (KH, [head]))
                else:
                    d.s(f"{head_s[0].upper() + head_s[1:]} was the star attraction at the {y} {fest}, which ended on {wd(end)}.", (KH, [head]))
                d.s(f"{org} put attendance over the three days at {ns}.", (KA, [ns]))
            extras = []
            if lv != 2:
                if kind == "music":
                    extras.append(lambda: d.s(rng.choice([f"{head_s[0].upper() + head_s[1:]} headlined the main stage on the {wd(end - dt.timedelta(days=1))} night.",
                                                          f"The headline act was {head_s}."]), (KH, [head])))
                elif kind == "books":
                    extras.append(lambda: d.s(f"Novelist {head} gave the festival's headline talk.", (KH, [head])))
                else:
                    extras.append(lambda: d.s(f"Chef {head} topped the bill with a live cooking demonstration.", (KH, [head])))
            if rng.random() < 0.5:
                price = rng.randint(35, 160) if kind == "music" else rng.randint(8, 40)
                extras.append(lambda: d.s(f"{'Weekend tickets' if kind == 'music' else 'Day passes'} cost {'£' if uk else '$'}{price}."))
            if rng.random() < 0.5:
                extras.append(lambda: d.s(rng.choice([f"{org} said they hoped to expand the event next year.",
                                                      "Local businesses reported one of their busiest weekends of the year.",
                                                      "Police said the event passed off peacefully.",
                                                      f"The festival featured {rng.randint(3, 9)} stages and more than {rng.randint(4, 18) * 10} acts." if kind == 'music'
                                                      else f"More than {rng.randint(4, 15) * 10} events were held over the three days."])))
            rng.shuffle(extras)
            for x in extras[:5 - len(d.sentences)]:
                x()
    W.spec("fest_attendance", family=fam, strict=True,
           direct=["How many people attended the {p} {e}?"],
           para=["How big was the crowd at the {e} in {p}?", "What was the turnout at the {e} in {p}?"],
           followup=[("Who was the headline act at the {e} in {p}?", "How many people attended it?")],
           topic=["attend", "crowd", "visitors"])
    W.spec("fest_headliner", family=fam, strict=True,
           direct=["Who headlined the {p} {e}?"],
           para=["Which act topped the bill at the {e} in {p}?", "Who was the star attraction of the {e} in {p}?"],
           topic=["headline", "star attraction", "topped the bill"])


# ---------------------------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------------------------
# (fact type, direct questions, paraphrased questions)
ANSWER_QUOTA = [
    ("budget_roads", 4, 2), ("budget_total", 2, 1), ("budget_parks", 1, 1),
    ("elect_winner", 2, 1), ("elect_share", 2, 1), ("elect_turnout", 1, 1), ("elect_runner", 1, 0), ("elect_votes", 1, 0),
    ("league_champ", 2, 1), ("league_points", 1, 0), ("league_scorer", 1, 0), ("bb_mvp", 1, 0),
    ("cup_attendance", 1, 0), ("cup_scorer", 1, 0), ("cup_winner", 0, 1),
    ("mar_men_time", 1, 0), ("mar_women", 1, 1), ("mar_finishers", 1, 0),
    ("earn_revenue", 4, 2), ("earn_profit", 1, 1), ("earn_guidance", 1, 0),
    ("appoint_name", 3, 2), ("appoint_start", 1, 0),
    ("storm_power", 2, 1), ("storm_gust", 1, 0), ("snow_depth", 1, 0), ("snow_power", 1, 0), ("heat_temp", 1, 1),
    ("award_winner", 1, 1), ("award_topic", 1, 0),
    ("open_cost", 2, 1), ("open_capacity", 1, 0),
    ("plant_jobs", 2, 1), ("plant_invest", 1, 0),
    ("fest_attendance", 1, 1), ("fest_headliner", 1, 0),
]
# direct questions whose fact is stated by two passages (e.g. "Last year's prize went to ...")
MULTI_QUOTA = [("award_winner", 1), ("earn_profit", 1), ("heat_temp", 1), ("elect_winner", 1)]
# (fact type, kind, n): "missing" = the entity/period combination has no story although sibling
# stories exist; "unstated" = the story exists but does not state this fact.
ABSTAIN_QUOTA = [
    ("budget_roads", "missing", 2), ("budget_parks", "unstated", 1), ("elect_winner", "missing", 1),
    ("elect_turnout", "unstated", 1), ("earn_revenue", "missing", 2), ("earn_guidance", "unstated", 1),
    ("appoint_name", "missing", 1), ("storm_power", "missing", 1), ("heat_temp", "missing", 1),
    ("award_winner", "missing", 1), ("plant_jobs", "missing", 1), ("fest_attendance", "missing", 1),
    ("mar_finishers", "unstated", 1),
]
UNSTATED_FROM = {"budget_parks": "budget_roads", "elect_turnout": "elect_winner", "earn_guidance": "earn_revenue",
                 "mar_finishers": "mar_men"}
FOLLOWUP_QUOTA = ["budget_parks", "elect_share", "elect_turnout", "league_scorer", "earn_profit", "appoint_prev",
                  "storm_power", "award_topic", "fest_attendance", "open_cost"]


def the_org(e):
    if e.endswith("State University") and not e.startswith("the "):
        return e
    return "the " + e


def qargs(W, key):
    a = {"e": key[1], "p": str(key[2]), "te": the_org(key[1]), "es": poss(str(key[1]))}
    if key[0].startswith("earn_"):
        q = key[3]
        a.update(o=ORD[q], qn=q, m1=QMONTHS[q][0], m3=QMONTHS[q][1])
    if key[0].startswith("appoint_") and key[1] in W.orgs:
        a["role"] = W.orgs[key[1]]["role"]
    a.update(W.keymeta.get(key, {}))
    return a


def period_groups(key):
    """Groups of alternative strings; a passage 'mentions the period' if it matches every group."""
    if key[0].startswith("earn_"):
        y, q = key[2], key[3]
        return [[str(y)], [f"{ORD[q]} quarter", f"{ORD[q]}-quarter", f"Q{q} ", f"three months to {QEND_UK[q]}",
                           f"three months ended {QEND[q]}"]]
    return [[str(key[2])]]


def entity_groups(key):
    if key[0].startswith("snow_"):
        m, y = key[1].split()
        return [[m], [y]]
    return [[key[1]]]


def mentions(text_n, key, topic=None, extra=()):
    for g in entity_groups(key):
        if not any(norm(x) in text_n for x in g):
            return False
    for g in period_groups(key):
        if not any(norm(x) in text_n for x in g):
            return False
    for x in extra:
        if norm(x) not in text_n:
            return False
    if topic is not None and not any(norm(x) in text_n for x in topic):
        return False
    return True


class QBuilder:
    def __init__(self, W):
        self.W = W
        self.rng = random.Random(SEED + 1)
        self.idx = {}
        for d in W.docs:
            for k in d.facts:
                self.idx.setdefault(k, []).append(d)
        self.used_docs = set()
        self.used_subjects = []
        self.questions = []
        self.surname_count = W.people.surname_count
        self.norm_text = {d.id: norm(d.text) for d in W.docs}
        self.by_family = {}
        for d in W.docs:
            self.by_family.setdefault(d.family, []).append(d)

    # ---- answer phrases with the hardness checks
    def phrases(self, key, gold, strict):
        W = self.W
        cand = []
        for d in gold:
            for p in d.facts[key]["phrases"]:
                if p not in cand:
                    cand.append(p)
        out = []
        gold_ids = [d.id for d in gold]
        fam = gold[0].family
        for p in cand:
            pn = norm(p)
            if len(pn) < 3:
                continue
            if re.fullmatch(r"\d{1,3}", pn):
                continue
            if p in self.surname_count and self.surname_count[p] > 1:
                continue
            if strict:
                bad = False
                for d in self.by_family[fam]:
                    if d.id not in gold_ids and pn in self.norm_text[d.id]:
                        bad = True
                        break
                if bad:
                    continue
                for d in gold:
                    inside = sum(norm(s).count(pn) for s in d.facts[key]["sents"]) if key in d.facts else 0
                    if self.norm_text[d.id].count(pn) > inside:
                        bad = True
                if bad:
                    continue
            out.append(p)
        if not out:
            return None
        for d in gold:
            if not any(norm(p) in self.norm_text[d.id] for p in out):
                return None
        return out

    def answer_sentences(self, key, gold):
        return " ".join(s for d in gold for s in d.facts[key]["sents"])

    def overlap(self, q, key, gold, args):
        drop = [str(v) for v in args.values()]
        qa = content_words(q, drop)
        sa = set(content_words(self.answer_sentences(key, gold), drop))
        return len([w for w in dict.fromkeys(qa) if w in sa])

    def eligible(self, key, allow_multi=False):
        gold = self.idx.get(key)
        if not gold:
            return None
        if len(gold) > 1 and not allow_multi:
            return None
        if any(d.id in self.used_docs for d in gold):
            return None
        subj = (gold[0].family, gold[0].subject)
        if subj in self.used_subjects:
            return None
        # the question's entity and period must be stated in a gold passage
        if not any(mentions(self.norm_text[d.id], key) for d in gold):
            return None
        return gold

    def take(self, gold):
        for d in gold:
            self.used_docs.add(d.id)
        self.used_subjects.append((gold[0].family, gold[0].subject))

    def keys_of(self, ftype):
        ks = [k for k in self.idx if k[0] == ftype]
        ks.sort(key=lambda k: tuple(str(x) for x in k))
        self.rng.shuffle(ks)
        return ks

    def add_answerable(self, ftype, para, n, multi=False):
        W = self.W
        spec = W.qspecs[ftype]
        done = 0
        for allow_multi in ((True,) if multi else (False, True)):
            for key in self.keys_of(ftype):
                if done >= n:
                    return
                gold = self.eligible(key, allow_multi)
                if not gold or (multi and len(gold) < 2):
                    continue
                ans = self.phrases(key, gold, spec["strict"])
                if not ans:
                    continue
                args = qargs(W, key)
                if para:
                    if not spec["para"]:
                        return
                    scored = sorted(((self.overlap(t.format(**args), key, gold, args), i, t.format(**args))
                                     for i, t in enumerate(spec["para"])))
                    ov, _, q = scored[0]
                    if ov > 1:
                        continue
                else:
                    try:
                        q = self.rng.choice(spec["direct"]).format(**args)
                    except KeyError:
                        continue
                    ov = self.overlap(q, key, gold, args)
                self.take(gold)
                self.questions.append({"kind": "para" if para else "ans", "question": q, "key": key,
                                       "gold": [d.id for d in gold], "answer_any": ans, "overlap": ov})
                done += 1
        if done < n:
            raise RuntimeError(f"not enough candidates for {ftype} para={para}: {done}/{n}")

    def add_followup(self, ftype):
        W = self.W
        spec = W.qspecs[ftype]
        for key in self.keys_of(ftype):
            gold = self.eligible(key)
            if not gold:
                continue
            if spec.get("unique_entity") and any(k[0] == ftype and k[1] == key[1] and k[3:] == key[3:] and k != key
                                                 for k in self.idx):
                continue
            ans = self.phrases(key, gold, spec["strict"])
            if not ans:
                continue
            args = qargs(W, key)
            try:
                t1, t2 = self.rng.choice(spec["followup"])
                turns = [t1.format(**args), t2.format(**args)]
            except KeyError:
                continue
            self.take(gold)
            self.questions.append({"kind": "fu", "turns": turns, "key": key, "gold": [d.id for d in gold],
                                   "answer_any": ans})
            return
        raise RuntimeError(f"no follow-up candidate for {ftype}")

    def abst_candidates(self, ftype, kind):
        W = self.W
        existing = [k for k in self.idx if k[0] == ftype]
        cands = []
        if kind == "missing":
            fam = W.qspecs[ftype]["family"]
            story_periods = [d.subject[1] for d in W.docs if d.family == fam]
            ents, pers = {}, {}
            for k in existing:
                ents.setdefault(k[1], []).append(k[2:])
                pers.setdefault(k[2:], []).append(k[1])
            for e in sorted(ents):
                if len(ents[e]) < 2:
                    continue
                for pr in sorted(pers, key=lambda x: tuple(str(v) for v in x)):
                    if len(pers[pr]) < 2:
                        continue
                    key = (ftype, e) + pr
                    if key in self.idx:
                        continue
                    if ftype == "elect_winner":
                        cyc = [x["year"] for x in W.elections[e]]
                        if pr[0] not in cyc:
                            continue
                    if not ftype.startswith("earn_") and str(pr[0]) not in story_periods:
                        continue  # only ask about periods the corpus has stories for (e.g. no 2008 heatwave)
                    cands.append(key)
        else:
            src = UNSTATED_FROM[ftype]
            for k in self.idx:
                if k[0] == src:
                    key = (ftype,) + k[1:]
                    if ftype == "earn_guidance" and key[3] == 4:
                        continue  # fourth-quarter reports never carry a forecast; asking would be a trick
                    if key not in self.idx:
                        cands.append(key)
            cands.sort(key=lambda k: tuple(str(x) for x in k))
        self.rng.shuffle(cands)
        return cands

    def abst_ok(self, key, topic):
        """True if no passage mentions the entity, the period and the topic together."""
        for d in self.W.docs:
            if mentions(self.norm_text[d.id], key, topic):
                return False
        return True

    def add_abstain(self, ftype, kind, n):
        W = self.W
        spec = W.qspecs[ftype]
        done = 0
        for key in self.abst_candidates(ftype, kind):
            if done >= n:
                break
            if any(q["key"][1:] == key[1:] for q in self.questions):
                continue
            if key in self.idx:
                continue
            topic = spec["topic"]
            if not self.abst_ok(key, topic):
                continue
            args = qargs(W, key)
            if "{" in " ".join(spec["direct"]) and any(f"{{{a}}}" in spec["direct"][0] and a not in args
                                                      for a in ("role", "noun", "fac", "he")):
                # borrow the descriptive words from a sibling key of the same entity
                sib = next((k for k in self.idx if k[0] == ftype and k[1] == key[1]), None)
                if sib is None:
                    continue
                extra = dict(W.keymeta.get(sib, {}))
                extra.update(args)
                args = extra
            q = spec["direct"][0].format(**args)
            self.questions.append({"kind": "abs", "question": q, "key": key, "gold": [], "answer_any": [],
                                   "abst_kind": kind, "topic": topic})
            done += 1
        if done < n:
            raise RuntimeError(f"not enough abstention candidates for {ftype}/{kind}")

    def build(self):
        for ftype, nd, npara in ANSWER_QUOTA:
            if npara:
                self.add_answerable(ftype, True, npara)
        for ftype, nd, npara in ANSWER_QUOTA:
            if nd:
                self.add_answerable(ftype, False, nd)
        for ftype, n in MULTI_QUOTA:
            self.add_answerable(ftype, False, n, multi=True)
        for ftype in FOLLOWUP_QUOTA:
            self.add_followup(ftype)
        for ftype, kind, n in ABSTAIN_QUOTA:
            self.add_abstain(ftype, kind, n)
        qs = list(self.questions)
        self.rng.shuffle(qs)
        counters = {}
        out = []
        for q in qs:
            counters[q["kind"]] = counters.get(q["kind"], 0) + 1
            q["id"] = f"n-{q['kind']}-{counters[q['kind']]:03d}"
            out.append(q)
        return out


def public_question(q):
    o = {"id": q["id"]}
    if "turns" in q:
        o["turns"] = q["turns"]
    else:
        o["question"] = q["question"]
    o["gold"] = q["gold"]
    o["answer_any"] = q["answer_any"]
    if q["kind"] == "abs":
        o["expect"] = "abstain"
    return o


# ---------------------------------------------------------------------------------------------
# Self-checks
# ---------------------------------------------------------------------------------------------
def check_all(W, qb, questions):
    errors = []
    docs = W.docs
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        errors.append("duplicate document ids")
    for d in docs:
        if not re.fullmatch(r"n\d{4}_[0-9a-f]{8}", d.id):
            errors.append(f"bad id {d.id}")
        if not 2 <= len(d.sentences) <= 6:
            errors.append(f"{d.id}: {len(d.sentences)} body sentences")
        tn = norm(d.text)
        for k, f in d.facts.items():
            for p in f["phrases"]:
                if norm(p) not in tn:
                    errors.append(f"{d.id}: registered phrase {p!r} missing from text")
    # names: people unique, no person/entity name collisions
    fulls = [p.full for p in W.people.all]
    if len(set(fulls)) != len(fulls):
        errors.append("duplicate person names")
    entity_names = list(W.towns) + [c for c, *_ in COMPANIES] + [c for c, _ in EXTRA_COMPANIES] + \
        [p for p, *_ in PRIZES] + BANDS + [f"Storm {s}" for s, *_ in STORMS] + list(W.clubs) + INSTITUTES
    words = {}
    for e in entity_names:
        for w in re.findall(r"[A-Z][a-z]+", e):
            words.setdefault(w, e)
    first_names = set(FIRST_F + FIRST_M)
    for s in SURNAMES:
        if s in words:
            errors.append(f"surname {s} collides with entity name {words[s]}")
    for s, *_ in STORMS:
        if s in first_names or s in SURNAMES:
            errors.append(f"storm name {s} collides with a person name")
    towns = list(W.towns)
    for a in towns:
        for b in towns:
            if a != b and re.search(r"\b" + re.escape(a) + r"\b", b):
                errors.append(f"town {a} is part of town {b}")
    # two different people with the same surname in one passage would make "Okafor said ..." ambiguous
    by_last = {}
    for p in W.people.all:
        by_last.setdefault(p.last, []).append(p.full)
    for d in docs:
        for last, names in by_last.items():
            if len(names) > 1 and last in d.text:
                present = [n for n in names if n in d.text]
                if len(present) > 1:
                    errors.append(f"{d.id}: people sharing a surname in one passage: {present}")
    # questions
    kinds = {}
    for q in questions:
        kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
        key = q["key"]
        if q["kind"] == "abs":
            if key in qb.idx:
                errors.append(f"{q['id']}: abstention key {key} is stated by {[d.id for d in qb.idx[key]]}")
            if q["abst_kind"] == "missing":
                same = [d.id for d in docs if d.family == W.qspecs[key[0]]["family"] and d.subject == (key[1], str(key[2]))]
                if key[0].startswith("earn_"):
                    same = [d.id for d in docs if d.subject == (key[1], f"{key[2]} Q{key[3]}")]
                if same:
                    errors.append(f"{q['id']}: a story for {key[1:]} exists: {same}")
            for d in docs:
                if mentions(qb.norm_text[d.id], key, q["topic"]):
                    errors.append(f"{q['id']}: {d.id} mentions {key[1:]} together with {q['topic']}")
            continue
        gold = [d for d in docs if d.id in q["gold"]]
        if sorted(d.id for d in qb.idx.get(key, [])) != sorted(q["gold"]):
            errors.append(f"{q['id']}: gold differs from the fact index")
        for p in q["answer_any"]:
            if not any(norm(p) in qb.norm_text[d.id] for d in gold):
                errors.append(f"{q['id']}: {p!r} not in any gold passage")
        for d in gold:
            if not any(norm(p) in qb.norm_text[d.id] for p in q["answer_any"]):
                errors.append(f"{q['id']}: gold {d.id} contains no answer phrase")
        if W.qspecs[key[0]]["strict"]:
            fam = gold[0].family
            for d in qb.by_family[fam]:
                if d.id not in q["gold"]:
                    for p in q["answer_any"]:
                        if norm(p) in qb.norm_text[d.id]:
                            errors.append(f"{q['id']}: answer {p!r} also in non-gold sibling {d.id}")
        if q["kind"] == "para" and q["overlap"] > 1:
            errors.append(f"{q['id']}: paraphrase shares {q['overlap']} content words with the answer sentence")
        if not any(mentions(qb.norm_text[d.id], key) for d in gold):
            errors.append(f"{q['id']}: no gold passage names {key[1:]}")
    return errors, kinds


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
def generate():
    W = World(SEED)
    W.keymeta = {}
    sim_elections(W)
    fam_budget(W)
    fam_elections(W)
    fam_sport(W)
    fam_earnings(W)
    fam_appointments(W)
    fam_weather(W)
    fam_awards(W)
    fam_openings(W)
    fam_plants(W)
    fam_festivals(W)
    rng = W.rng
    docs = W.docs
    if len(docs) > N_DOCS:
        # drop surplus stories from the biggest families (facts are indexed after this step)
        fams = {}
        for d in docs:
            fams.setdefault(d.family, []).append(d)
        order = sorted(fams, key=lambda f: -len(fams[f]))
        drop = []
        i = 0
        while len(docs) - len(drop) > N_DOCS:
            f = order[i % 3]
            cand = [d for d in fams[f] if d not in drop]
            drop.append(rng.choice(cand))
            i += 1
        docs = [d for d in docs if d not in drop]
    rng.shuffle(docs)
    W.docs = docs
    for i, d in enumerate(docs, 1):
        need = getattr(d, "need_year", None)
        if need and need not in " ".join(d.sentences) + " " + (d.headline or ""):
            d.no_dateline = "force"
        d.text = render(W, d) if d.no_dateline != "force" else None
        if d.text is None:
            d.no_dateline = False
            while True:
                t = render(W, d)
                if need in t:
                    break
            d.text = t
        h = hashlib.sha1(f"{SEED}:{i}:{d.text}".encode()).hexdigest()[:8]
        d.id = f"n{i:04d}_{h}"
    qb = QBuilder(W)
    questions = qb.build()
    return W, qb, questions


Doc.no_dateline = False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="eval/news1000", help="corpus folder (created; old n*.txt files are replaced)")
    ap.add_argument("--questions", default="eval/news1000-questions.jsonl", help="question file to write")
    ap.add_argument("--check-only", action="store_true",
                    help="regenerate in memory, verify the files on disk are identical, and run the self-checks")
    a = ap.parse_args()
    W, qb, questions = generate()
    errors, kinds = check_all(W, qb, questions)
    lines = [json.dumps(public_question(q), ensure_ascii=False) for q in questions]
    pat = re.compile(r"^n\d{4}_[0-9a-f]{8}\.txt$")
    if a.check_only:
        on_disk = sorted(f for f in os.listdir(a.out) if pat.match(f))
        if on_disk != sorted(d.id + ".txt" for d in W.docs):
            errors.append("corpus folder does not match the generator output (regenerate)")
        else:
            for d in W.docs:
                with open(os.path.join(a.out, d.id + ".txt"), encoding="utf-8") as fh:
                    if fh.read() != d.text:
                        errors.append(f"{d.id}.txt differs from the generator output")
        with open(a.questions, encoding="utf-8") as fh:
            if [l.rstrip("\n") for l in fh if l.strip()] != lines:
                errors.append("question file does not match the generator output")
    else:
        os.makedirs(a.out, exist_ok=True)
        for f in os.listdir(a.out):
            if pat.match(f):
                os.remove(os.path.join(a.out, f))
        for d in W.docs:
            with open(os.path.join(a.out, d.id + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(d.text)
        qdir = os.path.dirname(a.questions)
        if qdir:
            os.makedirs(qdir, exist_ok=True)
        with open(a.questions, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    fams = {}
    for d in W.docs:
        fams[d.family] = fams.get(d.family, 0) + 1
    print(f"passages: {len(W.docs)}  " + " ".join(f"{k}={v}" for k, v in sorted(fams.items())))
    print(f"questions: {len(questions)}  answerable={kinds.get('ans', 0)} paraphrased={kinds.get('para', 0)} "
          f"abstain={kinds.get('abs', 0)} followup={kinds.get('fu', 0)}  "
          f"multi-gold={sum(1 for q in questions if len(q['gold']) > 1)}")
    for e in errors:
        print("CHECK FAILED:", e)
    print("self-check:", "FAILED" if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
