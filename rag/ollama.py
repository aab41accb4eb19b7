"""Every check tweet-rag makes of an Ollama server, once: it answers, has the model, pulls it, probes it.

Run before any work, so that a stopped server or a missing model is a one-line error naming the setting to
fix (`OLLAMA_BASE_URL` / `EMBED_HOSTS`) or the `ollama pull` to run, never a stack trace halfway through an
index or an answer. Model names compare as Ollama does (`x` is `x:latest`). A pull reports its progress to a
callback (`PullProgress`), so each command draws its own bar and the library never prints. `chat_error`
turns any Ollama or HTTP failure of the chat model into a one-line error.

langchain-ollama's own check (`validate_model_on_init=True`, `langchain_ollama._utils.validate_model`) is not
used: it takes `x` to be present when only `x:1b` is (Ollama answers 404 for `x`, which means `x:latest`) and
raises bare `ValueError`s with one message for every connection and server failure.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx
import ollama

from rag.errors import EmbeddingError, ModelNotFoundError, OllamaUnavailableError
from rag.settings import Settings, fix_hint

logger = logging.getLogger(__name__)

PROBE_TEXT = "dimension probe"
CHECK_TIMEOUT = 10.0
LATEST = "latest"


@dataclass(frozen=True, slots=True)
class PullProgress:
    """One progress update of a model pull: bytes `completed` of `total` (None until Ollama says)."""

    model: str
    host: str
    status: str
    completed: int = 0
    total: int | None = None


PullCallback = Callable[[PullProgress], None]


def normalize_model(name: str) -> str:
    """Ollama's full name of a model: `x` is `x:latest`; names with a tag stay as they are."""
    name = name.strip()
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:{LATEST}"


def same_model(wanted: str, served: str) -> bool:
    """Whether Ollama's name `served` is the model `wanted` (`name` and `name:latest` are one model)."""
    return normalize_model(wanted) == normalize_model(served)


def embed_setting(settings: Settings) -> str:
    """The setting the embedding hosts come from: `EMBED_HOSTS` when set, else `OLLAMA_BASE_URL`."""
    return "EMBED_HOSTS" if settings.embed_hosts else "OLLAMA_BASE_URL"


def unavailable_message(host: str, setting: str, detail: str = "") -> str:
    """The one line for a server that does not answer: start Ollama, or fix the setting."""
    what = f" ({detail})" if detail else ""
    return (
        f"no Ollama server answers at {host} ({setting}){what}: start it with `ollama serve` or "
        f"{fix_hint(setting)}"
    )


def _unavailable(host: str, setting: str, error: BaseException) -> OllamaUnavailableError:
    return OllamaUnavailableError(unavailable_message(host, setting, type(error).__name__))


def served_models(client: ollama.Client, host: str, setting: str) -> list[str]:
    """The models the server at `host` has (`/api/tags`), or a one-line error when it does not answer."""
    try:
        return [entry.model or "" for entry in client.list().models]
    except (ConnectionError, httpx.TransportError) as error:
        raise _unavailable(host, setting, error) from None
    except ollama.ResponseError as error:
        raise OllamaUnavailableError(f"{host} ({setting}) does not answer like Ollama: {error}") from None


def has_model(served: Sequence[str], model: str) -> bool:
    """Whether `model` is among the `served` names."""
    return any(same_model(model, name) for name in served)


def missing_model_message(model: str, host: str, *, role: str, fix: str) -> str:
    """The one line for a model the server lacks: which model, where, and the pull to run."""
    return f"{role} model {model!r} is not on the Ollama server at {host}: run `ollama pull {model}` {fix}"


def pull_model(
    client: ollama.Client,
    host: str,
    model: str,
    *,
    setting: str,
    on_progress: PullCallback | None = None,
) -> None:
    """Pull `model` into the server at `host` through `/api/pull`, reporting progress to `on_progress`."""
    logger.info("pulling %s on %s", model, host)
    try:
        for update in client.pull(model, stream=True):
            if on_progress is not None:
                on_progress(
                    PullProgress(
                        model=model,
                        host=host,
                        status=update.status or "",
                        completed=int(update.completed or 0),
                        total=int(update.total) if update.total else None,
                    )
                )
    except ollama.ResponseError as error:
        raise ModelNotFoundError(
            f"Ollama could not pull {model!r} into {host} ({error}): check the name on "
            "https://ollama.com/library"
        ) from None
    except (ConnectionError, httpx.TransportError) as error:
        raise _unavailable(host, setting, error) from None


def ensure_model(
    client: ollama.Client,
    host: str,
    model: str,
    *,
    setting: str,
    pull: bool,
    on_progress: PullCallback | None = None,
    role: str = "embedding",
    fix: str = "(or pass --pull), or set EMBED_MODEL to one it has",
) -> None:
    """Check `host` answers and serves `model`; pull it when `pull`, else raise `ModelNotFoundError`."""
    if has_model(served_models(client, host, setting), model):
        return
    if not pull:
        raise ModelNotFoundError(missing_model_message(model, host, role=role, fix=fix))
    pull_model(client, host, model, setting=setting, on_progress=on_progress)


