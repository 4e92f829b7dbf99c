"""Content model, checks and rendering for the crime-victim information site and its leaflets."""
