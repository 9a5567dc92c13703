"""knowledge: everything eventscope knows, read from data files once per process.

One layer every stage reads: our TSV lexicons (``actor_lexicon``, ``verb_lexicon``,
``taxonomy``, ``inflection``; all read by ``tsv.read_tsv``), the user's dictionaries
(``dictionaries``: TSV and PETRARCH actors, agents, discards) and PETRARCH verb files
(``petrarch_verbs``). Nothing here imports a stage (``actors``, ``coding``, ...).
"""
