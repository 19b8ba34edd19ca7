import io

import pytest
from pypdf import PdfReader

from corporate_parenting.pdf import StaticFilesFetcher, render_pdf

pytestmark = pytest.mark.django_db


def test_pdf_has_the_council_name_title_and_page_numbers():
    pdf = render_pdf("pdf/base.html", {"title": "Dates for the diary"})
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Anytown Council" in text
    assert "Dates for the diary" in text
    # Page numbers come from the print stylesheet, so it was read from disk.
    assert "Page 1 of 1" in text


def test_pdf_refuses_to_fetch_from_the_network():
    with pytest.raises(ValueError, match="only use the portal's own static files"):
        StaticFilesFetcher().fetch("https://example.org/tracker.png")
