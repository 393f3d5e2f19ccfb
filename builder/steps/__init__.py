"""Pipeline steps: each takes a Record and answers ok (None) or a Reject; none knows a site or an input format."""
