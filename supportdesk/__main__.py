import sys

from supportdesk.cli import main

sys.exit(main())
