"""The web page in a real browser: Debian's chromium driven by Playwright, as a person would use it.

Asking with a streamed answer whose [n] link to tweet cards, a follow-up and starting over, the filters,
the timeline drawn and clicked, a hostile tweet shown as text with no script run, an Ollama that is down
and contradictory dates each shown as a one-line message, an archive uploaded and indexed with a progress
bar, and the Stop button (and Esc) ending a streaming answer and the server's request to the model. The
server is `scripts/serve.py` over an index built by `scripts/build_index.py`, with the Ollama stand-in; the
page's Content-Security-Policy stays on (Playwright is not allowed to bypass it).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, expect, sync_playwright

from devtools.scripts_runner import standin_env
from devtools.serve_runner import WebServer
from tests.integration.held_chat import MODEL as HELD_MODEL
from tests.integration.held_chat import HeldChat
from tests.integration.web_support import IMG_TWEET, SAMPLE, SCRIPT_TWEET, zip_archive
from tests.standin_fixture import StandinFactory

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no chromium at {CHROMIUM}: apt-get install -y chromium (or set CHROMIUM=/path/to/it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, errors


def ask_bodies(page: Page) -> list[dict[str, Any]]:
    """Record the JSON body of every question the page sends."""
    bodies: list[dict[str, Any]] = []

    def record(request: Request) -> None:
        if request.url.endswith("/api/ask") and request.method == "POST":
            bodies.append(json.loads(request.post_data or "{}"))

    page.on("request", record)
    return bodies


def ask(page: Page, question: str) -> None:
    """Type a question, press the button and wait for the whole answer."""
    turns = page.locator(".turn").count()
    page.get_by_test_id("question").fill(question)
    page.get_by_test_id("ask").click()
    expect(page.locator(".turn")).to_have_count(turns + 1)
    expect(page.locator(".a.streaming")).to_have_count(0)


# Records every text the last answer shows, as the page changes (an init script runs despite the CSP).
RECORD_ANSWERS = """
window.__answers = [];
new MutationObserver(() => {
  const answers = document.querySelectorAll('[data-testid="answer"]');
  const text = answers.length ? answers[answers.length - 1].textContent : '';
  if (text && window.__answers[window.__answers.length - 1] !== text) window.__answers.push(text);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def test_ask_streams_the_answer_and_links_citations_to_cards(page: Page, web_server: WebServer) -> None:
    page.add_init_script(RECORD_ANSWERS)
    page.goto(web_server.url)
    ask(page, "what did I say about cycling in Lisbon?")
    answer = page.get_by_test_id("answer").last
    final = answer.text_content() or ""
    shown: list[str] = page.evaluate("() => window.__answers")
    assert len(shown) >= 3, shown  # the answer grew piece by piece as it streamed
    assert shown[-1] == final and all(final.startswith(text) for text in shown)
    citation = answer.locator("a.cite").first
    expect(citation).to_be_visible()
    target = citation.get_attribute("href")
    assert target and target.startswith("#")
    citation.click()
    card = page.locator(target)
    expect(card).to_be_in_viewport()
    cards = page.get_by_test_id("source")
    assert cards.count() >= 1
    for number in range(cards.count()):
        link = cards.nth(number).get_by_test_id("tweet-link").first
        assert (link.get_attribute("href") or "").startswith("https://x.com/")
    expect(page.locator('.card[data-cited="true"]').first).to_be_visible()


def test_a_follow_up_sends_the_history_and_start_over_clears_it(page: Page, web_server: WebServer) -> None:
    bodies = ask_bodies(page)
    page.goto(web_server.url)
    ask(page, "what did I say about sourdough?")
    ask(page, "and in Lisbon?")
    expect(page.get_by_test_id("answer")).to_have_count(2)
    assert "chat_history" not in bodies[0]
    history = bodies[1]["chat_history"]
    assert history[0] == ["human", "what did I say about sourdough?"] and history[1][0] == "ai"
    assert history[1][1] == page.get_by_test_id("answer").first.inner_text()
    page.get_by_test_id("start-over").click()
    expect(page.get_by_test_id("answer")).to_have_count(0)
    ask(page, "what did I say about bikes?")
    assert "chat_history" not in bodies[2]


def test_filters_reach_the_search(page: Page, web_server: WebServer) -> None:
    bodies = ask_bodies(page)
    page.goto(web_server.url)
    page.get_by_test_id("no-retweets").check()
    page.get_by_test_id("no-replies").check()
    ask(page, "retweet about cycling to work")
    assert bodies[-1]["retweets"] == "exclude" and bodies[-1]["replies"] == "exclude"
    kinds = page.get_by_test_id("source").evaluate_all("cards => cards.map(card => card.dataset.kind)")
    assert kinds and not set(kinds) & {"retweet", "reply"}
    page.get_by_test_id("since").fill("2021")
    page.get_by_test_id("until").fill("2021")
    ask(page, "what did I say about Lisbon?")
    assert bodies[-1]["since"] == "2021" and bodies[-1]["until"] == "2021"
    dates = (
        page.locator(".turn")
        .last.locator(".card time")
        .evaluate_all("times => times.map(time => time.getAttribute('datetime'))")
    )
    assert dates and all(date.startswith("2021-") for date in dates)


def test_contradictory_dates_are_one_line_saying_what_to_do(page: Page, web_server: WebServer) -> None:
    page.goto(web_server.url)
    page.get_by_test_id("since").fill("2024")
    page.get_by_test_id("until").fill("2019")
    ask(page, "what did I say about sourdough?")
    error = page.get_by_test_id("error")
    expect(error).to_have_text(
        '"since" 2024 is after "until" 2019, so no tweet can match both: swap them, or drop one of them'
    )
    page.get_by_test_id("since").fill("2020")
    page.get_by_test_id("until").fill("")
    ask(page, "what did I say about sourdough in 2015?")
    expect(error).to_have_text(
        'the question asks about "in 2015" (2015-01-01 to 2015-12-31), outside the date filter (from '
        "2020-01-01 on): widen or drop the filter (--since/--until, or From/Until in the page), or ask about "
        "a date inside it"
    )
    expect(page.get_by_test_id("answer").last).to_have_text("No answer.")
    assert page.get_by_test_id("source").count() == 0 and "Traceback" not in page.content()


def test_the_timeline_is_drawn_and_a_click_asks_within_a_period(page: Page, web_server: WebServer) -> None:
    bodies = ask_bodies(page)
    page.goto(web_server.url)
    page.get_by_role("radio", name="per year").check()
    ask(page, "sourdough starter bread")
    timeline = page.get_by_test_id("timeline")
    bars = timeline.get_by_test_id("timeline-bar")
    expect(bars.first).to_be_visible()
    counts = bars.evaluate_all("bars => bars.map(bar => [bar.dataset.period, Number(bar.dataset.count)])")
    assert sum(count for _, count in counts) > 0
    assert [int(period) for period, _ in counts] == list(range(int(counts[0][0]), int(counts[-1][0]) + 1))
    period, _ = max(counts, key=lambda pair: pair[1])
    timeline.locator(f'[data-period="{period}"]').click()
    expect(page.locator(".turn")).to_have_count(2)
    expect(page.locator(".a.streaming")).to_have_count(0)
    assert bodies[-1]["since"] == period and bodies[-1]["until"] == period
    assert bodies[-1]["question"] == "sourdough starter bread"
    dates = (
        page.locator(".turn")
        .last.locator(".card time")
        .evaluate_all("times => times.map(time => time.getAttribute('datetime'))")
    )
    assert dates and all(date.startswith(period) for date in dates)


def test_a_hostile_tweet_is_shown_as_text_and_runs_nothing(page: Page, web_server: WebServer) -> None:
    page.goto(web_server.url)
    ask(page, "blog sanitizer test script img")
    texts = page.get_by_test_id("source").locator(".text").all_text_contents()
    assert SCRIPT_TWEET in texts and IMG_TWEET in texts
    assert page.get_by_test_id("source").locator("script, img").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_ollama_down_is_shown_as_one_line(page: Page, web_env: dict[str, str]) -> None:
    env = {**web_env, "OLLAMA_BASE_URL": "http://127.0.0.1:9", "MAX_RETRIES": "0", "REQUEST_TIMEOUT": "5"}
    server = WebServer(env)
    try:
        page.goto(server.url)
        ask(page, "what did I say about cycling?")
        error = page.get_by_test_id("error")
        expect(error).to_be_visible()
        expect(error).to_contain_text("no Ollama server answered")
        assert "\n" not in error.inner_text() and "Traceback" not in page.content()
    finally:
        server.stop()


def test_an_uploaded_archive_is_indexed_with_progress(
    page: Page, standin_shared: StandinFactory, tmp_path: Path
) -> None:
    standin = standin_shared("hash", latency_ms=300)  # ~1.5 s of embedding: several 400 ms polls
    env = standin_env(standin.url, tmp_path / "chroma", CHAT_MODEL="extractive", EMBED_BATCH_SIZE="8")
    archive = zip_archive(SAMPLE, tmp_path / "twitter-archive.zip")
    server = WebServer(env)
    try:
        page.goto(server.url)
        status = page.get_by_test_id("status")
        expect(status).to_have_attribute("data-state", "missing")
        expect(status).to_contain_text("no index")
        page.get_by_test_id("archive-file").set_input_files(archive)
        page.get_by_test_id("upload").click()
        progress = page.get_by_test_id("index-progress")
        expect(progress).to_be_visible()
        expect(page.get_by_test_id("index-message")).to_contain_text("embedding tweets: ", timeout=60_000)
        fraction = float(progress.get_attribute("value") or 0)
        assert 0 <= fraction <= 1
        expect(status).to_have_attribute("data-state", "ready", timeout=120_000)
        expect(page.get_by_test_id("index-message")).to_contain_text("indexed")
        expect(progress).to_have_attribute("value", "1")
        expect(status).to_contain_text("@tessa_demo")
        ask(page, "what did I say about cycling in Lisbon?")
        expect(page.get_by_test_id("source").first).to_be_visible()
        assert (tmp_path / "uploads").is_dir() and not list((tmp_path / "uploads").iterdir())
    finally:
        server.stop()


def test_page_times_are_iso_dates(page: Page, web_server: WebServer) -> None:
    page.goto(web_server.url)
    ask(page, "sourdough")
    for value in page.locator(".card time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))"):
        assert datetime.fromisoformat(value).tzinfo == UTC


def test_a_server_bound_beyond_loopback_says_so(page: Page, web_env: dict[str, str]) -> None:
    server = WebServer(web_env, "--host", "0.0.0.0")
    try:
        assert "warning: this page is served on 0.0.0.0" in server.output()
        page.goto(f"http://127.0.0.1:{server.port}/")
        warning = page.locator("#host-warning")
        expect(warning).to_be_visible()
        expect(warning).to_contain_text("anyone who can reach it can read your tweets")
    finally:
        server.stop()


def test_a_thread_card_shows_its_tweets_in_order(page: Page, web_server: WebServer) -> None:
    page.goto(web_server.url)
    ask(page, "I rode from Lisbon to Porto along the coast on the EuroVelo 1")
    thread = page.locator('[data-testid="source"][data-kind="thread"]').first
    expect(thread).to_be_attached()
    links = thread.locator("ol.thread > li").get_by_test_id("tweet-link")
    ids = [int((href or "").rsplit("/", 1)[1]) for href in links.evaluate_all("a => a.map(l => l.href)")]
    assert len(ids) >= 2 and ids == sorted(ids)  # snowflake ids grow with time: first tweet first
    numbers = thread.locator("ol.thread > li").evaluate_all("items => items.map(item => item.id)")
    assert all(number.startswith("t1-n") for number in numbers)  # each tweet is a citation target


def test_stop_ends_the_streaming_answer_and_its_model_request(page: Page, web_env: dict[str, str]) -> None:
    held = HeldChat(pieces=200, piece_seconds=0.3)  # a minute of answer, a piece every 0.3 s
    env = {**web_env, "OLLAMA_BASE_URL": held.url, "EMBED_HOSTS": web_env["OLLAMA_BASE_URL"]}
    server = WebServer({**env, "CHAT_MODEL": HELD_MODEL})
    bodies = ask_bodies(page)
    try:
        page.goto(server.url)
        stop = page.get_by_test_id("stop")
        expect(stop).to_be_hidden()
        page.get_by_test_id("question").fill("what did I say about cycling in Lisbon?")
        page.get_by_test_id("ask").click()
        answer = page.get_by_test_id("answer").last
        expect(answer).to_contain_text("Belém")  # streaming
        expect(stop).to_be_visible()
        stop.click()
        stopped_at = time.monotonic()
        expect(page.get_by_test_id("stopped")).to_be_visible()
        expect(stop).to_be_hidden()
        expect(page.get_by_test_id("ask")).to_be_enabled()
        expect(page.locator(".a.streaming")).to_have_count(0)
        assert held.wait_for(held.gone, 1, 5), "the server kept asking the model"
        assert held.gone[0] - stopped_at < 2
        shown = answer.text_content()
        page.wait_for_timeout(1000)
        assert answer.text_content() == shown and "Belém" in (shown or "")  # kept, and nothing more came
        expect(page.get_by_test_id("error")).to_be_hidden()

        page.get_by_test_id("question").fill("and what about sourdough?")  # Esc stops an answer too
        page.get_by_test_id("ask").click()
        expect(page.get_by_test_id("answer").last).to_contain_text("Belém")
        page.keyboard.press("Escape")
        expect(page.get_by_test_id("stopped")).to_have_count(2)
        expect(page.get_by_test_id("stopped").last).to_be_visible()
        assert held.wait_for(held.gone, 2, 5)
        assert "chat_history" not in bodies[1]  # a stopped answer is not part of the conversation
        assert len(held.arrived) == 2
    finally:
        server.stop()
        held.stop()
    assert "Traceback" not in server.output(), server.output()
