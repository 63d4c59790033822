"""The ``broadsheet`` commands, one module per area; ``search_web.cli`` groups them."""
