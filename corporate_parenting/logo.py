"""The council's logo, uploaded by an admin: a PNG checked to be one, or an SVG rebuilt from an
allowlist.

An SVG is a document, not only a picture: opened on its own it may run script, load other
addresses, or embed HTML. So the file is read with defusedxml (no document type, no entities, no
external references) and written anew, keeping only the elements and attributes that draw shapes,
gradients and text. Every reference must point inside the file (`#id`); a style may not load
anything (`url()` only as `url(#id)`, no escapes, no at-rules). What is served is only the rebuilt
file, with a policy of its own that runs nothing (corporate_parenting/views.py, site_logo).
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 4000  # on each side: a logo, not a photograph
SVG_MAX_ELEMENTS = 5000
SVG_MAX_DEPTH = 40

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

CONTENT_TYPES = {"png": "image/png", "svg": "image/svg+xml"}

CHOOSE_MESSAGE = "Choose a PNG or SVG image"
TOO_BIG_MESSAGE = f"The logo must be {LOGO_MAX_BYTES // (1024 * 1024)} MB or smaller"

# What a logo draws with. No script, style, foreignObject, image, a, animation (which can set
# an href), feImage or filter, iframe, use of another file.
ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "defs",
        "title",
        "desc",
        "symbol",
        "use",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
    }
)
# Geometry and presentation only: no event handler (on...), no href but to `#id`.
ATTRIBUTES = frozenset(
    {
        "id",
        "class",
        "viewBox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fx",
        "fy",
        "dx",
        "dy",
        "d",
        "points",
        "transform",
        "preserveAspectRatio",
        "version",
        "role",
        "aria-label",
        "aria-hidden",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-opacity",
        "opacity",
        "color",
        "display",
        "visibility",
        "clip-path",
        "clip-rule",
        "clipPathUnits",
        "mask",
        "maskUnits",
        "maskContentUnits",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "letter-spacing",
        "text-anchor",
        "dominant-baseline",
        "style",
        "href",  # checked: "#id" only
    }
)
_INTERNAL_HREF = re.compile(r"#[A-Za-z_][\w.:-]*\Z")
# url(#id), the only url() kept: a gradient, clip path or mask in this file.
_INTERNAL_URL = re.compile(r"""url\(\s*(['"]?)#[A-Za-z_][\w.:-]*\1\s*\)""", re.IGNORECASE)
# What is left of a value once its url(#id)s are taken out may not load or escape anything.
_UNSAFE_VALUE = re.compile(r"url\s*\(|image-set|image\s*\(|@|\\|expression|javascript:|<|&", re.I)
_STYLE_FUNCTION = re.compile(r"([A-Za-z-]+)\s*\(")
_STYLE_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "url"})


@dataclass(frozen=True)
class PreparedLogo:
    """A logo checked (PNG) or rebuilt (SVG), ready to store under a name of its own."""

    content: bytes
    extension: str  # "png" or "svg"

    @property
    def name(self) -> str:
        """The stored name: the content's hash, so a new logo is a new address for caches."""
        digest = hashlib.sha256(self.content).hexdigest()[:16]
        return f"logo-{digest}.{self.extension}"


def logo_prepare(*, data: bytes, filename: str) -> PreparedLogo:
    """The uploaded file as a logo, or a ValidationError saying what is wrong with it. The name
    is only read for its extension; the file is stored under a name of ours."""
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(TOO_BIG_MESSAGE, code="too_big")
    if not data:
        raise ValidationError("The file is empty: choose a PNG or SVG image", code="empty")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename[-6:] else ""
    if data.startswith(PNG_SIGNATURE):
        return PreparedLogo(content=_checked_png(data), extension="png")
    if extension == "png":
        raise ValidationError(
            "This file is named .png but is not a PNG image: choose a real PNG or SVG file",
            code="not_png",
        )
    if extension == "svg" or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return PreparedLogo(content=svg_clean(data), extension="svg")
    raise ValidationError(CHOOSE_MESSAGE, code="not_an_image")


def _checked_png(data: bytes) -> bytes:
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            width, height = image.size
            if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
                raise ValidationError(
                    f"The logo must be at most {LOGO_MAX_PIXELS:,} pixels wide and high",
                    code="too_many_pixels",
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            "This PNG image is damaged or incomplete: save it again and choose the new file",
            code="bad_png",
        ) from None
    return data


def svg_clean(data: bytes) -> bytes:
    """The SVG rebuilt from the allowlist, as UTF-8 bytes; a ValidationError when it cannot be
    read as one."""
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ValidationError(
            "This SVG declares a document type or entities, which are not accepted: export it "
            "again as plain SVG",
            code="svg_dtd",
        ) from None
    except (ET.ParseError, ValueError, UnicodeError):
        raise ValidationError(
            "This file cannot be read as an SVG image: choose a PNG or SVG image", code="bad_svg"
        ) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValidationError(
            "This file is not an SVG image (its first element is not <svg> in the SVG "
            "namespace): choose a PNG or SVG image",
            code="not_svg",
        )
    counter = [0]
    clean = _rebuild(root, depth=0, counter=counter)
    assert clean is not None  # the root is an allowed element
    # Every element kept is SVG's: built with plain names under one default namespace.
    clean.set("xmlns", SVG_NS)
    return ET.tostring(clean, encoding="utf-8", xml_declaration=True)


def _rebuild(element: ET.Element, *, depth: int, counter: list[int]) -> ET.Element | None:
    if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{SVG_NS}}}"):
        return None  # another namespace (an editor's own data, HTML): left out with its content
    name = element.tag[len(SVG_NS) + 2 :]
    if name not in ELEMENTS:
        return None
    counter[0] += 1
    if counter[0] > SVG_MAX_ELEMENTS or depth > SVG_MAX_DEPTH:
        raise ValidationError(
            "This SVG is too complicated for a logo: simplify it, or choose a PNG",
            code="svg_too_big",
        )
    clean = ET.Element(name, _attributes(element))
    clean.text = element.text
    for child in element:
        kept = _rebuild(child, depth=depth + 1, counter=counter)
        if kept is not None:
            clean.append(kept)
        # Text after a left-out element stays where it was.
        if child.tail:
            if kept is not None:
                kept.tail = child.tail
            elif len(clean):
                clean[-1].tail = (clean[-1].tail or "") + child.tail
            else:
                clean.text = (clean.text or "") + child.tail
    return clean


def _attributes(element: ET.Element) -> dict[str, str]:
    kept: dict[str, str] = {}
    for key, value in element.attrib.items():
        if key == f"{{{XLINK_NS}}}href":
            key = "href"
        elif key.startswith("{"):
            continue  # xml:base, editors' attributes, anything namespaced
        if key not in ATTRIBUTES:
            continue
        if key == "href":
            if _INTERNAL_HREF.match(value.strip()):
                kept[key] = value.strip()
            continue
        if _value_is_safe(value, style=key == "style"):
            kept[key] = value
    return kept


def _value_is_safe(value: str, *, style: bool) -> bool:
    """Nothing in it loads another address or escapes the check: only url(#id) references."""
    rest = _INTERNAL_URL.sub("", value)
    if _UNSAFE_VALUE.search(rest):
        return False
    if style:
        functions = {match.lower() for match in _STYLE_FUNCTION.findall(rest)}
        return functions <= _STYLE_FUNCTIONS
    return True
