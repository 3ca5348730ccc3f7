import sys

from floke.cli import main

sys.exit(main())
