"""The Amazon reliability tests reuse the engine tests' sandboxes and Amazon engine fixtures."""

from tests.engine.amazon.conftest import (  # noqa: F401  (fixtures, found by name)
    amazon_admin,
    make_amazon_engine,
)
from tests.engine.conftest import (  # noqa: F401  (fixtures, found by name)
    commerce_admin,
    engine_db,
    sandbox_pair,
    store_id,
)
