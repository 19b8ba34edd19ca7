"""`make bench`: the scale benchmark. Run as `python -m tests.bench.run [--factors 1 10]`.

It makes its own throwaway database (Django's test database machinery), so development data is
never touched, and drops it at the end. Results go to bench/results.json and, as a table, to the
README between its bench markers.
"""

import argparse
import os
import sys
from pathlib import Path

import django

SETTINGS_MODULE = "corporate_parenting.settings_test"
ROOT = Path(__file__).resolve().parents[2]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10], help="data set sizes")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument(
        "--floor-requests",
        type=int,
        default=100,
        help="timed requests of the floor view: more than a page, as every ratio divides by it",
    )
    parser.add_argument(
        "--no-throughput", action="store_true", help="skip the gunicorn throughput run"
    )
    parser.add_argument(
        "--no-readme", action="store_true", help="leave README.md alone (for trial runs)"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    # Set, not defaulted: whatever the shell says, the benchmark runs on the test settings.
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    django.setup()
    from tests.bench import suite  # imports models, so only once the app registry is ready

    return suite.run(
        factors=arguments.factors,
        requests=arguments.requests,
        floor_requests=arguments.floor_requests,
        with_throughput=not arguments.no_throughput,
        results_path=arguments.output.resolve(),
        readme=None if arguments.no_readme else ROOT / "README.md",
    )


if __name__ == "__main__":
    sys.exit(main())