def probe_dimension(client: ollama.Client, host: str, model: str, setting: str) -> int:
    """The length of the vectors `model` returns on `host`, from embedding one short text."""
    try:
        response = client.embed(model=model, input=[PROBE_TEXT])
    except (ConnectionError, httpx.TransportError) as error:
        raise _unavailable(host, setting, error) from None
    except ollama.ResponseError as error:
        if error.status_code == 404:
            raise ModelNotFoundError(
                missing_model_message(model, host, role="embedding", fix="(or set EMBED_MODEL)")
            ) from None
        raise EmbeddingError(f"{host} could not embed with {model!r}: {error}") from None
    if not response.embeddings or not response.embeddings[0]:
        raise EmbeddingError(f"{host} returned no vector for {model!r}: is it an embedding model?")
    return len(response.embeddings[0])


def preflight(
    hosts: Sequence[str],
    model: str,
    *,
    setting: str = "OLLAMA_BASE_URL",
    timeout: float = CHECK_TIMEOUT,
    pull: bool = False,
    on_progress: PullCallback | None = None,
) -> int:
    """Check every embedding host (pulling the model when `pull`) and return the model's dimension.

    Every host must agree on the dimension.
    """
    dimensions: dict[str, int] = {}
    for host in hosts:
        client = ollama.Client(host=host, timeout=timeout)
        ensure_model(client, host, model, setting=setting, pull=pull, on_progress=on_progress)
        dimensions[host] = probe_dimension(client, host, model, setting)
    if len(set(dimensions.values())) > 1:
        raise EmbeddingError(f"the embedding hosts disagree on the dimension of {model!r}: {dimensions}")
    return next(iter(dimensions.values()))


def check_chat_model(settings: Settings, timeout: float = CHECK_TIMEOUT) -> None:
    """Fail fast, in one line, when the chat server is down or lacks `CHAT_MODEL`."""
    host = settings.chat_url
    client = ollama.Client(host=host, timeout=timeout)
    if not has_model(served_models(client, host, "OLLAMA_BASE_URL"), settings.chat_model):
        raise ModelNotFoundError(
            missing_model_message(settings.chat_model, host, role="chat", fix="or set CHAT_MODEL")
        )


def check_embed_model(settings: Settings, timeout: float = CHECK_TIMEOUT) -> int:
    """For asking: every embedding host has `EMBED_MODEL` (never pulled here); its dimension.

    The index was built with that model, so the message says to pull it rather than to pick another.
    """
    setting = embed_setting(settings)
    model = settings.embed_model
    dimensions: set[int] = set()
    for host in settings.embed_urls:
        client = ollama.Client(host=host, timeout=timeout)
        fix = "(the index was built with it; EMBED_MODEL must name the same model)"
        ensure_model(client, host, model, setting=setting, pull=False, fix=fix)
        dimensions.add(probe_dimension(client, host, model, setting))
    if len(dimensions) > 1:
        raise EmbeddingError(
            f"the embedding hosts disagree on the dimension of {model!r}: {sorted(dimensions)}"
        )
    return dimensions.pop()


def check_models(settings: Settings, timeout: float = CHECK_TIMEOUT) -> int:
    """The checks before asking: the chat server and `CHAT_MODEL`, then the embedding hosts; the dimension."""
    check_chat_model(settings, timeout)
    return check_embed_model(settings, timeout)


def chat_error(error: BaseException, model: str, base_url: str) -> BaseException:
    """A one-line tweet-rag error for any Ollama or HTTP failure of the chat model, or `error` itself.

    A missing model becomes `ModelNotFoundError`; no server, a timeout, a broken connection or any other
    Ollama error (a 500 for a model too big for memory, say) becomes `OllamaUnavailableError`. Errors that
    do not come from Ollama or HTTP pass through unchanged.
    """
    status = getattr(error, "status_code", None)
    message = " ".join(str(getattr(error, "error", "") or error).split())
    if status == 404 or ("not found" in message and "model" in message):
        return ModelNotFoundError(
            missing_model_message(model, base_url, role="chat", fix="or set CHAT_MODEL")
        )
    if isinstance(error, httpx.TimeoutException):
        return OllamaUnavailableError(
            f"Ollama at {base_url} (OLLAMA_BASE_URL) did not answer with CHAT_MODEL {model!r} in time "
            f"({type(error).__name__}): raise REQUEST_TIMEOUT, check `ollama ps`, or try a smaller CHAT_MODEL"
        )
    if isinstance(error, ConnectionError | httpx.ConnectError) or (
        "connect" in message.lower() and "ollama" in message.lower()
    ):
        return OllamaUnavailableError(unavailable_message(base_url, "OLLAMA_BASE_URL"))
    if isinstance(error, ollama.ResponseError | httpx.HTTPError):
        what = f"status {status}: " if isinstance(status, int) and status >= 0 else ""
        what += message or type(error).__name__
        return OllamaUnavailableError(
            f"Ollama at {base_url} (OLLAMA_BASE_URL) failed to answer with CHAT_MODEL {model!r} ({what}): "
            "check `ollama ps` and the server log, then try again or try a smaller CHAT_MODEL"
        )
    return error
