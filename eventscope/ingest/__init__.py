"""ingest stage: raw inputs (text, HTML, JSON Lines, CSV) to Documents, or Rejections saying why not.

Every function here returns a Rejection for bad input rather than raising, so one broken
file never stops a batch.
"""

from eventscope.ingest.assemble import DEFAULT_MAX_CHARS
from eventscope.ingest.files import iter_inputs, walk_files
from eventscope.ingest.html_page import document_from_html
from eventscope.ingest.records import document_from_record, read_numbered_records, read_records
from eventscope.ingest.text import document_from_text

__all__ = [
    "DEFAULT_MAX_CHARS",
    "document_from_html",
    "document_from_record",
    "document_from_text",
    "iter_inputs",
    "read_numbered_records",
    "read_records",
    "walk_files",
]
