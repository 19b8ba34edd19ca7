"""The accessibility gate and the checks every visited page goes through."""

from pathlib import Path

from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE = (
    Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
).read_text()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_AXE)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html}))
            }));
        }""",
        WCAG_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {n['target']}: {n['html'][:200]}" for n in v["nodes"][:5])
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """No axe violations, and nothing wider than the screen (no sideways scrolling at 390 px)."""
    violations = axe_violations(page)
    assert not violations, f"axe violations on {page.url}:\n{describe(violations)}"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def focused_element_is_visible(page: Page) -> bool:
    """The focused element shows a focus indicator: an outline, a box shadow or the focus colour."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== "none" && s.outlineWidth !== "0px"
                && s.outlineColor !== "rgba(0, 0, 0, 0)" && s.outlineColor !== "transparent";
            const shadow = s.boxShadow && s.boxShadow !== "none";
            const yellow = s.backgroundColor === "rgb(255, 221, 0)";
            return outline || shadow || yellow;
        }"""
    )
