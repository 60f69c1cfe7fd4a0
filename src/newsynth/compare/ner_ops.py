"""Faster matrix products and parser steps for spaCy's NER.

thinc multiplies the NER model's small matrices (a few dozen tokens by a few hundred features) with the
BLIS it bundles, which on current CPUs runs about half as fast as numpy's OpenBLAS on them: that product
is most of the tok2vec layers' cost. OpenBLAS would split such products over every core, so the NER runs
under a one-thread limit, as BLIS did.

spaCy's greedy transition parser runs its steps without the GIL, and takes it back for each move it
checks (a few hundred per step): ``recognise`` takes the same steps from Python instead, holding it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from thinc.api import NumpyOps

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc


BLIS = NumpyOps()  # thinc's own products, with the BLIS that the parser's C loop calls


class MatmulOps(NumpyOps):  # type: ignore[misc]
    """thinc's numpy operations with the matrix product taken by numpy. The layers multiply by their
    weights transposed; a weight matrix given to ``keep_transposed`` is multiplied from a C-ordered copy
    of its transpose instead, which OpenBLAS packs faster (the same products, bit for bit)."""

    def __init__(self) -> None:
        super().__init__()
        self._transposed: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # id(weights) -> them, transposed

    def keep_transposed(self, weights: np.ndarray) -> None:
        """Weights that no longer change (a model used for inference), as (outputs, inputs)."""
        matrix = weights.reshape((-1, weights.shape[-1]))
        self._transposed[id(weights)] = (weights, np.ascontiguousarray(matrix.T))

    def gemm(
        self,
        x: np.ndarray,
        y: np.ndarray,
        out: np.ndarray | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> np.ndarray:
        first = x.T if trans1 else x
        second = self._transpose(y) if trans2 else y
        if out is None:
            return np.matmul(first, second)
        return np.matmul(first, second, out=out)

    def _transpose(self, y: np.ndarray) -> np.ndarray:
        owner = y if y.base is None else y.base  # the layers pass their weights reshaped
        kept = self._transposed.get(id(owner))
        if kept is not None and kept[0] is owner and kept[1].shape == y.shape[::-1] and y.flags.c_contiguous:
            return kept[1]
        return y.T


def use_numpy_products(nlp: Language) -> None:
    """Every layer of the pipeline's models multiplies with numpy, from its weights kept transposed."""
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else []:
            layer.ops = ops
            if layer.has_param("W"):
                ops.keep_transposed(layer.get_param("W"))


def recognise(nlp: Language, texts: list[str], batch_size: int = 64) -> list[Doc]:
    """What ``nlp.pipe(texts, batch_size=batch_size)`` returns for a pipeline of one greedy NER: the same
    batches (each sorted by length, in quarters), the same scores, the same entities."""
    ner = nlp.get_pipe("ner") if nlp.pipe_names == ["ner"] else None
    if ner is None or ner.cfg.get("beam_width") != 1 or not ner.model.attrs.get("has_upper"):
        return list(nlp.pipe(texts, batch_size=batch_size))
    docs = [nlp.make_doc(text) for text in texts]
    for batch in _chunks(docs, batch_size):
        for part in _chunks(sorted(batch, key=len), max(batch_size // 4, 2)):
            if any(len(doc) for doc in part):
                ner.set_annotations(part, _greedy_parse(ner, part))
    return docs


def _chunks(items: list[Doc], size: int) -> list[list[Doc]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _greedy_parse(ner: EntityRecognizer, docs: list[Doc]) -> list[Any]:
    """The parser's states after its greedy steps, as ``Parser.greedy_parse`` takes them: the hidden
    layer summed from the precomputed token features, and the scores multiplied with thinc's BLIS, as
    its C loop does (bit for bit)."""
    steps = ner.model.predict(docs)
    weights, bias = steps.vec2scores.get_param("W"), steps.vec2scores.get_param("b")
    unseen = steps._class_mask == 0
    any_unseen = bool(unseen.any())
    states = ner.moves.init_batch(docs)
    unfinished = [state for state in states if not state.is_final()]
    while unfinished:
        hidden = steps.state2vec.predict(steps.get_token_ids(unfinished))
        scores = BLIS.gemm(hidden, weights, trans2=True)
        scores += bias
        if any_unseen:
            scores[:, unseen] = np.nanmin(scores)
        unfinished = ner.transition_states(unfinished, scores)
    steps.clear_memory()
    return states


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread while the block runs."""
    with _blas().limit(limits=1):
        yield


@cache
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")
