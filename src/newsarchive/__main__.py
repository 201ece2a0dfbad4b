"""``python -m newsarchive``: the console command, Ctrl-C guard included."""

from newsarchive.entry import main

main()
