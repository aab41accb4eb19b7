from pathlib import Path

import pytest

from rag.errors import ConfigError
from rag.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_environment_values_are_typed() -> None:
    settings = Settings.from_env(
        {"TOP_K": "3", "INCLUDE_DELETED": "yes", "RELEVANCE_THRESHOLD": "0.35", "CHROMA_DIR": "/tmp/idx"}
    )
    assert settings.top_k == 3
    assert settings.include_deleted is True
    assert settings.relevance_threshold == 0.35
    assert settings.chroma_dir == Path("/tmp/idx")


def test_several_ollama_hosts_share_embedding_and_first_chats() -> None:
    settings = Settings.from_env({"OLLAMA_BASE_URL": "http://a:1/, http://b:2"})
    assert settings.embed_urls == ("http://a:1", "http://b:2")
    assert settings.chat_url == "http://a:1"
    assert Settings.from_env({"EMBED_HOSTS": "http://c:3"}).embed_urls == ("http://c:3",)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("TOP_K", "many", "TOP_K='many' is not a valid int"),
        ("SEARCH", "fuzzy", "SEARCH='fuzzy' is not one of"),
        ("COLLECTION", "ab", "3 to 512 characters"),
        ("OLLAMA_BASE_URL", "localhost:11434", "must start with http://"),
        ("INCLUDE_DELETED", "perhaps", "INCLUDE_DELETED='perhaps'"),
        ("ANSWER_CHECK_KEEP_AT", "55", "ANSWER_CHECK_KEEP_AT=55.0 must be between 0 and 1"),
        ("ANSWER_CHECK_KEEP_AT", "half", "ANSWER_CHECK_KEEP_AT='half' is not a valid float"),
        ("ANSWER_CHECK_SURE_MARGIN", "-0.1", "ANSWER_CHECK_SURE_MARGIN=-0.1 must be between 0 and 1"),
    ],
)
def test_bad_values_name_the_key(key: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        Settings.from_env({key: value})


def test_env_example_documents_every_setting() -> None:
    example = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    documented = {line.split("=", 1)[0] for line in example.splitlines() if "=" in line and line[0] != "#"}
    assert documented == {name.upper() for name in Settings.__dataclass_fields__}
