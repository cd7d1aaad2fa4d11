"""Live sources for the bot's admins (issue 15)."""
