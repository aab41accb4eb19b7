"""A retriever that returns the same documents at once, for the benchmarks that time the answer chain alone.

Scripts do `from devtools.instant_retriever import InstantRetriever`.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever


class InstantRetriever(BaseRetriever):
    """Returns the same documents for every question, instantly (a stand-in for retrieval)."""

    documents: list[Document]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return list(self.documents)
