SELECT key, value FROM build_info ORDER BY key
