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

    def __init__(self, rng, max_surname=3):
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
def money(amount, cur, style):
    """Format an amount (in currency units). Returns (text, [answer phrases])."""
    sym = "£" if cur == "GBP" else "$"
    word = "pounds" if cur == "GBP" else "dollars"
    if amount >= 1e9:
        v, unit, abbr = amount / 1e9, "billion", "bn"
        num = f"{v:.2f}".rstrip("0").rstrip(".") if v < 10 else f"{v:.1f}".rstrip("0").rstrip(".")
    elif amount >= 1e6:
        v, unit, abbr = amount / 1e6, "million", "m"
        num = f"{v:.1f}".rstrip("0").rstrip(".") if v < 100 else f"{v:.0f}"
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
        return f"{s} per cent", [f"{s} per cent", f"{s}%"]
    return f"{s}%", [f"{s}%", f"{s} percent"]


def date_uk(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_us(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def day_month(d, uk):
    return f"{d.day} {MONTHS[d.month - 1]}" if uk else f"{MONTHS[d.month - 1]} {d.day}"


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

    def reporter(self, outlet):
        if outlet not in self.reporters:
            self.reporters[outlet] = [self.people.new() for _ in range(2)]
        return self.rng.choice(self.reporters[outlet])

    def town_list(self, uk=None):
        return [t for t, v in self.towns.items() if uk is None or v["uk"] == uk]

    def unique_value(self, family, gen, fmt):
        """Draw values from gen() until fmt(value) has not been used in this family."""
        used = self.used_money.setdefault(family, [])
        for _ in range(1000):
            v = gen()
            k = fmt(v)
            if k not in used:
                used.append(k)
                return v
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
    rep = W.reporter(d.outlet)
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
            lines.append(f"Photo: {W.reporter(d.outlet).full} / {d.outlet}")
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
        lines.append("Topics: " + ", ".join(rng.sample(TOPICS[d.section], 2)))
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
        parks = rng.uniform(0.4e6, 3.0e6)
        fmt1 = lambda v: f"{v / 1e6:.1f}"
        series = {}
        for y in years:
            total = W.unique_value(fam, lambda: total * rng.uniform(1.01, 1.07), fmt1)
            roads = W.unique_value(fam, lambda: max(1.2e6, roads * rng.uniform(0.8, 1.3)), fmt1)
            parks = W.unique_value(fam, lambda: parks * rng.uniform(0.9, 1.16), fmt1)
            series[y] = (round(total, -5), round(roads, -5), round(parks, -5))
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
                date = dt.date(y, rng.choice([2, 2, 3]), rng.randint(1, 28))
            else:
                date = dt.date(y - 1, rng.choice([11, 12, 12]), rng.randint(1, 28))
            event = date - dt.timedelta(days=rng.choice([0, 1, 1]))
            d = W.add(Doc(fam, (t, str(y)), date, uk, T["outlet"]))
            d.section = "News"
            sty = rng.choice(["million", "million", "abbr", "word"] if uk else ["million", "million", "full", "abbr"])
            tot_s, tot_p = money(tot, cur, "million" if sty == "full" else sty)
            rd_s, rd_p = money(rd, cur, sty)
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
                    d.h(f"More money for roads in {t}'s {y} budget")
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
                d.s(f"A {tot_s} budget for {y} was agreed by {council} on {wd(event)} "
                    f"{'evening' if uk else 'night'}, " + (vote if uk else f"on a {vote} vote") + ".",
                    (KT, tot_p), (("budget_vote", t, y), [vote]))
                d.s(rng.choice([f"{roads_w.capitalize()} will receive {rd_s}, the largest single increase in the plan.",
                                f"Of that, {rd_s} is set aside for {roads_w}.",
                                f"The plan includes {rd_s} for {roads_w}."]), (KR, rd_p))
            extras = []
            change = (round(rd, -5) - round(prev_rd, -5)) / round(prev_rd, -5) * 100
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
                iv = W.unique_value(fam, lambda: rng.uniform(0.2e6, 2.5e6), fmt1)
                iv_s, iv_p = money(round(iv, -5), cur, sty)
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
           direct=["What was the total size of {e}'s {p} budget?", "How big was the budget {e} approved for {p}?"],
           para=["What overall spending did {e}'s council sign off for {p}?"],
           topic=["budget", "spending plan"])
    W.spec("budget_parks", family=fam, strict=True,
           direct=["How much did {e}'s {p} budget set aside for parks?"],
           para=["What sum went to green spaces and play areas in {e} in {p}?"],
           followup=("How much did {e} council allocate for road repairs in its {p} budget?",
                     "How much did it set aside for parks that year?"),
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
            if n == 2:
                w = rng.uniform(50.6, 66.0)
                shares = [w, 100 - w]
            else:
                w = rng.uniform(36.0, 58.0)
                r = rng.uniform(18.0, min(w - 1.5, 100 - w - 4.0))
                rest = 100 - w - r
                if n == 3:
                    shares = [w, r, rest]
                else:
                    a = rng.uniform(rest * 0.55, rest * 0.85)
                    shares = [w, r, a, rest - a]
            shares = [round(x, 1) for x in shares]
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
                    d.s(f"{Wn.full} unseated Mayor {inc.full} in {t}'s mayoral election on {wd(ev)}, winning {sh} of the vote.",
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
                extras.append(lambda: d.s(f"{Wn.last} received {votes} votes to {rvotes} for {Rn.last}.", (KV, [votes])))
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
            if rng.random() < 0.3:
                if uk:
                    extras.append(lambda: d.s(f"{Wn.last} will take office on {day_month(ev + dt.timedelta(days=rng.randint(3, 10)), True)}."))
                else:
                    extras.append(lambda: d.s(f"{Wn.last} will be sworn in on January {rng.randint(2, 8)}."))
            rng.shuffle(extras)
            for x in extras[:5 - len(d.sentences)]:
                x()
            alltext = " ".join(d.sentences) + " " + (d.headline or "")
            if str(y) not in alltext:
                n = len(e["cands"])
                d.s(f"{['Two', 'Three', 'Four'][n - 2]} candidates were on the ballot in the {y} race.")
    W.spec("elect_winner", family=fam, strict=False,
           direct=["Who won the {p} mayoral election in {e}?", "Who was elected mayor of {e} in {p}?"],
           para=["Which candidate triumphed in the race for {e}'s top job in {p}?",
                 "Who came out on top when {e} picked its city leader in {p}?"],
           topic=["mayor"])
    W.spec("elect_share", family=fam, strict=True,
           direct=["What share of the vote did the winner of {e}'s {p} mayoral election receive?"],
           para=["What percentage of ballots went to the victorious candidate in {e}'s {p} mayoral contest?"],
           followup=[("Who won the {p} mayoral election in {e}?", "What share of the vote did {he} get?")],
           topic=["vote"])
    W.spec("elect_turnout", family=fam, strict=True,
           direct=["What was the turnout in the {p} mayoral election in {e}?"],
           para=["What proportion of the electorate took part when {e} chose its mayor in {p}?"],
           followup=[("Which town elected {w} as mayor in {p}?", "What was the turnout there?")],
           topic=["turnout", "cast a ballot"])
    W.spec("elect_runner", family=fam, strict=False,
           direct=["Who finished second in the {p} mayoral election in {e}?"],
           para=["Who was the defeated candidate in {e}'s {p} race for mayor?"],
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
        for i, t in enumerate(towns):
            c = f"{t} {FOOT_SUFFIX[(i * 5 + len(t)) % len(FOOT_SUFFIX)]}"
            clubs.append(c)
            W.clubs[c] = {"town": t, "manager": W.people.new("m")}
        all_clubs += clubs
        for y in range(2014, 2024):
            if rng.random() < 0.17:
                continue
            sl = season_label(y)
            champ, runner, opp = rng.sample(clubs, 3)
            pts = W.unique_value("league_points", lambda: rng.randint(74, 97), str)
            margin = rng.randint(1, 11)
            games = 38 if lname.startswith("Western") else 34
            if rng.random() < 0.3:
                W.clubs[champ]["manager"] = W.people.new("m")
            mgr = W.clubs[champ]["manager"]
            scorer = W.people.new("m")
            sclub = rng.choice([champ, runner] + rng.sample(clubs, 2))
            goals = rng.randint(18, 34)
            date = dt.date(y + 1, 5, 1) + dt.timedelta(days=rng.randint(0, 20))
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
            d.s(rng.choice([f"They finished the season on {pts} points, {margin} ahead of {runner}.",
                            f"{mgr.full}'s side ended the campaign with {pts} points from {games} games, "
                            f"{margin} more than second-placed {runner}."]),
                (KP, [f"{pts} points"]), (KRu, [runner]))
            if rng.random() < 0.7:
                d.s(rng.choice([f"{scorer.full} of {sclub} finished as the league's top scorer with {goals} goals.",
                                f"The golden boot went to {sclub} striker {scorer.full}, who scored {goals} times."]),
                    (KSc, [scorer.full]))
            if rng.random() < 0.6:
                d.s(f"“{rng.choice(MANAGER_QUOTES)},” said {mgr.full}.")
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
                        f"finals against the {opp} in {wins + losses} games."]), (KC, [champ]))
        d.s(rng.choice([f"{mvp.full} was named finals MVP after averaging {ppg} points a game.",
                        f"Guard {mvp.full}, who averaged {ppg} points in the series, took the finals MVP award."]),
            (KM, [mvp.full]))
        if rng.random() < 0.6:
            coach = W.people.new()
            d.s(f"Coach {coach.full} called it “{rng.choice(['the best week of my life', 'a reward for a lot of hard work', 'a team effort from start to finish'])}.”")
    # cup finals
    venues = ["Crown Meadow in Norchester", "Ashcombe Park"]
    for y in range(2014, 2025):
        if rng.random() < 0.1:
            continue
        win, lose = rng.sample(all_clubs, 2)
        g1 = rng.randint(1, 4)
        g2 = rng.randint(0, g1 - 1)
        att = W.unique_value("cup", lambda: rng.randint(18000, 64000), lambda v: f"{v:,}")
        scorer = W.people.new("m")
        minute = rng.randint(5, 89)
        venue = venues[0] if y not in (2019, 2020) else venues[1]
        date = dt.date(y, 5, 1) + dt.timedelta(days=rng.randint(8, 25))
        d = W.add(Doc("cup", ("Westland Cup", str(y)), date, True, rng.choice(SPORTS_OUTLETS)))
        d.section = "Sport"
        KW_, KA, KS_, KSc = [(k, "Westland Cup", y) for k in ("cup_winner", "cup_attendance", "cup_score", "cup_scorer")]
        if rng.random() < 0.9:
            d.h(rng.choice([f"{win} lift the Westland Cup", f"Westland Cup final: {win} {g1}-{g2} {lose}",
                            f"Cup glory for {win}"]), (KW_, [win]))
        d.s(rng.choice([f"{win} won the {y} Westland Cup final, beating {lose} {g1}-{g2} at {venue} on {wd(date)}.",
                        f"{win} beat {lose} {g1}-{g2} in the {y} Westland Cup final at {venue}."]),
            (KW_, [win]), (KS_, [f"{g1}-{g2}"]))
        d.s(rng.choice([f"{scorer.full} scored the decisive goal in the {minute}th minute.",
                        f"The winning goal came from {scorer.full} after {minute} minutes."]) if g1 - g2 == 1 else
            f"{scorer.full} opened the scoring in the {minute}th minute.", (KSc, [scorer.full]))
        d.s(rng.choice([f"A crowd of {att:,} watched the final.", f"The attendance was {att:,}.",
                        f"{att:,} spectators were in the ground."]), (KA, [f"{att:,}"]))
        if rng.random() < 0.5:
            d.s(f"“{rng.choice(MANAGER_QUOTES)},” said {W.clubs[win]['manager'].full}.")
    # marathons
    mtowns = ["Wexbridge", "Norchester", "Port Calder", "Riverton Falls", "Hartwell", "Lakeview Heights"]
    for t in mtowns:
        T = W.towns[t]
        uk = T["uk"]
        for y in range(2015, 2025):
            if y == 2020 or rng.random() < 0.25:
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
