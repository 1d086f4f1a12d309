"""Grammar machinery: `grammar.load()/build()` find grammars/*.lark and build LALR parsers;
`transform.SignalShaper` turns parse trees into SIGNAL_FIELDS dicts by rule name."""
