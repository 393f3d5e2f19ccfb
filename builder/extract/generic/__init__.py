"""Reading text dumps of sites with no profile: the page's own lines, and what the site's other dumps share."""
