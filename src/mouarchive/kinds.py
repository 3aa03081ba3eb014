"""The kinds of document, apart from the model so that the command line can offer them without
importing it (`mouarchive build` answered by the warm engine needs no model: 18 ms of imports).

`translation`: a translation that another hand than the original's publisher made (the archive's
editors, say), of a document in the archive (`translation_of`)."""

KINDS = ("press-release", "news", "statement", "speech", "text", "translation")
