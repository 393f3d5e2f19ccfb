"""Reading text dumps of sites with no profile: the page's own lines, and what the site's other dumps share."""

from pathlib import Path

# The reader's data files (weights, stop words, chrome phrases) sit beside its modules. Found from this
# package marker, which stays Python: a compiled module's __file__ may name the installed copy instead.
DATA_DIR = Path(__file__).parent
