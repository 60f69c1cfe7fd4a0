"""Defaults shared by the pipeline and the command line, apart so the CLI starts without the NLP stack."""

DEFAULT_MAX_WORDS = 200
