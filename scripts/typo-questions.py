#!/usr/bin/env python3
"""Writes a question file with one typing error in each question, to measure how CiteQA reads misspelled questions.

    python3 scripts/typo-questions.py CORPUS QUESTIONS OUT [SEED]

For each question (the last turn of a conversation), one word of five letters or more, other than the question
words, is picked at random and one edit is made at a random place in it: a letter dropped, added, changed, or two
swapped. The misspelling must be a word that no file of CORPUS has and that is not English
(src/main/resources/analysis/english-words.txt), so that it is a typo and not another word; a question with no such
word is kept as it is. Gold and answers are unchanged. Seed 11 made the sets of docs/evaluation.md.
"""
import json
import os
import random
import re
import sys
import unicodedata

LIST = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "analysis", "english-words.txt")
QUESTION_WORDS = {"which", "what", "where", "when", "whose", "about", "their", "there", "these", "those", "would",
                  "could", "should", "after", "before", "while"}
WORD = re.compile(r"[^\W\d_]+")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def folded(word):
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def corpus_words(folder):
    words = set()
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                words.update(folded(w) for w in WORD.findall(f.read()))
    return words


def misspelled(word, known, rnd):
    for _ in range(50):
        i = rnd.randrange(len(word))
        kind = rnd.randrange(4)
        if kind == 0:
            typo = word[:i] + word[i + 1:]
        elif kind == 1:
            typo = word[:i] + rnd.choice(LETTERS) + word[i:]
        elif kind == 2:
            typo = word[:i] + rnd.choice(LETTERS) + word[i + 1:]
        elif i < len(word) - 1:
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        else:
            continue
        if i == 0 and word[0].isupper():
            typo = typo[0].upper() + typo[1:]
        if typo.lower() != word.lower() and folded(typo) not in known:
            return typo
    return None


def main():
    corpus, questions, out = sys.argv[1:4]
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 11)
    with open(LIST, encoding="utf-8") as f:
        known = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    known |= corpus_words(corpus)
    changed = 0
    with open(questions, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            q = json.loads(line)
            text = q["question"] if "question" in q else q["turns"][-1]
            words = [m for m in re.finditer(r"[A-Za-z]{5,}", text) if m.group().lower() not in QUESTION_WORDS]
            if words:
                m = rnd.choice(words)
                typo = misspelled(m.group(), known, rnd)
                if typo:
                    text = text[:m.start()] + typo + text[m.end():]
                    changed += 1
            if "question" in q:
                q["question"] = text
            else:
                q["turns"][-1] = text
            dst.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{changed} questions with a typo", file=sys.stderr)


if __name__ == "__main__":
    main()
