#!/usr/bin/env python3
"""Makes a larger corpus from a smaller one: N copies of every article, each copy with its figures changed.

    python3 bench/multiply_corpus.py eval/news1000 target/news10k 10

Copy k adds k to every number, so copies differ in text and in what they answer; sentences without numbers
repeat across copies. Deterministic; rewrites the output folder's *.txt files only when the set differs.
"""
import os
import re
import sys


def main():
    src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
    wanted = {f"c{k:02d}_{n}" for k in range(copies) for n in names}
    if set(n for n in os.listdir(out) if n.endswith(".txt")) == wanted:
        return
    for n in os.listdir(out):
        if n.endswith(".txt"):
            os.remove(os.path.join(out, n))
    for n in names:
        with open(os.path.join(src, n), encoding="utf-8") as fh:
            text = fh.read()
        for k in range(copies):
            copy = re.sub(r"\d+", lambda m: str(int(m.group()) + k), text) if k else text
            with open(os.path.join(out, f"c{k:02d}_{n}"), "w", encoding="utf-8") as fh:
                fh.write(copy)
    print(f"{len(wanted)} articles in {out}")


if __name__ == "__main__":
    sys.exit(main())
