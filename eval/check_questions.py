#!/usr/bin/env python3
"""Validate a CiteQA question file (JSONL) against a corpus folder.

Usage: python3 eval/check_questions.py <questions.jsonl> <corpus_dir> [-v]

Checks, using the same normalisation as shared/eval/score.py:
  * every line is a JSON object with a unique "id" and either "question" (str) or "turns" (list of >= 2 str);
  * abstention cases ("expect": "abstain") have empty "gold" and "answer_any";
  * answerable cases have a non-empty "gold" whose files exist (<id>.txt, in the folder or a subfolder) and a
    non-empty "answer_any";
  * every answer_any phrase occurs verbatim (after normalisation) in at least one gold article;
  * every gold article contains at least one answer_any phrase.
Prints a summary by kind (single / follow-up / abstain) and exits non-zero on any error.
"""
import json
import os
import re
import sys


from generate_news_corpus import norm  # the public scorer's normalisation


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    qpath, corpus = argv[1], argv[2]
    verbose = "-v" in argv
    errors = []
    seen = set()
    kinds = {"single": 0, "followup": 0, "abstain": 0}
    cache = {}
    # An article's ID is its file name wherever the file is, subfolders too, as the service reads the folder.
    # Of two files of one name, the service takes the one nearer the top of the folder, then the first in path order.
    found = []
    for folder, dirs, names in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # the service skips hidden files and folders
        for name in names:
            if name.lower().endswith(".txt") and not name.startswith("."):
                path = os.path.join(folder, name)
                found.append((os.path.relpath(path, corpus).count(os.sep), path, name[:-4]))
    paths = {}
    for _, path, doc_id in sorted(found):
        paths.setdefault(doc_id, path)

    def read(path):
        # As the service reads a file that is not UTF-8: as Windows-1252.
        raw = open(path, "rb").read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")

    def text(doc_id):
        if doc_id not in cache:
            p = paths.get(doc_id)
            cache[doc_id] = norm(read(p)) if p else None
        return cache[doc_id]

    with open(qpath, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except ValueError as e:
                errors.append(f"line {ln}: bad JSON: {e}")
                continue
            qid = q.get("id")
            where = f"line {ln} ({qid})"
            if not qid or qid in seen:
                errors.append(f"{where}: missing or duplicate id")
            seen.add(qid)
            if "turns" in q:
                t = q["turns"]
                if not (isinstance(t, list) and len(t) >= 2 and all(isinstance(x, str) and x.strip() for x in t)):
                    errors.append(f"{where}: 'turns' must be a list of >= 2 non-empty strings")
            elif not (isinstance(q.get("question"), str) and q["question"].strip()):
                errors.append(f"{where}: needs 'question' or 'turns'")
            gold = q.get("gold")
            ans = q.get("answer_any")
            if not isinstance(gold, list) or not isinstance(ans, list):
                errors.append(f"{where}: 'gold' and 'answer_any' must be lists")
                continue
            if q.get("expect") == "abstain":
                kinds["abstain"] += 1
                if gold or ans:
                    errors.append(f"{where}: abstention case must have empty gold and answer_any")
                continue
            kinds["followup" if "turns" in q else "single"] += 1
            if not gold or not ans:
                errors.append(f"{where}: answerable case needs gold and answer_any")
                continue
            texts = {}
            for g in gold:
                t = text(g)
                if t is None:
                    errors.append(f"{where}: gold file {g}.txt not found in {corpus}")
                else:
                    texts[g] = t
            for a in ans:
                if not any(norm(a) in t for t in texts.values()):
                    errors.append(f"{where}: answer phrase {a!r} not found in any gold article")
            for g, t in texts.items():
                if not any(norm(a) in t for a in ans):
                    errors.append(f"{where}: gold article {g} contains none of the answer phrases")
            if verbose:
                print(f"ok {qid}: {ans} in {gold}")
    total = sum(kinds.values())
    print(f"{qpath}: {total} questions: single={kinds['single']} followup={kinds['followup']} abstain={kinds['abstain']}")
    for e in errors:
        print("ERROR", e)
    print("check:", "FAILED" if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
