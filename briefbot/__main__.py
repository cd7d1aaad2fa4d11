from briefbot.cli import main

main()
