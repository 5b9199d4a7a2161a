"""Words: the tokenizer and the English stemmer that search, the glossary and the checker share.

Below the loader (the glossary's checker compares forms the way search does), above the records.
"""
