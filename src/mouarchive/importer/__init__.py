"""`mouarchive import`: the plain text of a press release or news item -> a draft document.

The importer only writes down what the text states: a field it cannot determine, or on which the
text disagrees with itself, is left empty and marked `# REVIEW:` in the draft; a derived date says
how it was derived (`signed_derived_from`). People are signatories or witnesses only where the text
says they signed or witnessed, never because of their rank.

One module a step, in the order they run:
- `text`: the text cleaned and cut (headline, datelines, site chrome, the end mark, sentences);
- `dates`: date phrases read, relative ones against the publication date;
- `parties`: the organisations the text names, known or proposed;
- `people`: the people a passage names, with their titles and parties;
- `roles`: the clauses that say who signed and who witnessed;
- `earlier`: the sentences about an earlier signing, which date and place nothing announced;
- `events` and `places`: the event it was signed at, and where the signing was;
- `agreements` and `topics`: the facts of each agreement, and the topics;
- `read`: all of them, text -> `Draft` (`draft`); `writer`: the draft as a document;
- `command`: `mouarchive import` itself, the only part that reads or writes files.
`lexicon` holds the words they share.
"""

from ..yaml_text import yaml_scalar
from .command import create_file, describe, existing_agreements, run_import, site_vocabularies, write_new
from .dates import resolve_date
from .draft import Draft, DraftAgreement, DraftPerson, Note, ProposedParty
from .read import draft_from_text
from .writer import default_path, render_draft

__all__ = [
    "Draft", "DraftAgreement", "DraftPerson", "Note", "ProposedParty", "create_file", "default_path",
    "describe", "draft_from_text", "existing_agreements", "render_draft", "resolve_date", "run_import",
    "site_vocabularies", "write_new", "yaml_scalar",
]
