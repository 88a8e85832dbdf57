"""Benchmark: the voter page of the Aix report, its transferred size and its recompute time.

Size: the voter page's HTML, its two scripts (civicquest-match.js, voter.js) and the stylesheet,
each gzip-compressed (level 6, as a static host serves them), against the 150 KB budget.

Time: in headless Chromium (Debian's chromium + chromedriver, Selenium), after the page has
loaded, one answer changed then every published method recomputed for every list
(``CivicquestVoter.compute``), and the same followed by rendering the results
(``CivicquestVoter.update``), each timed with performance.now() over many runs: median and p95
against the 5 ms budget. Baseline in the same page: a loop of empty function calls of the same
count, for the ratio. (Chromium coarsens performance.now() to 0.1 ms or less; each sample is
a batch of runs divided by the batch size.)

Run:  .venv/bin/python benchmarks/bench_voter_page.py [--runs N]
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import civicquest

SIZE_BUDGET = 150 * 1024
TIME_BUDGET_MS = 5.0
PARTS = ("fr/voter.html", "static/civicquest-match.js", "static/voter.js", "static/report.css")

MEASURE = """
var runs = arguments[0], samples = {compute: [], update: [], empty: []};
var tables = JSON.parse(document.getElementById('cq-voter-data').textContent).tables;
var questions = tables.questions, n = questions.length, levels = [], important = [];
for (var q = 0; q < n; q++) {
  levels.push(q % questions[q].codes.length);
  important.push(q % 5 == 0);
}
var voter = {levels: levels, important: important};
function nothing() {}
function compute() { CivicquestVoter.compute(voter); }
function update() { CivicquestVoter.set(levels, important); }
function time(f, batch) {  // one answer changed, then f, batch times
  var start = performance.now();
  for (var b = 0; b < batch; b++) {
    levels[b % n] = (levels[b % n] + 1) % questions[b % n].codes.length;
    f();
  }
  return (performance.now() - start) / batch;
}
update();
for (var r = 0; r < runs; r++) {
  samples.compute.push(time(compute, 200));
  samples.update.push(time(update, 20));
  samples.empty.push(time(nothing, 100000));
}
return samples;
"""


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    project = civicquest.load_project(civicquest.example_path("aix2026"))
    files = civicquest.export(project, "report", results=civicquest.score(project))
    assert isinstance(files, dict)
    sizes = {part: len(gzip.compress(files[part], 6)) for part in PARTS}
    total = sum(sizes.values())
    for part, size in sizes.items():
        print(f"{part:32} {len(files[part]):>8} B  gzip {size:>7} B")
    print(f"transferred (gzip): {total / 1024:.1f} KB of {SIZE_BUDGET // 1024} KB budget "
          f"({total / SIZE_BUDGET:.0%})")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        for path, content in files.items():
            target = Path(folder) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            driver.get((Path(folder) / "fr" / "voter.html").as_uri())
            samples = driver.execute_script(MEASURE, args.runs)
        finally:
            driver.quit()
    lists = len(civicquest.matching_tables(project).lists)
    empty = _quantile(samples["empty"], 0.5)
    for name, label in (("compute", "compute all lists"), ("update", "compute + render")):
        median, p95 = _quantile(samples[name], 0.5), _quantile(samples[name], 0.95)
        ratio = median / empty if empty > 0 else float("inf")
        print(
            f"{label:18} ({lists} lists): median {median:.4f} ms, p95 {p95:.4f} ms "
            f"(budget {TIME_BUDGET_MS} ms; {ratio:,.0f}x empty loop, {empty * 1e6:.1f} ns a turn)"
        )


if __name__ == "__main__":
    main()
