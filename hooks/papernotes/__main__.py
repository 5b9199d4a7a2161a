from papernotes.cli.main import main

raise SystemExit(main())
