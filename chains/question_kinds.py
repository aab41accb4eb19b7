"""What a question asks for: a yes or a no ("Did I ...?"), or what was said ("What did I tweet about ...?").

Either is answered by any tweet on its subject: "Did I post about taking notes with colourful pens?" by
"Studying with colours just hits different", "What numbers did I post about r/place?" by any tweet of
r/place numbers. So the answer check asks about the subject for them (`chains.answer_check`), a tweet holding
every word of a question about what was said answers it without asking (`chains.citations`), and an answer
to a yes/no question that adds nothing to its tweets shows the tweet (`chains.rag`). English questions
only: others are asked and answered as any question.
"""

from __future__ import annotations

import re

_YES_NO = re.compile(r"^\W*(?:did|do|does|have|has|had|was|were|is|are|am)\b", re.IGNORECASE)
_WHAT_WAS_SAID = re.compile(
    r"^\W*what (?:\w+ ){0,2}(?:did|do|have) I (?:say|said|tweet|post|write|wrote|share|retweet|repl)\w*\b",
    re.IGNORECASE,
)


def asks_yes_or_no(question: str) -> bool:
    """Whether `question` asks for a yes or a no ("Did I ...?", "Have I ...?", "Was there ...?")."""
    return bool(_YES_NO.match(question))


def asks_what_was_said(question: str) -> bool:
    """Whether `question` asks what was said ("What did I say to @felt?", "What numbers did I post ...?")."""
    return bool(_WHAT_WAS_SAID.match(question))


def asks_about_a_subject(question: str) -> bool:
    """Whether any tweet on its subject answers `question`: a yes/no question, or one about what was said."""
    return asks_yes_or_no(question) or asks_what_was_said(question)
