from newsynth.cli import main

main()
