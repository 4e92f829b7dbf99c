"""The production web server: its security headers and its nginx configuration."""
