"""The NER model multiplies with numpy, and finds what thinc's products and spaCy's parser loop find."""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps

from newsynth.compare.names import load_ner
from newsynth.compare.ner_ops import MatmulOps, one_blas_thread, recognise


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (False, True), (True, False), (True, True)])
def test_the_numpy_product_matches_thincs(trans1: bool, trans2: bool) -> None:
    generator = np.random.default_rng(7)
    x = generator.random((12, 30) if not trans1 else (30, 12), dtype=np.float32)
    y = generator.random((30, 20) if not trans2 else (20, 30), dtype=np.float32)
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert np.allclose(MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2), expected, rtol=1e-5)


def test_the_product_fills_a_given_array() -> None:
    x, y = np.ones((3, 4), dtype=np.float32), np.full((5, 4), 2.0, dtype=np.float32)
    out = np.zeros((3, 5), dtype=np.float32)
    MatmulOps().gemm(x, y, out=out, trans2=True)
    assert (out == 8.0).all()


def test_weights_kept_transposed_give_the_same_product() -> None:
    generator = np.random.default_rng(3)
    weights = generator.random((6, 2, 5), dtype=np.float32)  # (outputs, pieces, inputs), as maxout keeps them
    x = generator.random((4, 5), dtype=np.float32)
    plain = MatmulOps().gemm(x, weights.reshape((12, 5)), trans2=True)
    ops = MatmulOps()
    ops.keep_transposed(weights)
    assert np.array_equal(ops.gemm(x, weights.reshape((12, 5)), trans2=True), plain)
    other = generator.random((12, 5), dtype=np.float32)  # weights not kept: transposed on the fly
    assert np.array_equal(ops.gemm(x, other, trans2=True), MatmulOps().gemm(x, other, trans2=True))


def test_the_ner_model_finds_entities_with_numpy_products() -> None:
    nlp = load_ner()
    assert all(isinstance(layer.ops, MatmulOps) for layer in nlp.get_pipe("ner").model.walk())
    with one_blas_thread():
        doc = nlp("Mayor Odile Vantrask of Brellmouth told the Harwick Port Authority on Tuesday.")
    assert "Odile Vantrask" in {entity.text for entity in doc.ents}


def test_recognise_finds_what_the_pipeline_finds() -> None:
    texts = [
        "Mayor Odile Vantrask of Brellmouth told the Harwick Port Authority on Tuesday.",
        "",
        "The Quenby Tribune said 40 workers left the Dunmarsh plant in Ostravel.",
        "Talks between Norvania and the Kestrel Union resumed in Lake Amberlin, officials said.",
    ]
    nlp = load_ner()
    with one_blas_thread():
        expected = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=2)]
        found = [[(e.text, e.label_) for e in doc.ents] for doc in recognise(nlp, texts, batch_size=2)]
    assert found == expected
    assert ("Odile Vantrask", "PERSON") in found[0]
