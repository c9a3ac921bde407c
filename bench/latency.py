#!/usr/bin/env python3
"""Request latency of running CiteQA services, measured side by side.

usage: python3 bench/latency.py --base NAME=URL [--base NAME=URL ...] [--questions eval/questions.jsonl] [--runs 10]

Each run asks every question of the file (follow-ups in their conversation) of every service, alternating
between services question by question, so that load from elsewhere on a shared machine hits them alike.
One untimed pass warms them up first. For each service it reports the median over runs of the per-run
median and 90th percentile, and each median relative to the first service's.
"""
import argparse, json, statistics, time, urllib.request


def post(base, body):
    req = urllib.request.Request(base + "/api/ask", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def ask(base, question):
    """Times each turn of one question; returns the times in ms."""
    times, conversation = [], None
    for turn in question.get("turns") or [question["question"]]:
        body = {"question": turn}
        if conversation:
            body["conversationId"] = conversation
        t0 = time.perf_counter()
        conversation = post(base, body)["conversationId"]
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", action="append", required=True, help="NAME=URL, repeatable")
    ap.add_argument("--questions", default="eval/questions.jsonl")
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    services = [b.split("=", 1) for b in a.base]
    questions = [json.loads(l) for l in open(a.questions, encoding="utf-8") if l.strip()]
    for q in questions:
        for _, url in services:
            ask(url, q)
    medians = {name: [] for name, _ in services}
    p90s = {name: [] for name, _ in services}
    for _ in range(a.runs):
        times = {name: [] for name, _ in services}
        for q in questions:
            for name, url in services:
                times[name].extend(ask(url, q))
        for name, t in times.items():
            t.sort()
            medians[name].append(statistics.median(t))
            p90s[name].append(t[int(0.9 * (len(t) - 1))])
    first = statistics.median(medians[services[0][0]])
    print(f"{len(questions)} questions x {a.runs} runs")
    print("| service | median ms | p90 ms | median relative to " + services[0][0] + " |")
    print("|---|---|---|---|")
    for name, _ in services:
        m = statistics.median(medians[name])
        print(f"| {name} | {m:.1f} | {statistics.median(p90s[name]):.1f} | {m / first:.2f} |")


if __name__ == "__main__":
    main()
