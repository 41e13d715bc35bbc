"""Qt item models: adapters over core results."""
