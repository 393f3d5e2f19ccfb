"""Extract: bytes to text, recognise the site, read the article's fields."""
