#!/usr/bin/env python3
"""Latency of a running CiteQA service: every question of a question file, several runs, medians.

usage: python3 bench/latency.py [--base http://127.0.0.1:8080] [--questions eval/questions.jsonl] [--runs 5]

Each run asks every question once (follow-ups in their conversation) after one untimed warm-up pass, and
reports the median and 90th percentile of the request times. The summary line is the median over runs of
each run's median, which is steadier than a single run on a shared machine.
"""
import argparse, json, statistics, time, urllib.request


def post(base, body):
    req = urllib.request.Request(base + "/api/ask", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def one_pass(base, questions):
    times = []
    for q in questions:
        conversation = None
        for turn in q.get("turns") or [q["question"]]:
            body = {"question": turn}
            if conversation:
                body["conversationId"] = conversation
            t0 = time.perf_counter()
            conversation = post(base, body)["conversationId"]
            times.append((time.perf_counter() - t0) * 1000)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--questions", default="eval/questions.jsonl")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    questions = [json.loads(l) for l in open(a.questions, encoding="utf-8") if l.strip()]
    one_pass(a.base, questions)
    medians, p90s = [], []
    for run in range(a.runs):
        times = sorted(one_pass(a.base, questions))
        medians.append(statistics.median(times))
        p90s.append(times[int(0.9 * (len(times) - 1))])
        print(f"run {run + 1}: {len(times)} requests, median {medians[-1]:.1f} ms, p90 {p90s[-1]:.1f} ms")
    print(f"median of run medians {statistics.median(medians):.1f} ms, median p90 {statistics.median(p90s):.1f} ms")


if __name__ == "__main__":
    main()
