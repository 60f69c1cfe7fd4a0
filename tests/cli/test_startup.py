import subprocess
import sys

HEAVY = ("spacy", "sklearn", "nltk", "trafilatura", "dask")


def test_the_cli_starts_without_loading_the_nlp_stack():
    probe = f"import sys, newsynth.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
