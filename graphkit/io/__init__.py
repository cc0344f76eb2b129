"""Reading what users give graphkit: texts, cast files, rule files, structured inputs.

:mod:`.text` reads and decodes a file (BOM, UTF-8/16, cp1252; :mod:`.html`
for web pages) and :mod:`.glue` normalises it with an offset map back to the
file; :mod:`.cast` and :mod:`.rules` read the user's own files (through
:mod:`.userfile`); :mod:`.readers` holds the registry of structured formats
(plays, screenplays, tables); :mod:`.lexicon` loads the word lists shipped in
``graphkit/data``.
"""
