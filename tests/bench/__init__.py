"""The scale benchmark behind `make bench`: `python -m tests.bench.run`.

No module here is named test_*.py, so pytest never collects the benchmark as tests.
"""
