#!/usr/bin/env python3
"""Turns the benchmark results of bench/run.sh into docs/benchmarks.md.

    python3 bench/report.py write RESULTS_DIR docs/benchmarks.md
    python3 bench/report.py parse-index | parse-serve | parse-experiment ...   (called by bench/run.sh)

The parse-* commands read a stage's logs and tool output and print one JSON result; `write` reads every
result (each with a .meta.json giving when and how it was measured) and writes the report, including the
issue's targets with met or missed and by how much.
"""
import glob
import json
import os
import re
import statistics
import sys

# "Built index X (generation N) in M ms: A articles and P passages written", or without the generation.
BUILT = re.compile(r"Built index \S+ (?:\(generation \d+\) )?in (\d+) ms: (\d+) articles(?: and|,) (\d+) passages")
EMBEDDED = re.compile(r"Embedded (\d+) new texts in (\d+) ms")
STARTED = re.compile(r"started in (\d+\.\d+)s")
REUSED = re.compile(r"\((\d+) articles, (\d+) passages\)")
METRICS = re.compile(r"mode=(\w+) answer_acc=([\d.]+) cite_ok=([\d.]+) cite_prec=([\d.]+) abstain_acc=([\d.]+) "
                     r"hit@1=([\d.]+) hit@5=([\d.]+) mrr=([\d.]+) p50_ms=(\d+)")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def dir_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def built(text):
    m = BUILT.search(text)
    embedded = [(int(a), int(b)) for a, b in EMBEDDED.findall(text)]
    return {"buildMs": int(m.group(1)) if m else None, "articles": int(m.group(2)) if m else None,
            "passages": int(m.group(3)) if m else None, "embeddedTexts": sum(a for a, _ in embedded),
            "embedMs": sum(b for _, b in embedded)}


def parse_index(log, open_json, wall_ms, mode, cache_bytes):
    r = built(read(log))
    opened = json.loads(read(open_json))
    r.update(mode=mode, processMs=int(wall_ms), indexBytes=opened["bytes"], cacheBytes=int(cache_bytes),
             firstOpenMs=opened["firstOpenMs"], reopenMedianMs=opened["reopenMedianMs"])
    if r["buildMs"]:
        r["articlesPerSecond"] = r["articles"] / (r["buildMs"] / 1000)
        r["passagesPerSecond"] = r["passages"] / (r["buildMs"] / 1000)
    return r


def parse_serve(name, mode, corpus, load_json, hot, rss, rss_after, ready, service_log, queries):
    load = json.loads(read(load_json))
    cells = {}
    for c in load["cells"]:
        cells.setdefault((c["endpoint"], c["clients"]), []).append(c)
    merged = []
    for (endpoint, clients), runs in cells.items():
        def med(part, key):
            return statistics.median(r[part][key] for r in runs)
        merged.append({"endpoint": endpoint, "clients": clients, "runs": len(runs),
                       "capacity": med("capacity", "throughput"), "rate": med("fixedRate", "targetRate"),
                       "throughput": med("fixedRate", "throughput"), "p50Ms": med("fixedRate", "p50Ms"),
                       "p95Ms": med("fixedRate", "p95Ms"), "p99Ms": med("fixedRate", "p99Ms"),
                       "maxMs": med("fixedRate", "maxMs"),
                       "errors": sum(r["fixedRate"]["errors"] + r["capacity"]["errors"] for r in runs)})
    log = read(service_log)
    started = STARTED.findall(log)
    size = REUSED.findall(log)
    readies = [int(x) for x in ready.split()]
    return {"name": name, "mode": mode, "corpus": corpus, "cells": merged, "readyMs": readies,
            "readyMedianMs": statistics.median(readies), "quarkusStartedS": float(started[-1]) if started else None,
            "articles": int(size[-1][0]) if size else None, "passages": int(size[-1][1]) if size else None,
            "rssMb": int(rss), "rssAfterLoadMb": int(rss_after), "load": load["load"],
            "questions": load["questions"], "questionsUsed": load["questionsUsed"],
            "hotMethods": read(hot) if os.path.exists(hot) else "",
            "queries": json.loads(read(queries)) if queries else None}


