"""Preflight for indexing: every embedding host answers, has the model (or pulls it), and its dimension.

Run before any work so that a stopped server or a missing model is a one-line error naming the setting to
fix (`OLLAMA_BASE_URL` / `EMBED_HOSTS`) or the `ollama pull` to run, never a stack trace halfway through an
index. With `pull=True` a missing model is pulled through `/api/pull` with a tqdm progress bar.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import httpx
import ollama
from tqdm import tqdm

from rag.errors import EmbeddingError, ModelNotFoundError, OllamaUnavailableError

logger = logging.getLogger(__name__)

PROBE_TEXT = "dimension probe"


def same_model(wanted: str, served: str) -> bool:
    """Whether Ollama's name `served` is the model `wanted` (`name` and `name:latest` are one model)."""

    def norm(name: str) -> str:
        return name if ":" in name else f"{name}:latest"

    return norm(wanted) == norm(served)


def _unavailable(host: str, setting: str, error: BaseException) -> OllamaUnavailableError:
    return OllamaUnavailableError(
        f"no Ollama server answers at {host} ({setting}): start it with `ollama serve` or fix {setting} "
        f"in .env ({type(error).__name__})"
    )


def ensure_model(
    client: ollama.Client, host: str, model: str, *, setting: str, pull: bool, progress: bool
) -> None:
    """Check `host` answers and serves `model`; pull it when `pull`, else raise `ModelNotFoundError`."""
    try:
        served = [entry.model or "" for entry in client.list().models]
    except (ConnectionError, httpx.TransportError) as error:
        raise _unavailable(host, setting, error) from None
    except ollama.ResponseError as error:
        raise OllamaUnavailableError(f"{host} ({setting}) does not answer like Ollama: {error}") from None
    if any(same_model(model, name) for name in served):
        return
    if not pull:
        raise ModelNotFoundError(
            f"embedding model {model!r} is not on the Ollama server at {host}: run `ollama pull {model}` "
            "(or pass --pull), or set EMBED_MODEL to one it has"
        )
    logger.info("pulling %s on %s", model, host)
    try:
        with tqdm(desc=f"pull {model}", unit="B", unit_scale=True, disable=not progress) as bar:
            for update in client.pull(model, stream=True):
                if update.total:
                    bar.total = update.total
                if update.completed is not None:
                    bar.n = update.completed
                    bar.refresh()
                if update.status:
                    bar.set_postfix_str(update.status, refresh=False)
    except ollama.ResponseError as error:
        raise ModelNotFoundError(f"could not pull {model!r} on {host}: {error}") from None
    except (ConnectionError, httpx.TransportError) as error:
        raise _unavailable(host, setting, error) from None


def probe_dimension(client: ollama.Client, host: str, model: str, setting: str) -> int:
    """The length of the vectors `model` returns on `host`, from embedding one short text."""
    try:
        response = client.embed(model=model, input=[PROBE_TEXT])
    except (ConnectionError, httpx.TransportError) as error:
        raise _unavailable(host, setting, error) from None
    except ollama.ResponseError as error:
        if error.status_code == 404:
            raise ModelNotFoundError(
                f"embedding model {model!r} is not on the Ollama server at {host}: run `ollama pull {model}`"
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
    timeout: float = 10.0,
    pull: bool = False,
    progress: bool = False,
) -> int:
    """Check every host and return the model's dimension (every host must agree on it)."""
    dimensions: dict[str, int] = {}
    for host in hosts:
        client = ollama.Client(host=host, timeout=timeout)
        ensure_model(client, host, model, setting=setting, pull=pull, progress=progress)
        dimensions[host] = probe_dimension(client, host, model, setting)
    if len(set(dimensions.values())) > 1:
        raise EmbeddingError(f"the embedding hosts disagree on the dimension of {model!r}: {dimensions}")
    return next(iter(dimensions.values()))
