#!/usr/bin/env python3
"""Other file shapes of one news set: the same articles with their headline and date written as other folders do.

usage: scripts/shape-corpus.py CORPUS_DIR QUESTIONS.jsonl OUT_DIR

The input is a set in the shape of realnews-2024 (line 1 the headline, line 2 the date as YYYY/MM/DD, then the
text). For each shape, OUT_DIR/<shape>/corpus holds every article rewritten and OUT_DIR/<shape>/questions.jsonl the
questions with the set's own gold, less any gold file whose accepted answer the reshaping removed (a question
left with none is dropped), so that each shape's figures compare with the set's.
Only the header changes; the text is the same.

  labelled     "Title: ...", "Published: 2024-01-05", "Source: Example News", "URL: https://...", a blank line
  markdown     "# headline", "*January 5, 2024*", as notes and static sites save a page
  byline-date  the headline, then "By Staff Writer | January 5, 2024 10:24 AM EST"
  crlf-bom     the file as it is, with a byte order mark and Windows line endings
  headline-less  the headline line removed (the date line stays), so every file is named by its first sentence

docs/evaluation.md ("Other file shapes") reports CiteQA and the yardstick on each; the sets stay outside the
repository, as their source does.
"""
import datetime, json, os, re, sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def parts(text):
    lines = text.split("\n")
    m = re.fullmatch(r"(\d{4})/(\d{2})/(\d{2})", lines[1].strip()) if len(lines) > 1 else None
    try:
        date = datetime.date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:  # "2024/02/30": no day, so no date line in any shape
        date = None
    return lines[0].strip(), date, "\n".join(lines[2:] if m else lines[1:]).strip()


def spelled(date):
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def shapes(name, text):
    title, date, body = parts(text)
    return {
        "labelled": f"Title: {title}\nPublished: {date.isoformat() if date else ''}\nSource: Example News\n"
                    f"URL: https://example.com/news/{name}\n\n{body}\n",
        "markdown": f"# {title}\n\n" + (f"*{spelled(date)}*\n\n" if date else "") + body + "\n",
        "byline-date": f"{title}\n" + (f"By Staff Writer | {spelled(date)} 10:24 AM EST\n" if date else "")
                       + f"\n{body}\n",
        "crlf-bom": "\ufeff" + text.replace("\n", "\r\n"),
        "headline-less": "\n".join(text.split("\n")[1:]),
    }


def main(corpus, questions, out):
    texts, originals = {}, {}
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            with open(os.path.join(corpus, name), encoding="utf-8-sig") as f:
                source = f.read().replace("\r\n", "\n")  # each shape writes its own line ends
            originals[name[:-4]] = source.lower()
            for shape, shaped in shapes(name[:-4], source).items():
                os.makedirs(os.path.join(out, shape, "corpus"), exist_ok=True)
                with open(os.path.join(out, shape, "corpus", name), "w", encoding="utf-8", newline="") as f:
                    f.write(shaped)
                texts.setdefault(shape, {})[name[:-4]] = shaped.lower()
    asked = [json.loads(line) for line in open(questions, encoding="utf-8") if line.strip()]
    for shape, shaped in texts.items():
        kept = [q for q in (regold(q, originals, shaped) for q in asked) if q.get("expect") == "abstain" or q["gold"]]
        with open(os.path.join(out, shape, "questions.jsonl"), "w", encoding="utf-8") as f:
            f.writelines(json.dumps(q) + "\n" for q in kept)
        answerable = sum(q.get("expect") != "abstain" for q in kept)
        print(f"{shape}: {len(shaped)} files, {answerable} answerable questions kept")


def regold(question, originals, texts):
    """The question without the gold files whose accepted answer the reshaping removed."""
    answers = [a.lower() for a in question.get("answer_any") or []]
    if question.get("expect") == "abstain" or not answers:
        return question
    held = lambda t: any(a in t for a in answers)
    return dict(question, gold=[i for i in question["gold"]
                                if held(texts.get(i, "")) or not held(originals.get(i, ""))])

if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:4])