def frame_name(frame):
    method = frame.get("method", {})
    cls = method.get("type", {}).get("name", "?").replace("/", ".")
    return f"{cls}.{method.get('name', '?')}"


def parse_profile(jfr_json):
    """CPU samples of a JFR recording (`jfr print --json --events jdk.ExecutionSample`), as two tables: the
    CiteQA methods on the stack (inclusive, so a method's share includes what it calls) and the innermost
    CiteQA method of each sample (where its time goes, library calls included)."""
    events = json.loads(read(jfr_json))["recording"]["events"]
    inclusive, innermost, total = {}, {}, 0
    for e in events:
        frames = [frame_name(f) for f in (e["values"].get("stackTrace") or {}).get("frames", [])]
        if not frames:
            continue
        total += 1
        ours = [f for f in frames if f.startswith("dev.citeqa.")]
        for name in set(ours):
            inclusive[name] = inclusive.get(name, 0) + 1
        key = ours[0] if ours else f"(no CiteQA frame) {frames[0]}"
        innermost[key] = innermost.get(key, 0) + 1
    lines = [f"{total} CPU samples.", "", "CiteQA methods on the stack (inclusive):"]
    for name, n in sorted(inclusive.items(), key=lambda kv: -kv[1])[:15]:
        lines.append(f"  {n / total:6.1%}  {name}")
    lines += ["", "Innermost CiteQA method of each sample (self and library calls):"]
    for name, n in sorted(innermost.items(), key=lambda kv: -kv[1])[:15]:
        lines.append(f"  {n / total:6.1%}  {name}")
    return "\n".join(lines) + "\n"


def parse_experiment(variant, dataset, log, data):
    text = read(log)
    r = built(text)
    r.update(variant=variant, set=dataset, modes={})
    for m in METRICS.finditer(text):
        r["modes"][m.group(1)] = {"answerAcc": float(m.group(2)), "hit1": float(m.group(6)),
                                  "hit5": float(m.group(7)), "mrr": float(m.group(8)), "p50Ms": int(m.group(9))}
    r["indexBytes"] = sum(dir_bytes(p) for p in glob.glob(os.path.join(data, "index-*")))
    return r


# --- the report ------------------------------------------------------------------------------------------

def load_results(folder):
    results = {}
    for path in glob.glob(os.path.join(folder, "*.json")):
        name = os.path.basename(path)[:-5]
        if not name.endswith(".meta"):
            data = json.loads(read(path))
            results[name] = data if isinstance(data, dict) else {"items": data}
    for name in list(results):
        meta = os.path.join(folder, name + ".meta.json")
        if os.path.exists(meta):
            results[name]["_meta"] = json.loads(read(meta))
    return results


def f(x, digits=1):
    if x is None:
        return "–"
    if isinstance(x, (int,)) or abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def mb(b):
    return f"{b / 2**20:,.1f} MB"


def source(r):
    m = r.get("_meta", {})
    return f"*Measured {m.get('when', '?')}; command: `{m.get('command', '?')}`*"


def cell(serve, endpoint, clients):
    return next((c for c in serve["cells"] if c["endpoint"] == endpoint and c["clients"] == clients), None)


class Targets:
    def __init__(self):
        self.rows = []

    def add(self, target, measured, ok, margin, where):
        verdict = "–" if ok is None else ("met" if ok else "**missed**")
        self.rows.append(f"| {target} | {measured} | {verdict} | {margin} | {where} |")

    def bound(self, target, value, limit, unit, where, upper=True, fmt=f):
        """A measured value against an upper (or lower) limit, with the margin in units and percent."""
        if value is None:
            self.add(target, "not measured", None, "", where)
            return
        ok = value <= limit if upper else value >= limit
        diff = value - limit
        pct = f" ({diff / limit * 100:+.0f}%)" if limit else ""
        self.add(target, f"{fmt(value)} {unit}", ok, f"{'+' if diff >= 0 else ''}{fmt(diff)} {unit}{pct}", where)


