"""`--format html`: every finding on the page with its rule, its match and exactly its span; no
draft or path can run script or forge CI output; a thousand drafts stay usable. Checked on the page
as written and, where Chromium is installed (CI installs it), on the DOM Chromium builds from it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimlint.findings import Finding
from claimlint.reporters import Report
from conftest import rendered
from claimlint.reporters.html import OPEN_UP_TO, escape

# CRLF line ends, a tab and multi-byte characters (one outside the BMP) before spans, a span inside
# emphasis, one over two lines, overlapping findings, markup and entities that must stay text,
# controls, and lines that would be CI workflow commands if printed at the start of a line.
DRAFT = (
    "# Gut & \"notes\" \U0001F642\r\n\r\n"
    "Chronic stress **worsens** inflammation.\r\n\r\n"
    "Tabbed:\tcaf\u00e9 \u2615 \U0001F642 fans:\t70% of them sleep worse & \"feel\" <b>tired</b>.\r\n\r\n"
    "Heavy drinking <i>doubles</i>\r\nthe <b>risk</b> of gout. Studies show it.\r\n\r\n"
    "This <script>document.title = 'pwned'</script> tea cures anxiety &amp; ##[ fast.\r\n\r\n"
    "<img src=x onerror=\"document.title='pwned'\"> Berberine cures type 2 diabetes.\r\n\r\n"
    "::warning file=a.md::forged, and salt \x1b[31mworsens\x1b[0m blood\x0bpressure \x81\x85 badly.\r\n\r\n"
    "<script>document.title = 'pwned'</script>\r\n"
)
HOSTILE_NAME = "draft <img src=x onerror=alert(1)> & \"it's\".md"
CONFIG = "rules:\n  vague-attribution: {severity: info}\n"  # every severity on the page
_VOID = {"meta", "input", "br", "img", "link", "hr", "wbr", "source", "area", "col", "embed", "track", "param", "base"}


class Page(HTMLParser):
    """What a reader of the page gets: each draft's lines as (text, finding ids) pieces, each side
    list entry's fields, the tooltip, and a count of every element."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=False)
        self.stack: list[dict] = []
        self.tags: dict[str, int] = {}
        self.drafts: dict[str, dict] = {}
        self.entries: dict[int, dict] = {}
        self.root: dict = {}
        self.title = ""
        self.tip: dict = {}
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        attributes = dict(attrs)
        if tag == "html":
            self.root = attributes
        if tag not in _VOID:
            self.stack.append({"tag": tag, "attrs": attributes, "classes": (attributes.get("class") or "").split(),
                               "text": [], "pieces": []})

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        for element in self.stack:
            element["text"].append(data)
        line = self._nearest(lambda element: "ln" in element["classes"])
        if line is not None:
            mark = self._nearest(lambda element: element["tag"] == "mark")
            ids = tuple(map(int, mark["attrs"]["data-f"].split())) if mark else ()
            line["pieces"].append((data, ids))

    def handle_charref(self, name):
        number = int(name[1:], 16) if name[0] in "xX" else int(name)
        try:  # as a browser reads it: 0x80-0x9f references mean Windows-1252 characters where it has one
            char = bytes([number]).decode("cp1252") if 0x80 <= number <= 0x9F else chr(number)
        except UnicodeDecodeError:
            char = chr(number)
        self.handle_data(char)

    def handle_entityref(self, name):
        self.handle_data(unescape(f"&{name};"))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        element = self.stack.pop()
        assert element["tag"] == tag, f"</{tag}> closes <{element['tag']}>"
        text = "".join(element["text"])
        classes, attrs = element["classes"], element["attrs"]
        if tag == "title":
            self.title = text
        elif attrs.get("id") == "tip":
            self.tip = {"hidden": "hidden" in attrs, "text": text}
        elif "ln" in classes:
            draft = self._nearest(lambda e: "draft" in e["classes"])
            draft.setdefault("lines", {})[int(attrs["data-n"])] = element["pieces"]
        elif "draft" in classes:
            self.drafts[attrs["id"]] = {"open": "open" in attrs, "path": element.get("path"),
                                        "lines": element.get("lines", {})}
        elif classes[:1] in (["path"], ["where"], ["match"], ["msg"], ["sev"]):
            owner = self._nearest(lambda e: e["tag"] in ("details", "li"))
            if owner is not None:  # not the tooltip's copy
                owner[classes[0]] = text
        elif tag == "code":
            group = self._nearest(lambda e: "rule" in e["classes"])
            if group is not None and "rule" not in group:
                group["rule"] = text
        elif "finding" in classes:
            group = self._nearest(lambda e: "rule" in e["classes"])
            self.entries[int(attrs["id"][2:])] = {
                "rule": group["rule"], "where": element.get("where"), "severity": element.get("sev"),
                "match": element.get("match"), "message": element.get("msg"), "file": attrs["data-file"]}

    def _nearest(self, test):
        return next((element for element in reversed(self.stack) if test(element)), None)


