"""The bundled demo news sites and the loopback HTTP server that serves them."""
