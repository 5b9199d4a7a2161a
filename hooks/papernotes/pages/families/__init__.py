"""One module per page family; `papernotes.pages.registry.FAMILIES` names them in site order."""
