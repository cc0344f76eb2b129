"""Typed relations stated in the text (``plays``, ``directed``, ``spouse``, ...), found by rules.

:mod:`.extract` runs the rules of :mod:`graphkit.io.rules` over masked
sentences (:mod:`.masking`), trying on each sentence only the rules that can
match it (:mod:`.candidates`); :mod:`.media` tells films from books.
"""
