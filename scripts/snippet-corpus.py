#!/usr/bin/env python3
"""Another corpus shape from a news set: one short snippet per article, as search results show them.

usage: scripts/snippet-corpus.py CORPUS_DIR QUESTIONS.jsonl OUT_DIR

Each article (headline, date line, text) becomes one line in OUT_DIR/corpus: "Jan 05, 2024 ... " and the first
45 words of its text, then "...", the shape of the snippet files that issue 15 saw skipped. OUT_DIR/questions.jsonl
keeps the answerable questions whose answer some snippet still holds, with gold recomputed as the snippets that
hold it (the scorer's own lenient rule), and every abstain question. docs/evaluation.md reports CiteQA and the
yardstick on it; the set stays outside the repository, as its source does.
"""
import datetime, json, os, re, sys

WORDS = 45


def snippet(text):
    lines = text.split("\n")
    date = lines[1].strip() if len(lines) > 1 else ""
    words = " ".join(line.strip() for line in lines[2:] if line.strip()).split()
    m = re.match(r"(\d{4})/(\d{2})/(\d{2})", date)
    prefix = datetime.date(int(m[1]), int(m[2]), int(m[3])).strftime("%b %d, %Y") + " ... " if m else ""
    return prefix + " ".join(words[:WORDS]) + " ..."


def main(corpus, questions, out):
    os.makedirs(os.path.join(out, "corpus"), exist_ok=True)
    texts = {}
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            text = snippet(open(os.path.join(corpus, name), encoding="utf-8").read())
            with open(os.path.join(out, "corpus", name), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            texts[name[:-4]] = text.lower()
    kept = 0
    with open(os.path.join(out, "questions.jsonl"), "w", encoding="utf-8") as f:
        for line in open(questions, encoding="utf-8"):
            q = json.loads(line)
            if q.get("expect") != "abstain":
                q["gold"] = [i for i, t in texts.items() if any(a.lower() in t for a in q["answer_any"])]
                if not q["gold"]:
                    continue
                kept += 1
            f.write(json.dumps(q) + "\n")
    print(f"{len(texts)} snippets, {kept} answerable questions kept")


if __name__ == "__main__":
    main(*sys.argv[1:4])
