"""The fictional news sites whose pages make up Broadsheet's demo collection."""
