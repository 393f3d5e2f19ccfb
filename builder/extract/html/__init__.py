"""HTML pages: recognised before decoding, decoded by their declared charset, read with trafilatura.

Only the worker processes import trafilatura (`reading`): the parent and `builder --help` never load it.
"""

HTML_PAGE = "text/html"  # the media type of an HTML page, as a container (WARC, JSONL) may also set it
