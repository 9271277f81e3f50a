"""The corpus report in headless Chromium: network and timelines drawn, tables sortable and
filterable, rows linked to the evidence sentence in the document page."""
import re
import shutil
import subprocess

import pytest

from dignitary.records import build_records
from dignitary.records.report import corpus_html, write_reports

from tests.records.annotate import annotate


def _docs():
    a = annotate("a", "QUITO, March 4, 2025 - President Ana Ruiz met with Li Wei and Omar Diaz in Quito on Monday.",
                 [("President", "TITLE"), ("Ana Ruiz", "PER"), ("Li Wei", "PER"), ("Omar Diaz", "PER"),
                  ("Quito", "GPE")], [(2, 1, "has_title"), (2, 3, "met"), (2, 4, "met")])
    b = annotate("b", "LIMA, May 2, 2024 - Minister Zoe Kahn held talks with Li Wei.\nZoe Kahn left.",
                 [("Minister", "TITLE"), ("Zoe Kahn", "PER"), ("Li Wei", "PER"), ("Zoe Kahn", "PER")],
                 [(2, 1, "has_title")])
    return [a, b]


def test_corpus_page_draws_the_network_and_timelines():
    docs = _docs()
    html = corpus_html(docs, build_records(docs))
    network = re.search(r'<svg class="network".*?</svg>', html).group(0)
    assert network.count("<circle") == 4 and network.count("<line") == 4  # three met together, and a pair
    for name in ("Ana Ruiz", "Li Wei", "Omar Diaz", "Zoe Kahn"):
        assert name in network
    timeline = re.search(r'<svg class="timeline".*?</svg>', html).group(0)
    assert "2024-05-02" in timeline and timeline.count("<circle") == 2
    offices = re.search(r'<svg class="offices".*?</svg>', html).group(0)
    assert "Ana Ruiz: President" in offices and "Zoe Kahn: Minister" in offices
    assert 'href="docs/a.html#s0"' in html


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run(args, tmp_path):
    return subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--no-first-run", f"--user-data-dir={tmp_path / 'ud'}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(_chromium() is None, reason="needs Chromium (apt-get install chromium)")
def test_report_in_headless_chromium(tmp_path):
    docs = _docs()
    index = write_reports(docs, build_records(docs), tmp_path)
    # click the "date" header of the meetings table twice and filter the positions table, then read the page
    probe = tmp_path / "probe.html"
    probe.write_text(index.read_text(encoding="utf-8").replace("</body>", """<script>
var th=[...document.querySelectorAll('#t-events th')].find(x=>x.innerText=='date');th.click();th.click();
var inp=document.querySelector('input[data-table="t-positions"]');
inp.value='kahn';inp.dispatchEvent(new Event('input'));
var shown=[...document.querySelectorAll('#t-positions tbody tr')].filter(r=>r.style.display!='none').length;
document.body.setAttribute('data-probe',
  [...document.querySelectorAll('#t-events tbody tr')].map(r=>r.cells[1].innerText).join(',')+'|'+shown);
</script></body>"""), encoding="utf-8")
    dom = _run(["--dump-dom", probe.as_uri()], tmp_path).stdout
    assert 'data-probe="2025-03-03,2024-05-02|1"' in dom
    assert '<svg class="network"' in dom and "Omar Diaz" in dom
    page = _run(["--dump-dom", (tmp_path / "docs" / "a.html").as_uri()], tmp_path).stdout
    assert '<span class="ev" id="s0">' in page and '<mark class="PER"' in page
    shot = tmp_path / "index.png"
    _run([f"--screenshot={shot}", "--window-size=1200,1600", index.as_uri()], tmp_path)
    assert shot.exists() and shot.stat().st_size > 10_000


def test_an_event_links_every_report_of_it():
    a = annotate("a", "QUITO, March 4, 2025 - Ana Ruiz met Li Wei on Monday.", [("Ana Ruiz", "PER"), ("Li Wei", "PER")],
                 [(1, 2, "met")])
    b = annotate("b", "LIMA, March 5, 2025 - Li Wei met Ana Ruiz on March 3.", [("Li Wei", "PER"), ("Ana Ruiz", "PER")],
                 [(1, 2, "met")])
    html = corpus_html([a, b], build_records([a, b]))
    row = re.search(r'<table id="t-events".*?</table>', html).group(0)
    assert '<a href="docs/a.html#s0">a</a> <a href="docs/b.html#s0">b</a>' in row