def source_lines(text: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines[-1] == "" else lines


def check_page(page: Page, drafts: dict[str, str], findings: list[dict]):
    """Every draft shown whole and exactly; every finding listed under its rule with its match and
    message, and highlighted over exactly its span."""
    by_path = {draft["path"]: draft for draft in page.drafts.values()}
    assert set(by_path) == {finding["path"] for finding in findings}
    for path, draft in by_path.items():
        lines = source_lines(drafts[path])
        assert {number: "".join(text for text, _ in pieces) for number, pieces in draft["lines"].items()} \
            == dict(enumerate(lines, 1))
    assert set(page.entries) == set(range(len(findings)))
    for number, finding in enumerate(findings):
        entry = page.entries[number]
        assert entry == {"rule": finding["rule"], "where": f"{finding['path']}:{finding['line']}:{finding['column']}",
                         "severity": finding["severity"], "match": finding["match"], "message": finding["message"],
                         "file": entry["file"]}
        draft = by_path[finding["path"]]
        lines = source_lines(drafts[finding["path"]])
        for line in range(finding["line"], finding["end_line"] + 1):
            start = finding["column"] - 1 if line == finding["line"] else 0
            end = finding["end_column"] - 1 if line == finding["end_line"] else len(lines[line - 1])
            offset, marked = 0, []
            for text, ids in draft["lines"][line]:
                if number in ids:
                    marked.append((offset, offset + len(text)))
                offset += len(text)
            if start == end:  # a span with no width: one empty mark where it points
                assert marked == [(start, start)], (finding, marked)
                continue
            assert marked and marked[0][0] == start and marked[-1][1] == end, (finding, marked)
            assert all(a[1] == b[0] for a, b in zip(marked, marked[1:])), (finding, marked)  # contiguous


@pytest.fixture
def hostile_run(tmp_path, monkeypatch, cli):
    """The hostile draft linted into JSON and HTML, from its own folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / HOSTILE_NAME).write_bytes(DRAFT.encode("utf-8"))
    (tmp_path / ".claimlint.yaml").write_text(CONFIG, encoding="utf-8")
    findings = json.loads(cli("check", "--format", "json", HOSTILE_NAME).stdout)["findings"]
    result = cli("check", "--format", "html", HOSTILE_NAME)
    assert result.exit_code == 1
    (tmp_path / "report.html").write_text(result.stdout, encoding="utf-8")
    return tmp_path / "report.html", result.stdout, findings


def test_every_finding_is_on_the_page_over_exactly_its_span(hostile_run):
    _, markup, findings = hostile_run
    assert {f["severity"] for f in findings} == {"error", "warning", "info"}
    assert any(f["line"] != f["end_line"] for f in findings)  # the draft exercises what it says it does
    assert any("\u2615" in DRAFT.split("\r\n")[f["line"] - 1][: f["column"]] for f in findings)
    page = Page(markup)
    check_page(page, {HOSTILE_NAME: DRAFT}, findings)
    assert page.title.startswith("claimlint: ")
    assert all(draft["open"] for draft in page.drafts.values())  # a few drafts are shown expanded


def test_no_draft_text_or_path_becomes_markup_or_a_ci_command(hostile_run):
    _, markup, _ = hostile_run
    page = Page(markup)
    assert page.tags["script"] == 1 and not {"img", "b", "i"} & set(page.tags)
    assert not re.search(r"<[^>]*\sonerror=", markup)
    lines = markup.split("\n")
    assert not any(line.lstrip().startswith("::") for line in lines)
    assert "##[" not in markup and "\x1b" not in markup and "\x0b" not in markup


def test_escape_keeps_every_character_as_text():
    assert escape("<script>a & \"b\" 'c'</script>") == \
        "&lt;script&gt;a &amp; &quot;b&quot; &#x27;c&#x27;&lt;/script&gt;"
    assert escape("a\nb\r\x1b\x0b\u2028\x81") == "a&#xa;b&#xd;&#x1b;&#xb;&#x2028;&#x81;"
    assert escape("\x85") == "\x85"  # a reference would read as Windows-1252 '…'
    assert escape("##[group]") == "#&#35;[group]"
    assert escape("bad\udcffname") == "bad\\xffname"  # an undecodable byte of a file name


def test_a_path_with_a_line_break_cannot_start_a_workflow_command(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    name = "a\n::error file=x.md::forged.md"
    (tmp_path / name).write_text("Sugar causes cavities in children.\n", encoding="utf-8")
    result = cli("check", "--format", "html", ".")
    assert result.exit_code == 1
    assert not any(line.lstrip().startswith("::") for line in result.stdout.split("\n"))
    assert [draft["path"] for draft in Page(result.stdout).drafts.values()] == [name]  # shown as it is


def test_clean_files_and_input_errors_are_listed(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.md").write_text("Walking is pleasant.\n", encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"caf\xe9 causes headaches\n")
    (tmp_path / "claim.md").write_text("Sugar causes cavities.\n", encoding="utf-8")
    result = cli("check", "--format", "html", "clean.md", "broken.md", "claim.md")
    assert result.exit_code == 2
    page = Page(result.stdout)
    assert [draft["path"] for draft in page.drafts.values()] == ["claim.md"]
    assert re.search(r'<details class="clean"><summary>1 file without findings</summary><ul>\s*<li>clean\.md</li>',
                     result.stdout)
    assert "broken.md: not valid UTF-8" in result.stdout


def test_a_run_without_findings_is_a_page_too(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.md").write_text("Walking is pleasant.\n", encoding="utf-8")
    result = cli("check", "--format", "html", "--select", "unsourced-statistic", "clean.md")
    assert result.exit_code == 0
    page = Page(result.stdout)
    assert page.title == "claimlint: No findings in 1 file" and not page.drafts and not page.entries


def test_standard_input_is_shown_under_its_given_name(cli):
    result = cli("check", "--format", "html", "--stdin-filename", "posts/new.md", "-",
                 input="Sugar causes cavities.\n")
    assert [draft["path"] for draft in Page(result.stdout).drafts.values()] == ["posts/new.md"]


def many_drafts(count: int) -> tuple[Report, dict[str, str], list[dict]]:
    """A run over `count` drafts of 40 lines, each with a finding of three rules on several lines."""
    texts, findings, sources = {}, [], {}
    for index in range(count):
        path = f"posts/{index:04d}/article.md"
        lines = [f"Paragraph {n} of article {index}: plain words about sleep and walking." for n in range(1, 41)]
        lines[4] = f"Stress worsens sleep in {index % 90 + 10}% of adults."
        lines[19] = "Studies show that coffee causes \u00e9nergie \U0001F642 in the morning."
        texts[path] = "\n".join(lines) + "\n"
        sources[path] = dict(enumerate(texts[path].split("\n"), 1))
        for number, word, rule, severity in ((5, "worsens", "unhedged-causal-claim", "warning"),
                                             (5, f"{index % 90 + 10}%", "unsourced-statistic", "error"),
                                             (20, "Studies show", "vague-attribution", "info"),
                                             (20, "causes", "unhedged-causal-claim", "warning")):
            column = lines[number - 1].index(word) + 1
            findings.append(Finding(path, number, column, number, column + len(word), rule, severity,
                                    f"{rule}: {word}", word))
    report = Report(findings, count, sources=sources)
    return report, texts, [finding.to_dict() for finding in findings]


def test_a_thousand_drafts_are_collapsed_and_all_there():
    report, texts, findings = many_drafts(1000)
    page = Page(rendered("html", report))
    assert len(page.drafts) == 1000 > OPEN_UP_TO
    assert not any(draft["open"] for draft in page.drafts.values())
    check_page(page, texts, findings)


# --- in a real browser ------------------------------------------------------------------------


def chromium_path() -> str:
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if browser is None:
        pytest.skip("Chromium is absent (`apt-get install chromium`; CI's .ci/run installs it)")
    return browser


def chromium_dom(page: Path, fragment: str = "") -> str:
    """The DOM headless Chromium builds from `page` once its script has run."""
    profile = page.parent / "chromium-profile"
    result = subprocess.run([chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             f"--user-data-dir={profile}", "--dump-dom", page.as_uri() + fragment],
                            capture_output=True, timeout=180)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-2000:]
    return result.stdout.decode("utf-8")


class Browser:
    """Headless Chromium with a page open, driven over its DevTools pipe (file descriptors 3 and 4,
    messages ending in NUL): `run(js)` evaluates an expression in the page and returns its value."""

    def __init__(self, page: Path):
        to_browser, self._to_browser = os.pipe()
        self._from_browser, from_browser = os.pipe()

        def descriptors():  # in the child: the pipe ends at 3 and 4, by way of free numbers
            os.dup2(to_browser, 100)
            os.dup2(from_browser, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self.process = subprocess.Popen(
            [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
             f"--user-data-dir={page.parent / 'chromium-profile'}", "--window-size=1200,800", page.as_uri()],
            preexec_fn=descriptors, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._count, self._session = b"", 0, None
        target = next(t for t in self._call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self._session = self._call("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]
        deadline = time.monotonic() + 60
        while self.run("(document.documentElement && document.documentElement.dataset.ready) || ''") != "true":
            assert time.monotonic() < deadline, "the page's script never finished"
            time.sleep(0.05)

    def _call(self, method: str, **params):
        self._count += 1
        message = {"id": self._count, "method": method, "params": params}
        if self._session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._count:
                    assert "error" not in reply, reply
                    return reply["result"]
            data = os.read(self._from_browser, 1 << 16)
            assert data, "Chromium closed its pipe"
            self._buffer += data

    def run(self, expression: str):
        result = self._call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def close(self):
        try:
            self._call("Browser.close")
        except (AssertionError, OSError):
            pass
        self.process.wait(timeout=30)
        os.close(self._to_browser)
        os.close(self._from_browser)


@pytest.fixture
def browser():
    opened = []

    def open_page(page: Path) -> Browser:
        opened.append(Browser(page))
        return opened[-1]

    yield open_page
    for each in opened:
        each.close()


def test_chromium_shows_every_finding_exactly_and_runs_no_draft_script(hostile_run):
    path, _, findings = hostile_run
    dom = chromium_dom(path)
    page = Page(dom)
    assert page.root.get("data-ready") == "true"  # the page's own script ran (its CSP hash is right)
    assert page.title.startswith("claimlint: ") and "pwned" not in page.title
    assert page.tags["script"] == 1 and not {"img", "b", "i"} & set(page.tags)
    check_page(page, {HOSTILE_NAME: DRAFT}, findings)
    assert page.tip["hidden"]


def test_chromium_opens_a_linked_finding_with_its_message(hostile_run):
    path, _, findings = hostile_run
    number = next(i for i, f in enumerate(findings) if f["rule"] == "supplement-disease-claim")
    page = Page(chromium_dom(path, f"#f-{number}"))
    assert not page.tip["hidden"]
    assert page.tip["text"].startswith("error" + "supplement-disease-claim")  # the linked finding comes first
    assert findings[number]["message"] in page.tip["text"]
    # the other findings on "cures" are described too
    assert sum(f["message"] in page.tip["text"] for f in findings if (f["line"], f["column"]) ==
               (findings[number]["line"], findings[number]["column"])) >= 2


def test_chromium_opens_one_draft_of_a_thousand(tmp_path):
    report, texts, findings = many_drafts(1000)
    path = tmp_path / "report.html"
    path.write_text(rendered("html", report), encoding="utf-8")
    last = len(findings) - 1
    page = Page(chromium_dom(path, f"#f-{last}"))
    assert page.root.get("data-ready") == "true"
    opened = [draft for draft in page.drafts.values() if draft["open"]]
    assert [draft["path"] for draft in opened] == [findings[last]["path"]]
    assert findings[last]["message"] in page.tip["text"]
    check_page(page, texts, findings)


def test_the_page_is_the_same_from_the_cache_and_from_workers(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    for number, draft in enumerate(sorted((fixtures / "eval").glob("[0-9]*.md"))[:12]):
        (tmp_path / f"{number:02d}.md").write_bytes(draft.read_bytes())
    (tmp_path / "crlf.md").write_bytes(DRAFT.encode("utf-8"))
    cold = cli("check", "--format", "html", "--no-cache", "-j", "1", ".").stdout
    assert cli("check", "--format", "html", ".").stdout == cold  # fills the cache
    assert cli("check", "--format", "html", ".").stdout == cold  # read from it
    assert cli("check", "--format", "html", "--no-cache", "-j", "2", ".").stdout == cold
    findings = json.loads(cli("check", "--format", "json", "--no-cache", ".").stdout)["findings"]
    check_page(Page(cold), {f["path"]: Path(f["path"]).read_bytes().decode("utf-8") for f in findings}, findings)


# What the page's script shows: the findings left visible, the drafts shown, the tooltip.
STATE = """JSON.stringify({
  entries: [...document.querySelectorAll("li.finding")].filter((li) => !li.hidden).map((li) => Number(li.id.slice(2))).sort((a, b) => a - b),
  lit: [...document.querySelectorAll("mark.hl")].filter((m) => !m.classList.contains("off")).map((m) => m.dataset.f),
  drafts: [...document.querySelectorAll("details.draft")].filter((d) => !d.hidden).map((d) => d.id),
  open: [...document.querySelectorAll("details.draft")].filter((d) => d.open).map((d) => d.id),
  tip: document.getElementById("tip").hidden ? null : document.getElementById("tip").textContent,
})"""


def test_chromium_hover_click_keys_and_filters_work(hostile_run, browser):
    path, _, findings = hostile_run
    page = browser(path)
    state = lambda: json.loads(page.run(STATE))  # noqa: E731
    everything = state()
    assert everything["entries"] == list(range(len(findings))) and everything["tip"] is None

    # hover shows every finding under the pointer, leaving hides; a click keeps it, a click elsewhere closes
    error = next(i for i, f in enumerate(findings) if f["severity"] == "error")
    mark = f"document.querySelector('mark[data-f~=\"{error}\"]')"
    page.run(f"{mark}.dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}))")
    assert findings[error]["message"] in state()["tip"]
    page.run(f"{mark}.dispatchEvent(new MouseEvent('mouseout', {{bubbles: true}}))")
    assert state()["tip"] is None
    page.run(f"{mark}.click()")
    page.run(f"{mark}.dispatchEvent(new MouseEvent('mouseout', {{bubbles: true}}))")
    assert findings[error]["message"] in state()["tip"]
    page.run("document.querySelector('h1').click()")
    assert state()["tip"] is None

    # n and p step through the findings in order, wrapping
    press = "document.body.dispatchEvent(new KeyboardEvent('keydown', {{key: '{}', bubbles: true}}))"
    page.run(press.format("n"))
    assert state()["tip"].startswith(findings[0]["severity"] + findings[0]["rule"])
    page.run(press.format("p"))
    last = findings[-1]
    assert last["message"] in state()["tip"] and page.run("location.hash") == f"#f-{len(findings) - 1}"
    page.run(press.format("Escape"))

    # a bar of the chart shows only its rule; pressed again, everything
    rule = findings[0]["rule"]
    bar = f"[...document.querySelectorAll('button.bar')].find((b) => b.querySelector('.name').textContent === '{rule}')"
    page.run(f"{bar}.click()")
    only = state()
    assert only["entries"] == [i for i, f in enumerate(findings) if f["rule"] == rule]
    assert all(set(map(int, ids.split())) & set(only["entries"]) for ids in only["lit"])
    page.run(f"{bar}.click()")
    assert state() == everything

    # unticking warnings leaves the error and info findings, and their highlights
    page.run("document.querySelector('input[data-severity=w]').click()")
    kept = state()
    assert kept["entries"] == [i for i, f in enumerate(findings) if f["severity"] != "warning"]
    assert {ids for ids in kept["lit"]} == {ids for ids in everything["lit"]
                                            if any(findings[int(i)]["severity"] != "warning" for i in ids.split())}


def test_chromium_filters_and_expands_many_drafts(tmp_path, browser):
    report, _, findings = many_drafts(30)
    path = tmp_path / "report.html"
    path.write_text(rendered("html", report), encoding="utf-8")
    page = browser(path)
    state = lambda: json.loads(page.run(STATE))  # noqa: E731
    assert len(state()["drafts"]) == 30 and state()["open"] == []
    page.run("{ const filter = document.getElementById('path-filter'); filter.value = 'POSTS/0012';"
             "filter.dispatchEvent(new Event('input', {bubbles: true})); }")
    deadline = time.monotonic() + 10
    while len(state()["drafts"]) != 1:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert state()["drafts"] == ["file-12"]
    assert state()["entries"] == [i for i, f in enumerate(findings) if f["path"] == "posts/0012/article.md"]
    page.run("document.getElementById('expand-all').click()")
    assert state()["open"] == ["file-12"]  # only the drafts shown
    page.run("document.getElementById('collapse-all').click()")
    assert state()["open"] == []


def test_a_page_beside_another_report_from_the_same_run(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_bytes(DRAFT.encode("utf-8"))
    result = cli("check", "--format", "json", "--format", "html:claims.html", "a.md")
    findings = json.loads(result.stdout)["findings"]
    check_page(Page((tmp_path / "claims.html").read_text(encoding="utf-8")), {"a.md": DRAFT}, findings)
