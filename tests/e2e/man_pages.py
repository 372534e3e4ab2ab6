"""The man pages the build writes (build/man): one for iact and one per command that --help
lists, each rendered by man -l without a warning from groff, and each holding every option
its command's --help lists (they are written from the same command line). As man-pages(7)
has them: a date in .TH (the commit's, or SOURCE_DATE_EPOCH's), a DESCRIPTION that says more
than NAME, EXIT STATUS per command (diff, build and rollup have their own), ENVIRONMENT with
every variable iact reads (found in its source), FILES, and EXAMPLES that use only the options
the command has."""
import os
import glob
import re
import subprocess
import sys
import tempfile

from support import check, finish

IACT = os.path.abspath(sys.argv[1])
MAN_DIR = os.path.abspath(sys.argv[2])
ROOT = os.path.abspath(sys.argv[3])


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


# --- man-pages(7): the sections a page has ---
def section(text, name):
    """The rendered text of a section, without its heading."""
    m = re.search(rf"^{name}\n(.*?)(?=^[A-Z][A-Z ]+\n|\Z)", text, re.M | re.S)
    return m[1] if m else ""


def flat(text):
    return " ".join(text.split())


# Every environment variable iact reads: getenv("X") and the variables data folders are found by.
source = "".join(open(f).read() for f in glob.glob(os.path.join(ROOT, "src", "**", "*.cpp"), recursive=True))
variables = set(re.findall(r'getenv\("([A-Z_]+)"\)', source))
variables |= set(re.findall(r'find_data_dir\([^;]*?"(IACT_[A-Z_]+)"', source, re.S))
check({"NO_COLOR", "SOURCE_DATE_EPOCH", "IACT_FRAMEWORKS", "PATH"} <= variables,
      f"the variables found in the source: {sorted(variables)}")
committed = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%cs"], capture_output=True,
                           text=True).stdout.strip()
exit_status = {}
for c in [None] + commands:
    name = "iact" if c is None else f"iact-{c}"
    path = os.path.join(MAN_DIR, name + ".1")
    roff = open(path).read()
    th = re.match(r'\.TH \S+ 1 "([^"]*)"', roff)
    check(th and re.fullmatch(r"\d{4}-\d{2}-\d{2}", th[1]) and (not committed or th[1] == committed),
          f"{name}(1): .TH date {th[1] if th else None!r}, the commit's is {committed!r}")
    text = render(path)
    summary = flat(section(text, "NAME")).split(" - ", 1)[-1]
    description = flat(section(text, "DESCRIPTION"))
    check(len(description) > 2 * len(summary) + 100,
          f"{name}(1): the DESCRIPTION says little more than NAME:\n  {summary}\n  {description[:300]}")
    environment = section(text, "ENVIRONMENT")
    for v in variables | {"TERM"}:
        check(re.search(rf"^ {{7}}{v}\b", environment, re.M), f"{name}(1): ENVIRONMENT lacks {v}")
    exit_status[c] = flat(section(text, "EXIT STATUS"))
    check(re.search(r"\b0 .* 1 .* 2 ", exit_status[c]), f"{name}(1): EXIT STATUS {exit_status[c]!r}")
    examples = section(text, "EXAMPLES")
    lines = [l.strip() for l in examples.splitlines() if re.match(r"^ {11}\S", l)]
    check(lines, f"{name}(1) has no EXAMPLES")
    if c is None:
        check(section(text, "FILES"), "iact(1) has no FILES")
        check(len(lines) >= len(commands), f"iact(1) has {len(lines)} examples for {len(commands)} commands")
        continue
    allowed = options_in(help_of(c).split("Options:")[-1]) | options_in(main_help.split("Subcommands:")[0])
    for line in lines:
        check(f"iact {c}" in line, f"iact-{c}(1): the example '{line}' does not run iact {c}")
        for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", line.split(f"iact {c}", 1)[-1]):
            check(option in allowed, f"iact-{c}(1): the example '{line}' uses {option}, which it lacks")
for c in ("diff", "build", "rollup"):
    check(exit_status[c] != exit_status["validate"], f"iact-{c}(1)'s EXIT STATUS is validate's")
check("130" in exit_status["build"] and "--exit-code" in exit_status["diff"],
      f"EXIT STATUS of build and diff: {exit_status['build']!r} {exit_status['diff']!r}")

# SOURCE_DATE_EPOCH dates the pages instead of the commit, as reproducible builds ask.
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(365 * 86400 + 3600))
    subprocess.run([IACT, "man-pages", "-o", tmp], env=env, check=True)
    th = re.match(r'\.TH \S+ 1 "([^"]*)"', open(os.path.join(tmp, "iact-validate.1")).read())
    check(th and th[1] == "1971-01-01", f"with SOURCE_DATE_EPOCH the .TH date is {th[1] if th else None!r}")

finish("man pages")
