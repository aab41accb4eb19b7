"""The web server's HTTP API over a real index and the Ollama stand-in: `scripts/serve.py` in a subprocess.

Asking (SSE and NDJSON events in order, filters applied), 20 questions at once, the Host and Origin checks,
bad bodies answered with 400 and a one-line message, the security headers, the status and the timeline,
an Ollama that is down reported as one line, and clients that leave (answering or queued) stopping their
answer and its request to the model at once.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from devtools.serve_runner import WebServer
from rag.indexing.store import find_collection, make_client, mark_indexed, open_collection, writer_lock
from rag.settings import Settings
from tests.integration.held_chat import MODEL as HELD_MODEL
from tests.integration.held_chat import HeldChat
from tests.integration.web_support import SCRIPT_TWEET, add_tweet, ask_events, index_archive
from tests.standin_fixture import StandinFactory
from tweet_rag.web.app import ANSWERS_AT_ONCE
from tweet_rag.web.service import WebService, parse_ask

pytestmark = pytest.mark.slow


def events_of(server: WebServer, body: Any, **options: Any) -> list[dict[str, Any]]:
    return list(ask_events(server.url, body, **options))


def by_name(events: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [event for event in events if event["event"] == name]


def test_ask_streams_questions_answer_pieces_then_sources(web_server: WebServer) -> None:
    events = events_of(web_server, {"question": "what did I say about cycling in Lisbon?"})
    names = [event["event"] for event in events]
    assert names[0] == "question"
    assert names[-2:] == ["sources", "done"]
    assert set(names[1:-2]) == {"answer"} and len(names) - 3 >= 2, names
    assert events[0]["standalone_question"] == "what did I say about cycling in Lisbon?"
    answer = "".join(event["text"] for event in by_name(events, "answer"))
    result = by_name(events, "sources")[0]
    assert result["abstained"] is False
    assert result["context"] and result["sources"]
    cited = {tweet["number"] for tweet in result["sources"]}
    assert all(f"[{number}]" in answer for number in cited)
    for tweet in result["context"]:
        assert tweet["url"].startswith("https://x.com/") and tweet["url"].endswith(tweet["tweet_id"])
    card_tweets = [tweet["number"] for card in result["cards"] for tweet in card["tweets"]]
    assert sorted(card_tweets) == sorted(tweet["number"] for tweet in result["context"])


def test_ndjson_gives_the_same_events(web_server: WebServer) -> None:
    events = events_of(web_server, {"question": "sourdough starter"}, ndjson=True)
    assert events[0]["event"] == "question"
    assert by_name(events, "sources") and by_name(events, "answer")


def test_filters_apply_to_every_retrieved_tweet(web_server: WebServer) -> None:
    body = {"question": "retweet about cycling", "retweets": False, "replies": "exclude"}
    context = by_name(events_of(web_server, body), "sources")[0]["context"]
    assert context and all(tweet["kind"] not in {"retweet", "reply"} for tweet in context)
    body = {"question": "sourdough bread", "since": "2021", "until": "2022-06"}
    context = by_name(events_of(web_server, body), "sources")[0]["context"]
    start, end = datetime(2021, 1, 1, tzinfo=UTC), datetime(2022, 7, 1, tzinfo=UTC)
    assert context and all(start <= datetime.fromisoformat(t["created_at"]) < end for t in context)


def test_follow_up_uses_the_history(web_server: WebServer) -> None:
    history = [["human", "what did I say about sourdough?"], ["ai", "You fed the starter [1]."]]
    events = events_of(web_server, {"question": "and in Lisbon?", "chat_history": history})
    assert events[0]["question"] == "and in Lisbon?"
    assert by_name(events, "sources")


def test_twenty_questions_at_once_all_answered(web_server: WebServer) -> None:
    questions = [f"what did I say about {topic}?" for topic in ("cycling", "sourdough", "Lisbon", "Rust")] * 5

    def one(question: str) -> list[str]:
        return [event["event"] for event in events_of(web_server, {"question": question}, timeout=120)]

    with ThreadPoolExecutor(20) as pool:
        futures = [pool.submit(one, question) for question in questions]
        status = httpx.get(f"{web_server.url}/api/status", timeout=30)  # the page stays usable meanwhile
        results = [future.result() for future in futures]
    assert status.status_code == 200
    for names in results:
        assert "error" not in names and names[0] == "question" and names[-2:] == ["sources", "done"]


def test_a_hostile_tweet_comes_back_as_plain_text(web_server: WebServer) -> None:
    # Kept to the day of the two hostile tweets, so that what is tested is how the text comes back, not the
    # ranking: asked unfiltered, one CI run's context lacked the tweet (cause not found); the few tweets of
    # a day are compared exactly (`TweetRetriever._query`).
    body = {"question": "blog sanitizer script", "since": "2024-11-09", "until": "2024-11-09"}
    result = by_name(events_of(web_server, body), "sources")[0]
    assert SCRIPT_TWEET in [tweet["text"] for tweet in result["context"]]


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        ("not json", "application/json", "not valid JSON"),
        ('["a list"]', "application/json", "JSON object"),
        ('{"question": ""}', "application/json", '"question" must be a non-empty string'),
        ('{"question": 42}', "application/json", '"question" must be a non-empty string'),
        ('{"question": "x", "colour": 1}', "application/json", "unknown field 'colour'"),
        ('{"question": "x", "since": "last year"}', "application/json", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ('{"question": "x", "since": "2020", "until": "2019"}', "application/json", "swap them, or drop one"),
        ('{"question": "x", "retweets": "maybe"}', "application/json", '"retweets" must be'),
        ('{"question": "x", "prompt": "../../etc/passwd"}', "application/json", '"prompt" must be one of'),
        ('{"question": "x", "chat_history": "hi"}', "application/json", '"chat_history" must be a list'),
        ('{"question": "x", "chat_history": [["robot", "hi"]]}', "application/json", "items must be"),
        ('{"question": "x"}', "text/plain", "Content-Type: application/json"),
    ],
)
def test_bad_bodies_get_400_with_a_message(
    web_server: WebServer, body: str, content_type: str, message: str
) -> None:
    response = httpx.post(f"{web_server.url}/api/ask", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 400
    error = response.json()["error"]
    assert message in error and "\n" not in error


def test_a_question_dated_outside_the_filters_is_one_error_line(web_server: WebServer) -> None:
    body = {"question": "what did I say about sourdough in 2015?", "since": "2020", "until": "2022-06"}
    events = events_of(web_server, body)
    names = [event["event"] for event in events]
    assert names[-2:] == ["error", "done"] and "answer" not in names and "sources" not in names, names
    assert by_name(events, "error")[0]["message"] == (
        'the question asks about "in 2015" (2015-01-01 to 2015-12-31), outside the date filter (2020-01-01 '
        "to 2022-06-30): widen or drop the filter (--since/--until, or From/Until in the page), or ask about "
        "a date inside it"
    )
    inside = events_of(web_server, {**body, "since": "2014"})  # the filters overlap the question's year
    assert [event["event"] for event in inside][-2:] == ["sources", "done"]


def test_bad_index_requests_get_400(web_server: WebServer) -> None:
    response = httpx.post(f"{web_server.url}/api/index", json={"path": "/no/such/archive.zip"})
    assert response.status_code == 400 and "does not exist" in response.json()["error"]
    response = httpx.post(f"{web_server.url}/api/index", json={"archive": "x"})
    assert response.status_code == 400 and '"path"' in response.json()["error"]
    response = httpx.post(
        f"{web_server.url}/api/index/upload?filename=notes.zip",
        content=b"these are not zip bytes",
        headers={"Content-Type": "application/zip"},
    )
    assert response.status_code == 400 and "not a zip file" in response.json()["error"]
    assert httpx.get(f"{web_server.url}/api/index").json()["state"] == "failed"
    response = httpx.get(f"{web_server.url}/api/timeline")
    assert response.status_code == 400 and "question" in response.json()["error"]


def test_another_host_name_is_refused(web_server: WebServer) -> None:
    for host in (f"evil.example:{web_server.port}", "evil.example", f"127.0.0.1.nip.io:{web_server.port}"):
        response = httpx.get(f"{web_server.url}/api/status", headers={"Host": host})
        assert response.status_code == 403, host
        assert "is not this server's name" in response.json()["error"]
    for host in (f"localhost:{web_server.port}", f"127.0.0.1:{web_server.port}"):
        assert httpx.get(f"{web_server.url}/", headers={"Host": host}).status_code == 200


def test_state_changing_requests_from_another_origin_are_refused(web_server: WebServer) -> None:
    own = f"http://127.0.0.1:{web_server.port}"
    refused = [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": f"http://localhost:{web_server.port + 1}"},
        {"Sec-Fetch-Site": "cross-site"},
    ]
    for headers in refused:
        for path, body in (
            ("/api/index", {"path": "sample/twitter-sample"}),
            ("/api/ask", {"question": "x"}),
        ):
            response = httpx.post(f"{web_server.url}{path}", json=body, headers=headers)
            assert response.status_code == 403, (path, headers)
            assert "another web page" in response.json()["error"]
    assert httpx.get(f"{web_server.url}/api/index").json()["state"] in {"idle", "failed"}
    response = httpx.post(
        f"{web_server.url}/api/ask", json={"question": "x", "since": "nope"}, headers={"Origin": own}
    )
    assert response.status_code == 400  # its own origin passes the check (and the body is then checked)


def test_security_headers_on_the_page_and_the_api(web_server: WebServer) -> None:
    page = httpx.get(f"{web_server.url}/")
    assert page.status_code == 200 and 'data-testid="question"' in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert 'src="http' not in page.text and 'href="http' not in page.text  # nothing from outside
    assert httpx.get(f"{web_server.url}/api/status").headers["cache-control"] == "no-store"


def test_status_describes_the_index(web_server: WebServer) -> None:
    status = httpx.get(f"{web_server.url}/api/status").json()
    index = status["index"]
    assert index["state"] == "ready" and index["warning"] is None
    assert index["account"] == "@tessa_demo"
    assert index["tweets"] >= index["documents"] > 0
    assert index["first_date"] < index["last_date"]
    assert index["embed_model"] == "hash-embed" and index["chat_model"] == "extractive"
    assert index["index_command"].startswith("tweet-rag index --archive")
    assert "default" in status["prompts"] and status["indexing"]["state"] in {"idle", "failed"}


def test_timeline_counts_the_topic_per_period(web_server: WebServer) -> None:
    params = {"question": "sourdough starter bread", "granularity": "year"}
    timeline = httpx.get(f"{web_server.url}/api/timeline", params=params).json()
    assert timeline["granularity"] == "year" and timeline["total"] > 0
    periods = timeline["periods"]
    assert sum(period["count"] for period in periods) == timeline["total"]
    years = [int(period["period"]) for period in periods]
    assert years == list(range(years[0], years[-1] + 1))
    monthly = httpx.get(f"{web_server.url}/api/timeline", params={**params, "granularity": "month"}).json()
    assert monthly["total"] == timeline["total"] and len(monthly["periods"][0]["period"]) == 7
    nothing = httpx.get(f"{web_server.url}/api/timeline", params={"question": "zzzqqq xylophonics"}).json()
    assert nothing["total"] <= timeline["total"]


def test_ollama_down_is_one_line_in_the_stream(web_env: dict[str, str]) -> None:
    env = {**web_env, "OLLAMA_BASE_URL": "http://127.0.0.1:9", "MAX_RETRIES": "0", "REQUEST_TIMEOUT": "5"}
    server = WebServer(env)
    try:
        events = events_of(server, {"question": "what did I say about cycling?"})
    finally:
        server.stop()
    errors = by_name(events, "error")
    assert len(errors) == 1 and not by_name(events, "answer")
    message = errors[0]["message"]
    assert "no Ollama server answered" in message and "ollama serve" in message
    assert "\n" not in message and "Traceback" not in server.output()


def test_status_warns_of_a_partial_and_an_empty_index(web_env: dict[str, str], tmp_path: Path) -> None:
    copy = tmp_path / "chroma"
    shutil.copytree(web_env["CHROMA_DIR"], copy)
    for lexical in (copy / "lexical").iterdir():
        lexical.unlink()  # as after a first indexing interrupted before its keyword index was written
    service = WebService(Settings.from_env({**web_env, "CHROMA_DIR": str(copy)}))
    status = service.status()
    assert status["state"] == "partial" and "interrupted" in status["warning"]
    events = list(service.ask_events(parse_ask({"question": "cycling"}, service.prompts)))
    assert [name for name, _ in events] == ["error"] and "tweet-rag index" in events[0][1]["message"]

    unfinished = tmp_path / "unfinished"
    shutil.copytree(web_env["CHROMA_DIR"], unfinished)
    settings = Settings.from_env({**web_env, "CHROMA_DIR": str(unfinished)})
    collection = find_collection(make_client(settings), settings.collection)
    assert collection is not None
    mark_indexed(collection, complete=False, changed=False)  # as a run stopped half way leaves it
    status = WebService(settings).status()
    assert status["state"] == "partial" and "stopped before the end" in status["warning"]

    empty = Settings.from_env({**web_env, "CHROMA_DIR": str(tmp_path / "empty")})
    open_collection(make_client(empty), empty, empty.embed_model, 64)
    status = WebService(empty).status()
    assert status["state"] == "empty" and "holds no tweets" in status["warning"] and status["documents"] == 0

    missing = WebService(Settings.from_env({**web_env, "CHROMA_DIR": str(tmp_path / "none")})).status()
    assert missing["state"] == "missing" and "no index" in missing["warning"]
    assert not (tmp_path / "none").exists()  # looking did not create an index


@pytest.mark.parametrize(
    ("check", "answer"), [("true", "The tweets don't say."), ("false", "Your sourdough starter grew [1].")]
)
def test_the_page_s_answers_get_the_answer_check(web_env: dict[str, str], check: str, answer: str) -> None:
    replies = iter(
        [AIMessage("Your sourdough starter grew [1]."), AIMessage("No")]
    )  # the answer, then the check's verdict
    service = WebService(
        Settings.from_env({**web_env, "ANSWER_CHECK": check}), llm=GenericFakeChatModel(messages=replies)
    )
    events = list(service.ask_events(parse_ask({"question": "sourdough starter"}, service.prompts)))
    said = "".join(event["text"] for name, event in events if name == "answer")
    sources = next(event for name, event in events if name == "sources")
    assert said == answer
    assert bool(sources["sources"]) is (check == "false")


def test_one_indexing_at_a_time_and_questions_meanwhile(
    standin_shared: StandinFactory, web_env: dict[str, str], web_archive: Path, tmp_path: Path
) -> None:
    # Four new tweets embedded one a request, 1.5 s each, keep the job running for about 6 s: the second job,
    # the status and a question (one embedding) all come while it runs.
    standin = standin_shared("hash", latency_ms=1500)
    chroma = tmp_path / "chroma"
    shutil.copytree(web_env["CHROMA_DIR"], chroma)
    archive = tmp_path / "archive"
    shutil.copytree(web_archive, archive)
    garden = ("Repotted the lemon tree", "Pruned the fig", "Sowed basil", "Watered the mint")
    for number, text in enumerate(garden):
        add_tweet(archive, f"185600000000000001{number}", text)
    env = {**web_env, "CHROMA_DIR": str(chroma), "OLLAMA_BASE_URL": standin.url, "EMBED_BATCH_SIZE": "1"}
    server = WebServer(env)
    try:
        started = httpx.post(f"{server.url}/api/index", json={"path": str(archive)})
        assert started.status_code == 202 and started.json()["state"] == "running"
        second = httpx.post(f"{server.url}/api/index", json={"path": str(archive)})
        assert second.status_code == 409 and "already running" in second.json()["error"]
        assert httpx.get(f"{server.url}/api/index").json()["state"] == "running"
        names = [event["event"] for event in events_of(server, {"question": "sourdough"}, timeout=60)]
        assert names[-2:] == ["sources", "done"]  # answered from the index while it is brought up to date
        assert httpx.get(f"{server.url}/api/index").json()["state"] == "running"  # not after the job
        deadline = time.monotonic() + 120
        while (job := httpx.get(f"{server.url}/api/index").json())["state"] == "running":
            assert time.monotonic() < deadline, job
            time.sleep(0.2)
        assert job["state"] == "done", job
        assert job["report"]["embedded"] == 4 and job["fraction"] == 1, job
        assert job["report"]["unchanged"] == job["report"]["documents"] - 4
    finally:
        server.stop()


def test_an_index_rebuilt_by_another_process_is_seen(
    web_env: dict[str, str], web_archive: Path, tmp_path: Path
) -> None:
    chroma = tmp_path / "chroma"
    shutil.copytree(web_env["CHROMA_DIR"], chroma)
    env = {**web_env, "CHROMA_DIR": str(chroma)}
    archive = tmp_path / "archive"
    shutil.copytree(web_archive, archive)
    add_tweet(archive, "1856000000000000001", "Adopted a tortoise called Quasimodo today")
    server = WebServer(env)
    try:
        before = httpx.get(f"{server.url}/api/status").json()["index"]["tweets"]
        context = by_name(events_of(server, {"question": "tortoise Quasimodo"}), "sources")[0]["context"]
        assert "1856000000000000001" not in [tweet["tweet_id"] for tweet in context]
        index_archive(archive, env)  # another process writes the index the server has open
        deadline = time.monotonic() + 10
        while httpx.get(f"{server.url}/api/status").json()["index"]["tweets"] == before:
            assert time.monotonic() < deadline, "the server kept the old index"
            time.sleep(0.2)
        context = by_name(events_of(server, {"question": "tortoise Quasimodo"}), "sources")[0]["context"]
        assert context[0]["tweet_id"] == "1856000000000000001"
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ({"CHAT_MODEL": "llama-nope"}, "ollama pull llama-nope"),
        ({"CHROMA_DIR": "/nonexistent/tweet-rag-index"}, "no index at /nonexistent/tweet-rag-index"),
    ],
)
def test_a_missing_model_or_index_is_one_line(
    web_env: dict[str, str], setting: dict[str, str], expected: str
) -> None:
    server = WebServer({**web_env, **setting})
    try:
        events = events_of(server, {"question": "what did I say about cycling?"})
    finally:
        server.stop()
    errors = by_name(events, "error")
    assert len(errors) == 1 and expected in errors[0]["message"] and "\n" not in errors[0]["message"]
    assert "Traceback" not in server.output()


def test_an_indexing_from_a_terminal_holds_the_page_off(
    web_server: WebServer, web_env: dict[str, str], web_archive: Path
) -> None:
    with writer_lock(Settings.from_env(web_env)):  # as `tweet-rag index` running in a terminal
        assert httpx.post(f"{web_server.url}/api/index", json={"path": str(web_archive)}).status_code == 202
        deadline = time.monotonic() + 30
        while (job := httpx.get(f"{web_server.url}/api/index").json())["state"] == "running":
            assert time.monotonic() < deadline, job
            time.sleep(0.1)
    assert job["state"] == "failed" and "wait for it to finish" in job["message"]
    names = [event["event"] for event in events_of(web_server, {"question": "sourdough"})]
    assert names[-2:] == ["sources", "done"]


def test_ctrl_c_stops_the_server_in_one_line_while_an_answer_streams(
    standin_shared: StandinFactory, web_env: dict[str, str]
) -> None:
    slow = standin_shared("hash", slow_stream_ms=500)
    server = WebServer({**web_env, "OLLAMA_BASE_URL": slow.url})
    first_event = threading.Event()
    seen: list[dict[str, Any]] = []

    def ask_slowly() -> None:
        with contextlib.suppress(httpx.HTTPError):
            for event in ask_events(server.url, {"question": "what did I say about cycling in Lisbon?"}):
                seen.append(event)
                first_event.set()

    asker = threading.Thread(target=ask_slowly, daemon=True)
    asker.start()
    try:
        assert first_event.wait(30)
        server.process.send_signal(signal.SIGINT)
        status = server.process.wait(20)
    finally:
        server.stop()
    asker.join(10)
    after = server.output().split("\n", 1)[1]
    assert status == 130 and after.strip() == "interrupted", server.output()
    assert [e["event"] for e in seen[-2:]] == ["error", "done"] and "server is stopping" in seen[-2][
        "message"
    ]
    assert not by_name(seen, "sources")  # it stopped half way through the answer


def test_clients_that_go_away_give_their_answer_slots_back(
    standin_shared: StandinFactory, web_env: dict[str, str]
) -> None:
    slow = standin_shared("hash", slow_stream_ms=500)
    server = WebServer({**web_env, "OLLAMA_BASE_URL": slow.url})
    body = {"question": "cycling in Lisbon"}
    try:
        with contextlib.ExitStack() as answering, httpx.Client(timeout=60) as client:
            readers = []  # kept: a dropped line iterator closes its stream, and that answer's slot comes back
            for _ in range(ANSWERS_AT_ONCE):  # every slot taken, each answer half way through
                response = answering.enter_context(client.stream("POST", f"{server.url}/api/ask", json=body))
                readers.append(response.iter_lines())
                assert next(readers[-1]).startswith("event: question")
            for _ in range(ANSWERS_AT_ONCE):  # as many again wait for a slot, and go away
                with httpx.stream("POST", f"{server.url}/api/ask", json=body, timeout=60) as waiting:
                    assert waiting.status_code == 200
                    time.sleep(0.3)
        started = time.monotonic()  # all eight have gone away: every slot must be free again
        names = [event["event"] for event in events_of(server, {"question": "sourdough"}, timeout=60)]
        assert names[-2:] == ["sources", "done"] and time.monotonic() - started < 30
    finally:
        server.stop()
    assert "Traceback" not in server.output()


def test_clients_that_leave_cut_the_model_request_at_once_and_queued_ones_never_reach_it(
    web_env: dict[str, str],
) -> None:
    held = HeldChat(hold_seconds=60)  # says nothing for a minute, as a model reading a long prompt on a CPU
    env = {**web_env, "OLLAMA_BASE_URL": held.url, "EMBED_HOSTS": web_env["OLLAMA_BASE_URL"]}
    server = WebServer({**env, "CHAT_MODEL": HELD_MODEL})
    body = {"question": "what did I say about cycling in Lisbon?"}
    try:
        with contextlib.ExitStack() as answering, httpx.Client(timeout=90) as client:
            for _ in range(ANSWERS_AT_ONCE):  # every slot taken, each answer waiting for the model
                answering.enter_context(client.stream("POST", f"{server.url}/api/ask", json=body))
            assert held.wait_for(held.arrived, ANSWERS_AT_ONCE, 30), held.arrived
            with httpx.stream("POST", f"{server.url}/api/ask", json=body, timeout=90) as queued:
                assert queued.status_code == 200
                time.sleep(0.5)  # it waits its turn, then goes away
            assert not held.gone  # the answering ones are still there
            left = time.monotonic()
        assert held.wait_for(held.gone, ANSWERS_AT_ONCE, 10), held.gone
        assert max(held.gone) - left < 2, [round(at - left, 2) for at in held.gone]
        time.sleep(1)
        assert len(held.arrived) == ANSWERS_AT_ONCE  # the one that left while queued never reached the model
        with httpx.stream("POST", f"{server.url}/api/ask", json=body, timeout=90) as again:
            assert again.status_code == 200  # the slots came back: a new question reaches the model
            assert held.wait_for(held.arrived, ANSWERS_AT_ONCE + 1, 10), held.arrived
    finally:
        server.stop()
        held.stop()
    assert "Traceback" not in server.output(), server.output()
