"""Faster matrix products for spaCy's NER layers.

thinc multiplies the NER model's small matrices (a few dozen tokens by a few hundred features) with the
BLIS it bundles, which on current CPUs runs about half as fast as numpy's OpenBLAS on them: that product
is most of the tok2vec layers' cost. OpenBLAS would split such products over every core, so the NER runs
under a one-thread limit, as BLIS did.
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


class MatmulOps(NumpyOps):  # type: ignore[misc]
    """thinc's numpy operations with the matrix product taken by numpy."""

    def gemm(
        self,
        x: np.ndarray,
        y: np.ndarray,
        out: np.ndarray | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> np.ndarray:
        first = x.T if trans1 else x
        second = y.T if trans2 else y
        if out is None:
            return np.matmul(first, second)
        return np.matmul(first, second, out=out)


def use_numpy_products(nlp: Language) -> None:
    """Every layer of the pipeline's models multiplies with numpy."""
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else []:
            layer.ops = ops


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread while the block runs."""
    with _blas().limit(limits=1):
        yield


@cache
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")
