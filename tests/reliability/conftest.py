"""The reliability tests reuse the engine tests' sandbox pair and engine fixtures."""

from tests.engine.conftest import (  # noqa: F401  (fixtures, found by name)
    commerce_admin,
    engine_db,
    make_engine,
    sandbox_pair,
    store_id,
    walmart_admin,
)
