#!/usr/bin/env python3
"""The measuring half of bench/firststart.sh.

    firststart.py watch  --port P --pid PID --started-ms MS --question Q --out RUN.json
    firststart.py report --results DIR --doc docs/benchmarks.md

watch: from a service just started on an empty data folder, polls until its vectors are complete: when the
HTTP port answers, when /q/health/ready first says UP, when POST /api/ask first answers (and with which
retrieval), when each build phase is first seen, when the vectors are complete; and the process's resident
memory every quarter second. report: turns the runs into the "First start" section of docs/benchmarks.md
(replaced between its markers, added at the end the first time).
"""
import argparse, json, os, statistics, sys, time, urllib.error, urllib.request

BEGIN, END = "<!-- first-start:begin -->", "<!-- first-start:end -->"


def now_ms():
    return int(time.time() * 1000)


def rss_mb(pid, field="VmRSS"):
    """Resident memory now (VmRSS), or the kernel's record of its peak (VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0


def get(url, body=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, None


def watch(a):
    base = f"http://127.0.0.1:{a.port}"
    t = lambda: now_ms() - a.started_ms
    out = {"phases": {}, "rssMaxMb": 0, "rssSamples": 0, "load": []}
    last_status = last_ask = 0
    deadline = time.time() + a.limit
    while time.time() < deadline:
        if not os.path.exists(f"/proc/{a.pid}"):
            sys.exit("the service exited")
        out["rssMaxMb"] = max(out["rssMaxMb"], rss_mb(a.pid))
        out["rssSamples"] += 1
        if "httpUpMs" not in out:
            code, _ = get(base + "/q/health/live", timeout=2)
            if code == 200:
                out["httpUpMs"] = t()
        else:
            if "readyMs" not in out:
                code, _ = get(base + "/q/health/ready", timeout=5)
                if code == 200:
                    out["readyMs"] = t()
            if "firstAnswerMs" not in out and time.time() - last_ask >= 0.5:
                last_ask = time.time()
                code, body = get(base + "/api/ask", {"question": a.question}, timeout=60)
                if code == 200:
                    out["firstAnswerMs"] = t()
                    out["firstAnswerRetrieval"] = body.get("retrieval")
                    out["firstAnswerAnswered"] = body.get("answered")
                    if a.until == "answer":
                        out["rssPeakMb"] = rss_mb(a.pid, "VmHWM")
                        break
            if time.time() - last_status >= 1:
                last_status = time.time()
                code, s = get(base + "/api/status", timeout=5)
                out["load"].append(float(open("/proc/loadavg").read().split()[0]))
                if code == 200:
                    phase = (s.get("indexing") or {}).get("phase")
                    if phase and phase + "@" + str(s.get("ready")) not in out["phases"]:
                        out["phases"][phase + "@" + str(s.get("ready"))] = t()
                    out["status"] = s
                    if s.get("vectors") == "complete" and not s.get("indexing"):
                        out["vectorsCompleteMs"] = t()
                        out["rssPeakMb"] = rss_mb(a.pid, "VmHWM")
                        break
        time.sleep(0.25)
    json.dump(out, open(a.out, "w"), indent=1)
    print(json.dumps({k: v for k, v in out.items() if k not in ("status", "load")}))


def report(a):
    runs = [json.load(open(os.path.join(a.results, f))) for f in sorted(os.listdir(a.results))
            if f.startswith("run-") and f.endswith(".json")]
    meta = json.load(open(os.path.join(a.results, "meta.json")))
    startup = []
    if a.startup and os.path.isdir(a.startup):
        startup = [json.load(open(os.path.join(a.startup, f))) for f in sorted(os.listdir(a.startup))
                   if f.startswith("run-") and f.endswith(".json")]
        smeta = json.load(open(os.path.join(a.startup, "meta.json")))
    raw = json.load(open(os.path.join(a.results, "model.json")))
    med = lambda key, among=None: statistics.median(r[key] for r in (among or runs) if key in r)
    s = runs[-1]["status"]
    loads = [l for r in runs for l in r.get("load", [])]
    for r in runs:
        r.setdefault("rssPeakMb", r["rssMaxMb"])
    texts, articles, words = s["passages"], s["documents"], meta["words"]
    embedded = [r["status"]["textsEmbedded"] for r in runs]
    embed_start = [r["phases"].get("embedding@True") for r in runs]
    rates = [e / ((r["vectorsCompleteMs"] - st) / 1000) for e, r, st in zip(embedded, runs, embed_start) if st]
    L = [BEGIN, "## First start", "",
         f"A cold first start (no index, no embedding cache) in the default `hybrid` mode on {articles:,} real news "
         f"articles ({words:,} words, {words / articles:,.0f} per article), written by `bench/firststart.sh`; do not "
         f"edit by hand. Machine: {meta['cpu']}, {meta['cores']} cores, shared with other builds: load average "
         f"{meta['loadBefore']} before the first run and {meta['loadAfter']} after the last. "
         + (f"During the runs the 1-minute load average was {min(loads):.1f} to {max(loads):.1f} (median "
            f"{statistics.median(loads):.1f}; above 2 the service shared the 2 cores with other work). "
            if loads else "") +
         f"{len(runs)} run{'s' if len(runs) > 1 else ''}, medians; JVM options `{meta['jvm']}`.", "",
         "| target | measured (median) | runs | verdict |", "|---|---|---|---|"]
    def row(name, value, limit, unit, key, among=None):
        scale = {"s": 1000, "min": 60000, "MB": 1}[unit]
        vals = ", ".join(f"{r[key] / scale:.1f}" for r in (among or runs) if key in r)
        L.append(f"| {name} | {value / scale:,.1f} {unit} | {vals} | {'met' if value <= limit else '**missed**'} |")
    everyone = runs + startup
    peaks = ", ".join("%.0f" % r.get("rssPeakMb", 0) for r in startup)
    row("HTTP up ≤ 5 s", med("httpUpMs", everyone), 5000, "s", "httpUpMs", everyone)
    row("first BM25 answer ≤ 60 s", med("firstAnswerMs", everyone), 60000, "s", "firstAnswerMs", everyone)
    row("vectors complete ≤ 15 min", med("vectorsCompleteMs"), 900000, "min", "vectorsCompleteMs")
    row("RSS ≤ 1 GB throughout (the kernel's peak, VmHWM)", med("rssPeakMb"), 1024, "MB", "rssPeakMb")
    L += ["",
          f"- Resident memory sampled every 0.25 s: at most {med('rssMaxMb'):,.0f} MB.",
          f"- Ready (`/q/health/ready` UP, answering with `{runs[-1].get('firstAnswerRetrieval')}`): "
          f"{med('readyMs') / 1000:.1f} s. First answer's `retrieval`: "
          f"{', '.join(str(r.get('firstAnswerRetrieval')) for r in runs)}.",
          f"- Embedded: {texts:,} texts for {articles:,} articles, {texts / articles:.1f} per article, "
          f"**{texts / words * 1000:.1f} per 1,000 words** of article (before: every passage and every sentence, "
          f"152 per article). The model ran on {', '.join(f'{e:,}' for e in embedded)} texts "
          f"(one per distinct text).",
          f"- Embedding speed inside the service (texts embedded ÷ time from the vector pass's start to the "
          f"vectors complete, commit included): {', '.join(f'{x:.1f}' for x in rates)} texts/s; the raw model in "
          f"the same run (`ModelSpeed texts` on the first {raw['articles']} articles' {raw['passageTexts']:,} "
          f"texts, same batches, model calls only): {raw['textsPerSecond']:.1f} texts/s "
          f"({statistics.median(rates) / raw['textsPerSecond']:.0%} of raw)." if rates else "",
          (f"- HTTP up and first answer count {len(startup)} more start{'s' if len(startup) > 1 else ''} stopped at the "
           f"first answer (`BENCH_UNTIL=answer bench/firststart.sh`, {smeta['when']}, load average "
           f"{smeta['loadBefore']} before and {smeta['loadAfter']} after; peak RSS until then "
           f"{peaks} MB)." if startup else None),
          (f"- The vector pass at the raw model's speed measured in this run would take "
           f"{texts / raw['textsPerSecond'] / 60:.1f} min for these {texts:,} texts; complete vectors within 15 min "
           f"(less the {med('firstAnswerMs') / 1000:.0f} s of the words) need "
           f"{texts / (900 - med('firstAnswerMs') / 1000):.1f} texts/s." if raw.get("textsPerSecond") else None),
          f"- Per 1,000 articles at this speed: about "
          f"{med('vectorsCompleteMs') / 1000 / articles * 1000 / 60:.1f} minutes to complete vectors.",
          f"- Phases first seen (ms after the start, last run): "
          f"{', '.join(f'{k.split(chr(64))[0]} {v:,}' for k, v in runs[-1]['phases'].items())}.",
          f"- SIGTERM after the run: the process exited in {', '.join(str(r.get('stopMs')) for r in runs)} ms.",
          "", f"*Measured {meta['when']}; command: `{meta['command']}`*", END]
    L = [x for x in L if x is not None]
    doc = open(a.doc, encoding="utf-8").read()
    block = "\n".join(L) + "\n"
    if BEGIN in doc:
        doc = doc[:doc.index(BEGIN)] + block + doc[doc.index(END) + len(END) + 1:]
    else:
        doc = doc.rstrip() + "\n\n" + block
    open(a.doc, "w", encoding="utf-8").write(doc)
    print(block)


p = argparse.ArgumentParser()
p.add_argument("command", choices=["watch", "report"])
p.add_argument("--port", type=int)
p.add_argument("--pid", type=int)
p.add_argument("--started-ms", type=int)
p.add_argument("--question")
p.add_argument("--out")
p.add_argument("--limit", type=int, default=3600)
p.add_argument("--until", choices=["vectors", "answer"], default="vectors")
p.add_argument("--results")
p.add_argument("--startup")
p.add_argument("--doc")
a = p.parse_args()
watch(a) if a.command == "watch" else report(a)
