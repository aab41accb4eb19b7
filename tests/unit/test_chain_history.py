"""Follow-ups: the history the condense model sees is short and citation-free; unusable rewrites fall back."""

from __future__ import annotations

from langchain_core.messages import AIMessage, HumanMessage

from chains.context import ContextTweet
from chains.history import checked_rewrite, format_history
from chains.rag import fit_context

HISTORY = [
    HumanMessage("What did I tweet about Tinybird in 2022?"),
    AIMessage("You tweeted about the r/place replica [3] and emojis [1][2]. " + "More words. " * 40),
]


def test_history_drops_citations_and_cuts_long_answers() -> None:
    text = format_history(HISTORY)
    user, assistant = text.splitlines()
    assert user == "User: What did I tweet about Tinybird in 2022?"
    assert assistant.startswith("Assistant: You tweeted about the r/place replica and emojis.")
    assert "[" not in assistant and len(assistant) <= len("Assistant: ") + 300


def test_a_usable_rewrite_is_kept_without_its_label() -> None:
    rewritten = 'Rewritten: "What did I tweet about Tinybird in 2023?"\nExplanation: the year changed.'
    assert checked_rewrite(rewritten, "And in 2023?", HISTORY) == "What did I tweet about Tinybird in 2023?"


def test_an_answer_instead_of_a_question_falls_back_to_the_previous_question() -> None:
    fallback = "What did I tweet about Tinybird in 2022? And in 2023?"
    assert checked_rewrite("You tweeted about ClickHouse [2].", "And in 2023?", HISTORY) == fallback
    assert checked_rewrite("", "And in 2023?", HISTORY) == fallback
    assert checked_rewrite("", "And in 2023?", []) == "And in 2023?"


def test_a_follow_up_repeated_unchanged_is_joined_to_the_previous_question() -> None:
    asked = "When did I tweet that?"
    assert checked_rewrite(asked, asked, HISTORY) == f"What did I tweet about Tinybird in 2022? {asked}"
    short = "Which programming language was the client in?"
    assert checked_rewrite(short + "\n", short, HISTORY).endswith(f"2022? {short}")
    standalone = "Which football team did I support when I lived in Valencia in 2015?"
    assert checked_rewrite(standalone, standalone, HISTORY) == standalone  # stands on its own


def test_a_rewrite_that_brings_in_nothing_of_the_conversation_is_joined_to_the_previous_question() -> None:
    # Rewrites a 1.5B model wrote: words changed, nothing the earlier turns said brought in.
    login = [
        HumanMessage("What login hole did I fix in January 2017?"),
        AIMessage("The hardening against repeated parameters, in the scope of CVE-2017-0356 [4]."),
    ]
    assert checked_rewrite("What CVE was it?", "Which CVE was it?", login) == (
        "What login hole did I fix in January 2017? Which CVE was it?"
    )
    for follow_up, rewrite in (
        ("Which of them put all the pieces together?", "Who put all the pieces together?"),
        ("Which programs had those patches been for?", "Which programs had the patches been for?"),
        ("What else did I find broken at the same time?", "What else did you find broken at the same time?"),
        ("When did I tweet that?", "When was that tweet posted?"),
    ):
        joined = f"What did I tweet about Tinybird in 2022? {follow_up}"
        assert checked_rewrite(rewrite, follow_up, HISTORY) == joined
    # A rewrite that names what the pronoun stood for, in the conversation's words, is kept.
    resolved = "Which programming language was the Tinybird client in?"
    assert checked_rewrite(resolved, "Which programming language was it in?", HISTORY) == resolved


def test_a_follow_up_naming_something_new_is_a_new_question() -> None:
    # "there" leans on nothing here: Rust is not in the conversation, so the rewrite stands.
    assert checked_rewrite("Did I tweet about Rust?", "Is there a tweet about Rust?", HISTORY) == (
        "Did I tweet about Rust?"
    )


def test_a_short_new_question_left_unchanged_stays_on_its_own() -> None:
    for question in (
        "Did I ever visit Japan?",
        "What did I say about Rust?",
        "What did I say about sourdough?",
    ):
        assert checked_rewrite(question, question, HISTORY) == question


def tweet(number: int, text: str) -> ContextTweet:
    return ContextTweet(number, str(number), f"https://x.com/a/status/{number}", "2022-01-01", "thread", text)


def test_context_over_budget_keeps_the_first_tweet_and_those_about_the_question() -> None:
    tweets = [tweet(1, "A thread about maps. " * 5)] + [
        tweet(n, f"Filler number {n} about nothing in particular. " * 5) for n in range(2, 8)
    ]
    tweets.insert(5, tweet(6, "The Valencia trees map: more than 120k trees. " * 3))
    kept = fit_context(tweets, "How many trees does Valencia have?", budget=120)
    assert [t.number for t in kept] == list(range(1, len(kept) + 1))
    assert kept[0].text == tweets[0].text
    assert any("Valencia trees" in t.text for t in kept)
    assert len(kept) < len(tweets)
    assert fit_context(tweets, "anything", budget=100_000) == tweets
