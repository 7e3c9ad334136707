"""Sandbox servers: local stand-ins for the Walmart Marketplace and Commerce REST APIs.

They are part of the product (demo mode, tests, benchmarks), served over real HTTP on loopback.
"""
