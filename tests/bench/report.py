"""The benchmark's results: bench/results.json, a markdown table, and the README's copy of it."""

import json
from pathlib import Path
from typing import Any

README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"
OK, MISS, OVER = "ok", "MISS", "OVER"


# Every page is compared with the public landing page (the plainest page of the same layout).
LANDING_PATH = "/"
# No page's p95 may be more than this many times the landing page's, at any size.
P95_CEILING = 10.0


def p95_limit(factor: int) -> float:
    """A page's p95 should be within this many times the landing page's p95."""
    return 5.0


def _ms(value: float) -> str:
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def queries_same(results: dict[str, Any]) -> dict[str, dict[str, bool]]:
    """For every role and page: the same number of queries at every factor it was measured at.

    A page reachable at one size and not another counts as not the same.
    """
    factors = list(results["factors"].values())
    same: dict[str, dict[str, bool]] = {}
    for role in results["roles"]:
        pages = _pages_in_order(results, role)
        same[role] = {}
        for page in pages:
            counts = [f["roles"].get(role, {}).get(page, {}).get("queries") for f in factors]
            same[role][page] = None not in counts and len(set(counts)) == 1
    return same


def _pages_in_order(results: dict[str, Any], role: str) -> list[str]:
    pages: list[str] = []
    for factor in results["factors"].values():
        for page in factor["roles"].get(role, {}):
            if page not in pages:
                pages.append(page)
    return pages


def markdown(results: dict[str, Any]) -> str:
    factors: dict[str, dict[str, Any]] = results["factors"]
    machine = results["machine"]
    method = results["method"]
    lines = [
        f"Measured on {results['measured_on']} on {machine['nproc']} CPUs (nproc), "
        f"{machine['platform']}, Python {machine['python']}, PostgreSQL {machine['postgresql']}.",
        "",
        f"Server time through the whole middleware stack (Django's test client): median and p95 "
        f"of {method['requests_per_page']} requests per page after {method['warmup_requests']} "
        f"warm-up requests. Pages are found by following links from `/` for each role. Each "
        f"page's p95 is divided by the p95 of the public landing page (`{LANDING_PATH}`, the "
        f"plainest page of the same layout, {method['floor_requests']} requests in the same run). "
        f"Targets: p95 within {p95_limit(10):g}× the landing page's (ok), never over "
        f"{P95_CEILING:g}× (MISS when over {p95_limit(10):g}×, OVER when over {P95_CEILING:g}×); "
        f"the same number of queries at every size. The bare view (a view that renders no "
        f"template, behind the same middleware) is given for reference.",
        "",
    ]
    for key, factor in factors.items():
        build = factor["build"]
        rows = ", ".join(f"{count:,} {name}" for name, count in build["rows"].items())
        landing = factor.get("landing", factor["floor"])
        lines.append(
            f"- ×{key}: landing page median {_ms(landing['median_ms'])} ms, "
            f"p95 {_ms(landing['p95_ms'])} ms; bare view median "
            f"{_ms(factor['floor']['median_ms'])} ms, p95 {_ms(factor['floor']['p95_ms'])} ms; "
            f"built in {build['seconds']:.2f} s ({rows})"
        )
    over = _over(results)
    lines += [
        "",
        f"Pages over {p95_limit(10):g}× the landing page: "
        + (", ".join(f"{n} at ×{key}" for key, n in over["limit"].items()) or "none")
        + f"; over {P95_CEILING:g}×: "
        + (", ".join(f"{n} at ×{key}" for key, n in over["ceiling"].items()) or "none")
        + ".",
    ]
    lines.append("")

    header = ["role", "page"]
    for key in factors:
        header += [f"×{key} median / p95 ms", f"×{key} p95 ÷ landing"]
    header += ["queries " + " / ".join(f"×{key}" for key in factors), "p95 target", "queries"]
    header.append(f"where a request's time goes, ×{list(factors)[-1]}, when over target")
    lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]

    same = queries_same(results)
    for role in results["roles"]:
        for page in _pages_in_order(results, role):
            cells = [role, f"`{page}`"]
            queries: list[str] = []
            p95_ok, under_ceiling = True, True
            for factor in factors.values():
                measured = factor["roles"].get(role, {}).get(page)
                if measured is None:
                    cells += ["—", "—"]
                    queries.append("—")
                    continue
                cells += [
                    f"{_ms(measured['median_ms'])} / {_ms(measured['p95_ms'])}",
                    f"{measured['ratio_to_landing']:.1f}",
                ]
                queries.append(str(measured["queries"]))
                p95_ok = p95_ok and measured["p95_ok"]
                under_ceiling = under_ceiling and measured["p95_under_ceiling"]
            verdict = OK if p95_ok else (MISS if under_ceiling else OVER)
            cells += [" / ".join(queries), verdict, OK if same[role][page] else MISS]
            cells.append(_cause(factors, role, page))
            lines.append("| " + " | ".join(cells) + " |")

    throughput_rows: list[str] = []
    notes: set[str] = set()
    for key, factor in factors.items():
        measured = factor.get("throughput")
        if measured is None:
            continue
        if isinstance(measured, dict):  # the run failed: say so rather than show nothing
            throughput_rows.append(f"| ×{key} | — | — | — | — | — | failed: {measured['error']} |")
            continue
        for row in measured:
            if row["note"]:
                notes.add(row["note"])
            if row["first_error"]:
                notes.add(f"×{key} {row['name']}: first error {row['first_error']}")
            throughput_rows.append(
                f"| ×{key} | {row['name']} | `{row['url']}` | {row['requests']:,} | "
                f"{row['errors']} | {row['requests_per_second']:.0f} | "
                f"{_ms(row['median_ms'])} / {_ms(row['p95_ms'])} |"
            )
    if throughput_rows:
        load = method["throughput"]
        lines += [
            "",
            f"Throughput: gunicorn with {load['workers']} workers (DEBUG off), "
            f"{load['concurrency']} concurrent clients on the loopback, each URL for at most "
            f"{load['max_seconds']:g} s or {load['max_requests']:,} requests.",
            "",
            "| size | page | URL | requests | errors | requests/s | median / p95 ms |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *throughput_rows,
        ]
        lines += [f"\nNote: {note}." for note in sorted(notes)]
    return "\n".join(lines)


def _cause(factors: dict[str, dict[str, Any]], role: str, page: str) -> str:
    """The measured cause at the largest size where the page missed its target, else at any."""
    for factor in reversed(list(factors.values())):
        spent = factor["roles"].get(role, {}).get(page, {}).get("time_spent")
        if spent:
            return str(spent["cause"]).replace("|", "/")
    return ""


def _over(results: dict[str, Any]) -> dict[str, dict[str, int]]:
    """How many role/page rows are over the target, and over the ceiling, at each size."""
    over: dict[str, dict[str, int]] = {"limit": {}, "ceiling": {}}
    for key, factor in results["factors"].items():
        rows = [page for role in factor["roles"].values() for page in role.values()]
        if missed := sum(not row["p95_ok"] for row in rows):
            over["limit"][key] = missed
        if beyond := sum(not row["p95_under_ceiling"] for row in rows):
            over["ceiling"][key] = beyond
    return over


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def update_readme(readme: Path, table: str) -> bool:
    """Put the table between the README's bench markers, leaving every other byte as it was."""
    text = readme.read_text(encoding="utf-8")
    before, start, rest = text.partition(README_START)
    _, end, after = rest.partition(README_END)
    if not start or not end:
        return False
    readme.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")
    return True
