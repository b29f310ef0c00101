import sys

from leren.cli import main

sys.exit(main())