def write(folder, out_path):
    R = load_results(folder)
    env = R.get("env", {})
    serves = {k[len("serve-"):]: v for k, v in R.items() if k.startswith("serve-")}
    indexes = {k[len("index-"):]: v for k, v in R.items() if k.startswith("index-")}
    bm25_sizes = sorted(int(k.split("-")[1]) for k in indexes if k.startswith("bm25-"))
    hybrid = next((v for k, v in indexes.items() if k.startswith("hybrid-")), None)
    largest = serves.get(f"bm25-{bm25_sizes[-1]}") if bm25_sizes else None
    second = serves.get(f"bm25-{bm25_sizes[-2]}") if len(bm25_sizes) > 1 else None
    hybrid_serve = next((v for k, v in serves.items() if k.startswith("hybrid-")), None)
    raw = R.get("model-texts")
    L = []
    w = L.append

    w("# Benchmarks")
    w("")
    w("Written by `bench/run.sh` (see the top of that script), and its last section, First start, by "
      "`bench/firststart.sh`; do not edit by hand. Every figure below says when it was measured and by which command.")
    w("")
    if env.get("mode") == "quick":
        w("> **Quick mode**: short load runs (2 s warm-up, 3 s capacity, 4 s fixed rate, one repetition) and, "
          "unless BENCH_SIZES set them, small corpora. The sizes measured are those in each table; run "
          "`bench/run.sh` without `--quick` for the full runs.")
        w("")
    w(f"Machine: {env.get('cpu', '?')}, {env.get('cores', '?')} cores, {env.get('memGiB', '?')} GiB, "
      f"{env.get('java', '?')}; shared with other work. Commit {env.get('commit', '?')}, run started "
      f"{env.get('started', '?')}. Extractive answerer throughout.")
    w("")

    # Targets
    t = Targets()
    if largest:
        c = cell(largest, "ask", 8)
        where = f"serving, {largest['articles'] or '?'} articles, BM25"
        size = f"{largest['articles'] or 0:,} articles (target: 100k)"
        t.bound(f"BM25: `/api/ask` p50 at 8 clients, {size}", c and c["p50Ms"], 15, "ms", where)
        t.bound(f"BM25: `/api/ask` p99 at 8 clients, {size}", c and c["p99Ms"], 60, "ms", where)
    for serve, limit, label in ((serves.get("seed-bm25"), 0.25, "seed corpus"),
                                (largest, 0.05, f"{(largest or {}).get('articles') or 0:,} articles (target: 100k)")):
        if serve:
            ask, live = cell(serve, "ask", 8), cell(serve, "live", 8)
            if ask and live:
                t.bound(f"BM25: ask throughput ≥ {limit:.0%} of no-op, {label} (8 clients)",
                        ask["capacity"] / live["capacity"] * 100, limit * 100, "%", f"serving, {serve['name']}",
                        upper=False)
    if hybrid_serve and hybrid_serve.get("queries"):
        q = hybrid_serve["queries"]
        ask = cell(hybrid_serve, "ask", 8)
        raw8 = q["throughputByClients"].get("8")
        if ask and raw8:
            t.bound("Hybrid: ask throughput ≥ 70% of raw query embedding (8 clients)", ask["capacity"] / raw8 * 100,
                    70, "%", f"serving, {hybrid_serve['name']}", upper=False)
        ask1 = cell(hybrid_serve, "ask", 1)
        if ask1:
            limit = 1.3 * q["singleQueryP50Ms"] + 5
            t.bound(f"Hybrid: ask p50 ≤ 1.3 × single query embedding ({q['singleQueryP50Ms']:.1f} ms) + 5 ms, 1 client",
                    ask1["p50Ms"], limit, "ms", f"serving, {hybrid_serve['name']}")
    for serve in (largest, hybrid_serve):
        if serve:
            t.bound(f"Ready with an existing index ({serve['name']})", serve["readyMedianMs"] / 1000, 2, "s",
                    "start-up", fmt=lambda x: f"{x:.2f}")
    if largest:
        t.bound(f"Resident memory after ready, {largest['articles'] or 0:,} articles (target: 100k)", largest["rssMb"],
                600, "MB", "start-up")
    if bm25_sizes:
        big = indexes[f"bm25-{bm25_sizes[-1]}"]
        t.bound(f"BM25-only indexing, {big['articles'] or '?'} articles", big.get("articlesPerSecond"), 3000,
                "articles/s", "indexing", upper=False)
    if hybrid and raw and hybrid.get("buildMs") and raw.get("textsPerSecond"):
        pipeline = hybrid["embeddedTexts"] / (hybrid["buildMs"] / 1000)
        t.bound("Indexing with embeddings ≥ 85% of the raw model's speed", pipeline / raw["textsPerSecond"] * 100,
                85, "%", "indexing", upper=False)
    if "reindex-one" in R:
        t.bound(f"Restart after changing one file of {R['reindex-one']['articles']:,} (seconds, not minutes)",
                R["reindex-one"]["readyMs"] / 1000, 10, "s", "start-up", fmt=lambda x: f"{x:.1f}")
    w("## Targets")
    w("")
    w("The issue's targets on this machine. Margins are measured minus target (negative is better for upper "
      "limits, positive for lower ones). Ratios of throughput are capacities (closed loop, see Serving) at the "
      "same concurrency in the same run.")
    w("")
    w("| target | measured | verdict | margin | section |")
    w("|---|---|---|---|---|")
    L.extend(t.rows)
    w("")
    w("The profile target (hybrid: BM25 concurrent with the question embedding, nothing but the model dominating) "
      "is judged from the hot methods under Serving.")
    w("")

    # Corpus
    if "corpus" in R:
        c = R["corpus"]
        w("## Corpus")
        w("")
        w(f"Source: {c['source']}, redistributable with the permission of its copyright holder. `bench/corpus.py` "
          "builds each article from a run of consecutive sentences of one Brown text (so a story keeps to one "
          "topic), 300–1,000 words, with each proper noun consistently replaced by another from the corpus, "
          "numbers by others of the same shape, and one open-class word in seven by one of the same part of "
          "speech drawn by frequency, so the vocabulary keeps Brown's distribution and no article repeats "
          "another. Headline and date line follow the formats of `corpus/*.txt`. Questions are runs of five to "
          "nine words of a corpus sentence in a question frame, all distinct.")
        w("")
        w(f"{c['summary']}; generated in {c['generateMs'] / 1000:.0f} s. {source(c)}")
        w("")

    # Indexing
    if indexes:
        w("## Indexing")
        w("")
        w("Build time is the service's own log line (`Built index … in N ms`: parse, clean, chunk, embed, "
          "write, commit); process time adds JVM start, model load and shutdown. Reopen is `CorpusIndex.open` on "
          "the built index, first in a fresh JVM (what start-up pays) and the median of five more.")
        w("")
        w("| mode | articles | passages | build s | articles/s | passages/s | index on disk | embedding cache | "
          "process s | first open ms | reopen ms |")
        w("|---|---|---|---|---|---|---|---|---|---|---|")
        for key in sorted(indexes, key=lambda k: (k.split("-")[0], int(k.split("-")[1]))):
            r = indexes[key]
            w(f"| {r['mode']} | {f(r['articles'])} | {f(r['passages'])} | {f((r['buildMs'] or 0) / 1000)} | "
              f"{f(r.get('articlesPerSecond'))} | {f(r.get('passagesPerSecond'))} | {mb(r['indexBytes'])} | "
              f"{mb(r['cacheBytes'])} | {f(r['processMs'] / 1000)} | {f(r['firstOpenMs'])} | {f(r['reopenMedianMs'])} |")
        w("")
        for key in sorted(indexes):
            w(f"- {key}: {source(indexes[key])}")
        w("")

    # Embedding cost
    if hybrid and hybrid.get("articles"):
        w("## Embedding cost")
        w("")
        per_1k = hybrid["embedMs"] / hybrid["articles"] * 1000 / 1000
        texts_per_article = hybrid["embeddedTexts"] / hybrid["articles"]
        w(f"Indexing {hybrid['articles']:,} articles with embeddings ran the model on {hybrid['embeddedTexts']:,} "
          f"texts ({texts_per_article:.1f} per article: every passage with its title, and every distinct sentence) "
          f"in {hybrid['embedMs'] / 1000:,.0f} s, of a {hybrid['buildMs'] / 1000:,.0f} s build.")
        w("")
        w(f"- **Embedding cost per 1,000 articles: {per_1k / 60:.1f} minutes** of this 2-core machine "
          f"({per_1k:,.0f} s); 100,000 articles would take about {per_1k * 100 / 3600:.1f} hours.")
        if raw:
            pipeline = hybrid["embeddedTexts"] / (hybrid["buildMs"] / 1000)
            embed_only = hybrid["embeddedTexts"] / (hybrid["embedMs"] / 1000)
            w(f"- Raw model (`ModelSpeed texts`: the same kind of texts of the first {raw['articles']:,} of these "
              f"articles, same batches, model calls only): {raw['textsPerSecond']:.1f} texts/s. The embedder inside "
              f"the build: {embed_only:.1f} texts/s ({embed_only / raw['textsPerSecond']:.0%} of raw); the whole build: "
              f"{pipeline:.1f} texts/s ({pipeline / raw['textsPerSecond']:.0%} of raw). {source(raw)}")
        stock = R.get("model-texts-stock")
        if raw and stock:
            w(f"- ONNX session: LangChain4j's stock model class (ONNX Runtime's defaults: every call on all cores, "
              f"spinning threads) embeds the same texts at {stock['textsPerSecond']:.1f} texts/s, the application's "
              f"session (one thread per call, no spinning) at {raw['textsPerSecond']:.1f} texts/s "
              f"({raw['textsPerSecond'] / stock['textsPerSecond']:.2f}×). {source(stock)}")
        ours, theirs = R.get("session-queries-citeqa"), R.get("session-queries-stock")
        if ours and theirs:
            by = lambda r, c: r["throughputByClients"].get(c, 0)
            w(f"- Distinct questions, application's session vs stock: single query p50 {ours['singleQueryP50Ms']:.1f} "
              f"vs {theirs['singleQueryP50Ms']:.1f} ms; 8 threads {by(ours, '8'):.0f} vs {by(theirs, '8'):.0f} "
              f"questions/s. {source(ours)}")
        w(f"- {source(hybrid)}")
        w("")

    # Serving
    if serves:
        w("## Serving")
        w("")
        w("One service at a time on loopback, started with an existing index. *Ready* is process start to the "
          "first 200 from `/q/health/ready` (polled every 20 ms), median of three starts; *RSS* is VmRSS after "
          "ready and after the load. `LoadGenerator` (src/bench/java) loads each endpoint at 1, 8 and 32 clients "
          "(one connection each), endpoint after endpoint: first *capacity*, each client sending its next request "
          "as soon as the previous answer arrives; then a *fixed rate* of "
          f"{next(iter(serves.values()))['load']:.0%} of that capacity, each client on its own schedule, latency "
          "counted from the intended send time so that a stall is charged to every request it delays (no "
          "coordinated omission). Every request carries a question never asked before. Medians over runs. The "
          "load generator shares the 2 cores with the service, which lowers every capacity, the no-op's most.")
        w("")
        for name in sorted(serves, key=lambda n: (n.split("-")[0] != "seed", n)):
            s = serves[name]
            w(f"### {name}: {f(s['articles'])} articles, {f(s['passages'])} passages, {s['mode']}")
            w("")
            w(f"Ready in {' / '.join(str(x) for x in s['readyMs'])} ms (Quarkus: started in {s['quarkusStartedS']} s); "
              f"RSS {s['rssMb']} MB after ready, {s['rssAfterLoadMb']} MB after the load. "
              f"{s['questionsUsed']:,} requests used {min(s['questionsUsed'], s['questions']):,} distinct questions"
              f"{' (the file ran out: some repeated)' if s['questionsUsed'] > s['questions'] else ''}.")
            w("")
            w("| endpoint | clients | capacity req/s | fixed rate req/s | achieved req/s | p50 ms | p95 ms | p99 ms | "
              "max ms | errors |")
            w("|---|---|---|---|---|---|---|---|---|---|")
            for c in sorted(s["cells"], key=lambda c: (["live", "search", "ask"].index(c["endpoint"]), c["clients"])):
                w(f"| {c['endpoint']} | {c['clients']} | {f(c['capacity'])} | {f(c['rate'])} | {f(c['throughput'])} | "
                  f"{f(c['p50Ms'])} | {f(c['p95Ms'])} | {f(c['p99Ms'])} | {f(c['maxMs'])} | {c['errors']} |")
            w("")
            ratios = []
            for clients in (1, 8, 32):
                ask, live = cell(s, "ask", clients), cell(s, "live", clients)
                if ask and live:
                    ratios.append(f"{clients}: {ask['capacity'] / live['capacity']:.1%}")
            w(f"Ask capacity as a share of no-op capacity, by clients: {', '.join(ratios)}.")
            if s.get("queries"):
                q = s["queries"]
                parts = []
                for clients in (1, 8, 32):
                    ask = cell(s, "ask", clients)
                    rq = q["throughputByClients"].get(str(clients))
                    if ask and rq:
                        parts.append(f"{clients}: {ask['capacity']:.1f} vs {rq:.1f}/s ({ask['capacity'] / rq:.0%})")
                w(f"Raw query embedding ({q['model']}, `ModelSpeed queries`, same questions file, service stopped): "
                  f"single query p50 {q['singleQueryP50Ms']:.1f} ms, p90 {q['singleQueryP90Ms']:.1f} ms; ask capacity "
                  f"vs raw embedding throughput by clients: {'; '.join(parts)}.")
            w("")
            w(source(s))
            w("")
            if s.get("hotMethods"):
                w(f"<details><summary>Profile of {name}: CPU samples during 10 s of ask at 8 clients "
                  "(JFR, settings=profile)</summary>")
                w("")
                w("```")
                L.extend(s["hotMethods"].rstrip().splitlines()[:60])
                w("```")
                w("")
                w("</details>")
                w("")
        if "reindex-one" in R:
            r = R["reindex-one"]
            w(f"**One file changed** in the {r['articles']:,}-article corpus: restart to ready took "
              f"{r['readyMs'] / 1000:.1f} s. {source(r)}")
            w("")

    # Vectors
    if "vectors" in R:
        v = R["vectors"]
        w("## HNSW query latency against the number of vectors")
        w("")
        w(f"`VectorSearchBench`: the first n of {v['poolVectors']:,} real embeddings (passages, then sentences, "
          f"of the hybrid index), one segment each, top {v['k']} (the retrieval depth) for {v['queries']} distinct "
          "embedded questions after three warm-up passes. Recall@10 against exact dot products. int7 is Lucene's "
          "scalar-quantised HNSW (`citeqa.embedding.quantized=true`); it keeps the floats too, for merging and "
          "re-scoring, so it is larger on disk but reads a quarter of the bytes per comparison.")
        w("")
        w("| vectors | format | build s | on disk | p50 µs | p99 µs | recall@10 |")
        w("|---|---|---|---|---|---|---|")
        for row in v["rows"]:
            w(f"| {row['vectors']:,} | {row['format']} | {row['buildSeconds']:.1f} | {mb(row['bytes'])} | "
              f"{row['p50Us']:,.0f} | {row['p99Us']:,.0f} | {row['recallAt10']:.3f} |")
        w("")
        w(source(v))
        w("")

    # Experiments
    exps = [v for k, v in R.items() if k.startswith("exp-")]
    if exps:
        w("## Cutting the embedding cost")
        w("")
        w("Each variant indexes from nothing (no embedding cache) and runs the evaluation command in all three "
          "modes: `baseline` (bge-small-en-v1.5-q, whole texts, float vectors), `minilm` "
          "(`citeqa.embedding.model=all-minilm-l6-v2-q`), `start300` (`citeqa.embedding.max-chars=300`: only the "
          "first 300 characters of longer passages and sentences are embedded), `quantized` "
          "(`citeqa.embedding.quantized=true`). BM25 does not depend on the variant and is a control.")
        w("")
        w("| set | variant | embed s | build s | index on disk | MRR dense | MRR hybrid | hit@1 hybrid | hit@5 hybrid | "
          "answer acc hybrid | MRR bm25 |")
        w("|---|---|---|---|---|---|---|---|---|---|---|")
        order = ["baseline", "minilm", "start300", "quantized"]
        for r in sorted(exps, key=lambda r: (r["set"], order.index(r["variant"]) if r["variant"] in order else 9)):
            m = r["modes"]
            d, h, b = m.get("dense", {}), m.get("hybrid", {}), m.get("bm25", {})
            w(f"| {r['set']} | {r['variant']} | {f(r['embedMs'] / 1000)} | {f((r['buildMs'] or 0) / 1000)} | "
              f"{mb(r['indexBytes'])} | {f(d.get('mrr'), 3)} | {f(h.get('mrr'), 3)} | {f(h.get('hit1'), 3)} | "
              f"{f(h.get('hit5'), 3)} | {f(h.get('answerAcc'), 3)} | {f(b.get('mrr'), 3)} |")
        w("")
        for model in ("bge-small-en-v1.5-q", "all-minilm-l6-v2-q"):
            q = R.get(f"query-model-{model}")
            if q:
                w(f"- Query embedding with {model}: single query p50 {q['singleQueryP50Ms']:.1f} ms, "
                  f"{q['throughputByClients'].get('1', 0):.0f} queries/s on one thread. {source(q)}")
        w("")
        w("Sets: `seed` is the 5-article corpus with `eval/seed-heldout.jsonl`; `news1000` is `eval/news1000` with "
          "`eval/news1000-questions.jsonl`.")
        w("")
        for r in sorted(exps, key=lambda r: (r["set"], r["variant"])):
            w(f"- {r['set']} {r['variant']}: {source(r)}")
        w("")

    # JMH
    if "jmh" in R:
        w("## Microbenchmarks (JMH)")
        w("")
        w("`RetrievalBenchmark` (src/bench/java) in process on the hybrid benchmark corpus, questions cycling "
          "through its headlines: the model embedding a question it has not seen (`embedQuestion`), ranking 8 "
          "passages with BM25 alone and hybrid, and the extractive answerer scoring the sentences of the passages "
          "it reads. The questions' vectors are made in set-up, so the hybrid rows are the pipeline without the "
          "model; a hybrid question costs about `embedQuestion` plus them.")
        w("")
        w("| benchmark | mean µs/op | ± error |")
        w("|---|---|---|")
        jmh = R["jmh"]
        for b in jmh["items"]:
            p = b["primaryMetric"]
            error = p["scoreError"]  # "NaN" when there are too few iterations to say
            w(f"| {b['benchmark'].rsplit('.', 1)[-1]} | {p['score']:,.1f} | "
              f"{f(error) if isinstance(error, (int, float)) else '–'} |")
        w("")
        w(source(jmh))
        w("")

    # bench/firststart.sh writes its own section; keep it.
    first_start = ""
    if os.path.exists(out_path):
        old = open(out_path, encoding="utf-8").read()
        begin, end = "<!-- first-start:begin -->", "<!-- first-start:end -->"
        if begin in old and end in old:
            first_start = "\n" + old[old.index(begin):old.index(end) + len(end)] + "\n"
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("\n".join(L).rstrip() + "\n" + first_start)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "parse-index":
        print(json.dumps(parse_index(*args), indent=1))
    elif cmd == "parse-serve":
        print(json.dumps(parse_serve(*args), indent=1))
    elif cmd == "parse-profile":
        print(parse_profile(*args))
    elif cmd == "parse-experiment":
        print(json.dumps(parse_experiment(*args), indent=1))
    elif cmd == "write":
        write(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
