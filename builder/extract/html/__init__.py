"""HTML pages: recognised before decoding, decoded by their declared charset, read with trafilatura.

Only the worker processes import trafilatura (`reading`): the parent and `builder --help` never load it.
"""
