"""GUI-free domain logic: lifecycle rules, queries and DTOs. Never commits, never imports Qt."""
