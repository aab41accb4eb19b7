"""Names in a question, and which of them no retrieved tweet mentions (near misses)."""

from __future__ import annotations

import pytest

from chains.grounding import question_names, unmentioned_names


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How many trees are there in Madrid?", ["Madrid"]),
        ("What did I build with Tweepy and Tinybird?", ["Tweepy", "Tinybird"]),
        ("Did I mention @alrocar or #dataviz?", ["@alrocar", "#dataviz"]),
        ("When did I move to ClickHouse?", ["ClickHouse"]),
        ("What's CVE-2009-2944 about?", ["CVE-2009-2944"]),
        ("What did I tweet about Tinybird's launch in March 2022?", ["Tinybird"]),
        ("What did I tweet on Christmas Eve 2016?", []),  # a date, not a name
        ("Which football team do I support?", []),
        ("Which Visual Studio Code shortcut previews Markdown?", ["Visual Studio Code", "Markdown"]),
        ("What did I make with Kobe Bryant's three pointers?", ["Kobe Bryant"]),
        ("And in 2023?", []),
        ("What did I tweet on Monday?", []),
    ],
)
def test_question_names(question: str, names: list[str]) -> None:
    assert question_names(question) == names


def test_a_name_is_found_case_and_accent_folded_and_inside_longer_words() -> None:
    tweets = ["Sent the JSON to @tinybirdco", "Las calles de MÁLAGA"]
    assert unmentioned_names("What did I send to Tinybird from Malaga?", tweets) == []
    assert unmentioned_names("What did I build in Málaga?", tweets) == []
    assert unmentioned_names("Where did the Swedish map's data come from?", ["Sweden's roads"]) == []


def test_names_no_tweet_holds_are_reported() -> None:
    tweets = ["Valencia has more than 120k trees", "Madrid's parks"]
    assert unmentioned_names("How many trees are there in Sevilla?", tweets) == ["Sevilla"]
    assert unmentioned_names("Did I cycle from Sevilla to Granada?", tweets) == ["Sevilla", "Granada"]
    assert unmentioned_names("How many trees are there in Madrid?", tweets) == []
    assert unmentioned_names("How many trees are there?", []) == []


def test_one_name_held_is_enough() -> None:
    tweets = ["Left Manchester for Lisbon: the light, the tiles, the bakeries"]
    assert unmentioned_names("Why did I swap Manchester for Portugal?", tweets) == []


def test_one_word_of_a_longer_name_is_enough() -> None:
    tweets = ["Preview markdown in VSCode with ctrl+shift+v"]
    assert unmentioned_names("Which Visual Studio Code shortcut previews Markdown?", tweets) == []
    assert unmentioned_names("Did I use Sublime?", tweets) == ["Sublime"]


def test_a_hyphenated_name_is_held_by_its_capitalised_parts_or_whole() -> None:
    slackware = ["Added support for writing Slackware tgz packages", "Fixed the style of the man page"]
    assert unmentioned_names("When did alien first write Slackware-style packages?", slackware) == []
    gentoo = unmentioned_names("When did alien first write Gentoo-style packages?", slackware)
    assert gentoo == ["Gentoo-style"]  # "style" alone holds no name
    assert unmentioned_names("Did I tweet about Wi-Fi?", ["My Wi-Fi broke again"]) == []
    cves = ["Fixed CVE-2016-10026, an authorization bypass"]
    assert unmentioned_names("What did I fix for CVE-2009-2944?", cves) == ["CVE-2009-2944"]  # one name
