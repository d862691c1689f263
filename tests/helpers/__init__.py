"""What tests share and import (never from one another's modules or from a conftest):

- :mod:`tests.helpers.cli`: the command line in this process (``run(capsys, ...)``, ``cli``, ``ok``);
- :mod:`tests.helpers.db`: digests of a database file (every table; the synced register);
- :mod:`tests.helpers.shared`: ``shared_folder``, a session template built once per run for all xdist workers.

Fixtures stay in the conftest files; factories of records in ``tests/factories.py``.
"""
