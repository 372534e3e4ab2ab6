"""The man pages the build writes (build/man): one for iact and one per command that --help
lists, each rendered by man -l without a warning from groff, and each holding every option
its command's --help lists (they are written from the same command line)."""
import os
import re
import subprocess
import sys

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
MAN_DIR = os.path.abspath(sys.argv[2])


def help_of(*command):
    return subprocess.run([IACT, *command, "--help"], capture_output=True, text=True).stdout


def options_in(help_text):
    return set(re.findall(r"(?:^|[ ,])(--?[a-z][a-z-]*)", help_text, re.M))


def render(page):
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    proc = subprocess.run(["man", "--warnings", "-l", page], capture_output=True, text=True,
                          env=env)
    check(proc.returncode == 0, f"man -l {page} exited {proc.returncode}: {proc.stderr}")
    check(proc.stderr == "", f"man --warnings -l {page} warns:\n{proc.stderr}")
    # Overstriking (bold, underline) is removed when man's output is not a terminal, but be sure.
    return re.sub(r".\x08", "", proc.stdout)


def words(text):
    """A pattern for text as man sets it: justified lines put more than one space between words."""
    return r"\s+".join(re.escape(w) for w in text.split())


main_help = help_of()
commands = re.findall(r"^  ([a-z-]+) ", main_help.split("Subcommands:")[1], re.M)
check(len(commands) >= 15, f"read {len(commands)} commands from iact --help")
pages = sorted(f for f in os.listdir(MAN_DIR) if f.endswith(".1"))
check(pages == sorted(["iact.1"] + [f"iact-{c}.1" for c in commands]),
      f"the pages {pages} are not iact.1 and one per command of --help {commands}")

main = render(os.path.join(MAN_DIR, "iact.1"))
check(re.search(r"^NAME\n +" + words("iact - checks the action plans"), main, re.M),
      f"iact(1) NAME:\n{main[:400]}")
for c in commands:
    check(re.search(rf"^ {{7}}{re.escape(c)}\b", main, re.M), f"iact(1) does not list the command {c}")
    check(f"iact-{c}(1)" in main, f"iact(1) does not refer to iact-{c}(1)")
for option in options_in(main_help.split("Subcommands:")[0]):
    check(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", main), f"iact(1) lacks {option}")

for c in commands:
    text = render(os.path.join(MAN_DIR, f"iact-{c}.1"))
    check(re.search(r"^NAME\n +" + words(f"iact-{c} - "), text, re.M), f"iact-{c}(1) NAME")
    check(re.search(rf"^SYNOPSIS\n +iact {re.escape(c)} \[OPTIONS\]", text, re.M), f"iact-{c}(1) SYNOPSIS")
    for option in options_in(help_of(c).split("Options:")[-1]):
        check(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text),
              f"iact-{c}(1) lacks {option}, which iact {c} --help lists")

# Known options, and where they are.
validate = render(os.path.join(MAN_DIR, "iact-validate.1"))
check(re.search(r"^ +--format text\|json\|sarif\|github\|gitlab$", validate, re.M),
      "iact-validate(1) lacks --format and its choices")
diff = render(os.path.join(MAN_DIR, "iact-diff.1"))
check(re.search(r"^ +--exit-code\n +" + words("Exit 1 when the plans differ"), diff, re.M),
      "iact-diff(1) lacks --exit-code")
check(not os.path.exists(os.path.join(MAN_DIR, "iact-man-pages.1")), "the hidden command has a page")

finish("man pages")
