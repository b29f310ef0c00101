"""leren: the data, generators and checks behind the knowledge base on transformatieleren."""

from leren.catalog import Catalog, load
from leren.errors import DataError

__all__ = ["Catalog", "DataError", "load"]
__version__ = "0.1.0"
